import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { CatalogCursor } from '../catalog/catalog-cursor.service';
import { CatalogService } from '../catalog/catalog.service';
import { InMemoryCatalogRepository } from '../catalog/in-memory-catalog.repository';
import { loadConfig } from '../config/load-config';
import { MediaLibrary } from '../media/media-library.service';
import { MediaManifest } from '../media/media-manifest';
import { aTitle } from '../../test/support/title-builder';
import { StreamProtection } from './dto/stream-profile.dto';
import { SIMILAR_COUNT, TitleService } from './title.service';
import { InMemoryEpisodeRepository } from '../series/in-memory-episode.repository';
import { SeriesService } from '../series/series.service';
import { aSeries } from '../../test/support/episode-builder';

const SOURCE = aTitle(0, { name: 'Harbour Lights', genres: ['Drama'], year: 2000, maturityRating: 'PG' });
const SAME_YEAR = aTitle(1, { genres: ['Drama'], year: 2000, maturityRating: 'G' });
const GROWN_UP = aTitle(2, { genres: ['Drama'], year: 2000, maturityRating: 'R' });
const LATER = aTitle(3, { genres: ['Drama'], year: 2005, maturityRating: 'PG' });
const OTHER_GENRE = aTitle(4, { genres: ['Comedy'], year: 2000, maturityRating: 'G' });
const MANY_DRAMAS = Array.from({ length: SIMILAR_COUNT + 3 }, (_, index) => aTitle(5 + index, { genres: ['Drama'], year: 2010 }));

/** The real library reads packaged media from disk; here only the one title is encrypted. */
class FixedMedia extends MediaLibrary {
  override forTitle(titleId: string) {
    const manifest: MediaManifest = {
      id: 'prog',
      name: 'Programme',
      durationSeconds: 600,
      renditions: ['360p', '720p'].map((profile) => ({ profile, width: 0, height: 0, bandwidth: 0, codecs: '', playlist: `${profile}/index.m3u8` })),
      subtitles: [],
      encryption: titleId === SOURCE.id ? 'aes-128' : 'none',
    };
    return { directory: '/nowhere', manifest };
  }
}

describe('TitleService', () => {
  const config = loadConfig({ JWT_SECRET: 'title-unit' });
  const everyone = { maxLevel: 5 };
  const child = { maxLevel: 2, ceiling: 'PG' };
  let titles: TitleService;

  beforeEach(() => {
    const catalog = new CatalogService(new InMemoryCatalogRepository([SOURCE, SAME_YEAR, GROWN_UP, LATER, OTHER_GENRE, ...MANY_DRAMAS]), new CatalogCursor(config), config);
    titles = new TitleService(catalog, new FixedMedia(config), new SeriesService(new InMemoryEpisodeRepository(aSeries(LATER.id, [4, 2]))));
  });

  it('gives the catalog’s facts, its artwork and the streams the title really has, with their protection', async () => {
    const details = await titles.details(SOURCE.id, everyone);
    expect(details).toMatchObject({ id: SOURCE.id, name: 'Harbour Lights', year: 2000, genres: ['Drama'], maturityRating: 'PG', runtimeMinutes: 90 });
    expect(details.images.poster).toBe(`${config.publicUrl}/images/${SOURCE.id}/poster.svg?v=2`);
    expect(details.streams).toEqual([
      { profile: '360p', drm: StreamProtection.Aes128 },
      { profile: '720p', drm: StreamProtection.Aes128 },
    ]);
    expect((await titles.details(SAME_YEAR.id, everyone)).streams[0].drm).toBe(StreamProtection.None);
  });

  it('lists at most twelve similar titles, nearest first, never the title itself', async () => {
    const { similar, similarTitles } = await titles.details(SOURCE.id, everyone);
    expect(similar).toHaveLength(SIMILAR_COUNT);
    expect(similar.slice(0, 3)).toEqual([SAME_YEAR.id, GROWN_UP.id, LATER.id]);
    expect(similar).not.toContain(SOURCE.id);
    expect(similarTitles.map((title) => title.id)).toEqual(similar);
  });

  it('hides similar titles above the profile’s ceiling', async () => {
    const { similar } = await titles.details(SOURCE.id, child);
    expect(similar.slice(0, 2)).toEqual([SAME_YEAR.id, LATER.id]);
    expect(similar).not.toContain(GROWN_UP.id);
  });

  it('refuses a title above the ceiling with 403 saying why, and an unknown one with 404', async () => {
    await expect(titles.details(GROWN_UP.id, child)).rejects.toThrow(new ForbiddenException(`Title ${GROWN_UP.id} is rated R, above this profile's maturity limit (PG)`));
    await expect(titles.details('tt9999', everyone)).rejects.toThrow(new NotFoundException('Title tt9999 does not exist'));
  });

  it('says whether a title is a film or a series, and gives a series its seasons with their episode counts', async () => {
    const film = await titles.details(SOURCE.id, everyone);
    expect(film.kind).toBe('film');
    expect(film).not.toHaveProperty('seasons');
    expect(await titles.details(LATER.id, everyone)).toMatchObject({ kind: 'series', seasons: [{ number: 1, episodeCount: 4 }, { number: 2, episodeCount: 2 }] });
  });
});
