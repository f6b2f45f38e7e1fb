import { decodeHomeChange, describeViewing, encodeHomeChange, LatestViewings } from './latest-viewings';

describe('latest viewings', () => {
  const film = { titleId: 'tt1003', started: true, completed: false };

  it('describes every part of a viewing that the home page reads', () => {
    const described = new Set([
      describeViewing(film),
      describeViewing({ ...film, titleId: 'tt1004' }),
      describeViewing({ ...film, started: false }),
      describeViewing({ ...film, completed: true }),
      describeViewing({ ...film, episodeId: 'tt1003-s1e1' }),
      describeViewing({ ...film, episodeId: 'tt1003-s1e2' }),
    ]);
    expect(described.size).toBe(6);
    expect(describeViewing({ ...film })).toBe(describeViewing(film));
  });

  it('carries a change through an invalidation key and back', () => {
    const latest = describeViewing({ ...film, episodeId: 'tt1003-s2e10' });
    for (const change of [{ profileId: 'prof_a-_9' }, { profileId: 'prof_a-_9', latest: null }, { profileId: 'prof_a-_9', latest }]) {
      expect(decodeHomeChange(encodeHomeChange(change))).toEqual(change);
    }
  });

  it('remembers what it was told last per profile, forgets it when told it is unknown, and holds at most its capacity', () => {
    const viewings = new LatestViewings(2);
    const playing = describeViewing(film);
    viewings.apply({ profileId: 'prof_a', latest: playing });
    expect(viewings.isKnown('prof_a', playing)).toBe(true);
    expect(viewings.isKnown('prof_a', describeViewing({ ...film, completed: true }))).toBe(false);
    expect(viewings.isKnown('prof_b', playing)).toBe(false);
    viewings.apply({ profileId: 'prof_a' });
    expect(viewings.isKnown('prof_a', playing)).toBe(true);
    viewings.apply({ profileId: 'prof_a', latest: null });
    expect(viewings.isKnown('prof_a', playing)).toBe(false);

    for (const profileId of ['prof_a', 'prof_b', 'prof_c']) viewings.apply({ profileId, latest: playing });
    expect(['prof_a', 'prof_b', 'prof_c'].map((profileId) => viewings.isKnown(profileId, playing))).toEqual([false, true, true]);
    viewings.forgetAll();
    expect(viewings.isKnown('prof_c', playing)).toBe(false);
  });
});
