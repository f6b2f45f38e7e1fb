import { signal, WritableSignal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ViewerLibrary } from '../../core/library/viewer-library';
import { PlaybackPrefetch } from '../../core/playback/playback-prefetch';
import { TitlePage } from './title-page';

const TITLE = {
  id: 'tt1000',
  name: 'The Cartographer of Drowned Streets',
  synopsis: 'A surveyor maps a flooded city.',
  images: { poster: '/p.svg', backdrop: '/b.svg' },
  streams: [{ profile: '360p', drm: 'aes-128' }],
  similar: [],
  similarTitles: [],
  year: 2008,
  genres: ['Drama'],
  maturityRating: 'PG-13',
  runtimeMinutes: 124,
  cast: ['Ilse Marrowby', 'Corwin Halloway-Brisk'],
  director: 'Liora Thistlewood',
};

describe('TitlePage', () => {
  let library: Record<string, jest.Mock>;
  let progressVersion: WritableSignal<number>;
  let warm: jest.Mock;
  let stopWarming: jest.Mock;

  async function render(overrides: Partial<Record<string, jest.Mock>> = {}) {
    library = {
      title: jest.fn().mockResolvedValue(TITLE),
      myList: jest.fn().mockResolvedValue({ items: [] }),
      ratings: jest.fn().mockResolvedValue({ items: [{ titleId: 'tt1000', rating: 'up', updatedAt: '' }] }),
      continueWatching: jest.fn().mockResolvedValue({ items: [{ title: { id: 'tt1000' }, position: 754, duration: 1000, progress: 0.75, updatedAt: '' }] }),
      addToList: jest.fn().mockResolvedValue(undefined),
      removeFromList: jest.fn().mockResolvedValue(undefined),
      rate: jest.fn().mockResolvedValue(undefined),
      ...overrides,
    };
    progressVersion = signal(3);
    stopWarming = jest.fn();
    warm = jest.fn(() => stopWarming);
    TestBed.configureTestingModule({
      imports: [TitlePage],
      providers: [provideRouter([]), { provide: ViewerLibrary, useValue: { ...library, progressVersion } }, { provide: PlaybackPrefetch, useValue: { warm } }],
    });
    const fixture = TestBed.createComponent(TitlePage);
    fixture.componentRef.setInput('id', 'tt1000');
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  const button = (element: HTMLElement, name: RegExp) =>
    [...element.querySelectorAll('button')].find((candidate) => name.test(candidate.getAttribute('aria-label') ?? candidate.textContent ?? '')) as HTMLButtonElement;

  it('shows the title with Resume and the time when there is progress', async () => {
    const { element } = await render();
    expect(element.querySelector('h1')?.textContent).toBe(TITLE.name);
    expect(element.textContent).toContain('124 min');
    expect(element.querySelector('a.play')?.textContent).toContain('Resume from 12:34');
    expect(button(element, /I like this/).getAttribute('aria-pressed')).toBe('true');
  });

  it('fetches ahead for Play while open, for the title shown, and stops on leaving or on moving to another title', async () => {
    const { fixture } = await render({ title: jest.fn((id: string) => Promise.resolve({ ...TITLE, id })) });
    expect(warm.mock.calls).toEqual([[{ titleId: 'tt1000' }]]);
    fixture.componentRef.setInput('id', 'tt1001');
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    expect(warm.mock.calls).toEqual([[{ titleId: 'tt1000' }], [{ titleId: 'tt1001' }]]);
    expect(stopWarming).toHaveBeenCalledTimes(1);
    fixture.destroy();
    expect(stopWarming).toHaveBeenCalledTimes(2);
  });

  it('loads once per title: a signal its requests read (the session’s token) changing does not reload it', async () => {
    const token = signal('a');
    const { fixture } = await render({ myList: jest.fn(() => (token(), Promise.resolve({ items: [] }))) });
    const reads = library['title'].mock.calls.length;
    expect(reads).toBeGreaterThan(0);
    token.set('b');
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    expect(library['title']).toHaveBeenCalledTimes(reads);
  });

  it('lists the cast and the director, each a link to a search for that person', async () => {
    const { element } = await render();
    const links = [...element.querySelectorAll<HTMLAnchorElement>('.credits a')].map((link) => [link.textContent?.trim(), link.getAttribute('href')]);
    expect(links).toEqual([
      ['Ilse Marrowby', '/search?q=Ilse%20Marrowby'],
      ['Corwin Halloway-Brisk', '/search?q=Corwin%20Halloway-Brisk'],
      ['Liora Thistlewood', '/search?q=Liora%20Thistlewood'],
    ]);
  });

  it('shows Resume once the last heartbeat of the film lands after the page has loaded', async () => {
    const { fixture, element } = await render({ continueWatching: jest.fn().mockResolvedValue({ items: [] }) });
    expect(element.querySelector('a.play')?.textContent).toContain('Play');
    expect(library['continueWatching']).toHaveBeenCalledTimes(1);

    library['continueWatching'].mockResolvedValue({ items: [{ title: { id: 'tt1000' }, position: 42, duration: 1000, progress: 0.04, updatedAt: '' }] });
    progressVersion.update((version) => version + 1);
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    expect(library['continueWatching']).toHaveBeenCalledTimes(2);
    expect(element.querySelector('a.play')?.textContent).toContain('Resume from 0:42');
  });

  it('keeps the newer position when the page’s first read answers after the one a heartbeat started', async () => {
    let answerFirstRead: (value: unknown) => void = () => undefined;
    const firstRead = new Promise((resolve) => (answerFirstRead = resolve));
    const continueWatching = jest
      .fn()
      .mockReturnValueOnce(firstRead)
      .mockResolvedValue({ items: [{ title: { id: 'tt1000' }, position: 42, duration: 1000, progress: 0.04, updatedAt: '' }] });
    const { fixture, element } = await render({ continueWatching });

    progressVersion.update((version) => version + 1);
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    answerFirstRead({ items: [] });
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    expect(continueWatching).toHaveBeenCalledTimes(2);
    expect(element.querySelector('a.play')?.textContent).toContain('Resume from 0:42');
  });

  it('adds to My List at once, and undoes it when the server refuses', async () => {
    const { fixture, element } = await render({ addToList: jest.fn().mockRejectedValue(new Error('offline')) });
    button(element, /My List/).click();
    fixture.detectChanges();
    expect(button(element, /My List/).textContent).toContain('In My List');
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    expect(library['addToList']).toHaveBeenCalledWith('tt1000');
    expect(button(element, /My List/).textContent).toContain('+ My List');
  });

  it('toggles a rating off when the same choice is pressed again', async () => {
    const { fixture, element } = await render();
    button(element, /I like this/).click();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    expect(library['rate']).toHaveBeenCalledWith('tt1000', null);
    button(element, /Love this/).click();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    expect(library['rate']).toHaveBeenLastCalledWith('tt1000', 'love');
    expect(button(element, /Love this/).getAttribute('aria-pressed')).toBe('true');
  });

  it('says so when the title cannot be loaded', async () => {
    const { element } = await render({ title: jest.fn().mockRejectedValue(new Error('gone')) });
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('This title could not be loaded.');
  });

  describe('a series', () => {
    const SERIES = { ...TITLE, kind: 'series', seasons: [{ number: 1, episodeCount: 2 }, { number: 2, episodeCount: 3 }] };
    const episode = (season: number, number: number, progress: { position: number; duration: number; completed: boolean } | null = null) => ({
      id: `tt1000-s${season}e${number}`,
      season,
      number,
      name: `Episode ${season}.${number}`,
      synopsis: `What happens in ${season}.${number}.`,
      runtimeMinutes: 40 + number,
      progress,
    });
    const EPISODES: Record<number, ReturnType<typeof episode>[]> = { 1: [episode(1, 1, { position: 2380, duration: 2400, completed: true }), episode(1, 2, { position: 1260, duration: 2520, completed: false })], 2: [episode(2, 1), episode(2, 2), episode(2, 3)] };
    /** The page, once the episode list (which appears with the title) has loaded its season too. */
    async function renderSeries(continueWatching: unknown[] = []) {
      const rendered = await render({
        title: jest.fn().mockResolvedValue(SERIES),
        episodes: jest.fn(async (_id: string, season: number) => ({ items: EPISODES[season] })),
        continueWatching: jest.fn().mockResolvedValue({ items: continueWatching }),
      });
      await settled(rendered.fixture);
      return rendered;
    }
    async function settled(fixture: ComponentFixture<TitlePage>): Promise<void> {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
      fixture.detectChanges();
    }
    const rows = (element: HTMLElement) => [...element.querySelectorAll<HTMLAnchorElement>('.episodes a')];

    it('says how many seasons, and Play starts S1:E1 when nothing is in progress', async () => {
      const { element } = await renderSeries();
      expect(element.querySelector('.title-meta')?.textContent).toContain('2 seasons');
      expect(element.querySelector('.title-meta')?.textContent).not.toContain('min');
      const play = element.querySelector('a.play') as HTMLAnchorElement;
      expect(play.textContent).toContain('Play S1:E1');
      expect(play.getAttribute('href')).toBe('/play/tt1000?episode=tt1000-s1e1');
    });

    it('fetches ahead for the episode Play starts, and only once that episode is known', async () => {
      await renderSeries([{ title: { id: 'tt1000' }, position: 60, duration: 2520, progress: 0.02, updatedAt: '', episode: { id: 'tt1000-s2e1', season: 2, number: 1, name: 'Episode 2.1' } }]);
      expect(warm.mock.calls).toEqual([[{ titleId: 'tt1000', episodeId: 'tt1000-s2e1' }]]);
    });

    it('lists the season\'s episodes with number, name, runtime, synopsis and progress; each row plays its episode', async () => {
      const { element } = await renderSeries();
      expect(rows(element).map((row) => row.getAttribute('aria-label'))).toEqual(['Play S1:E1 · Episode 1.1', 'Play S1:E2 · Episode 1.2']);
      const second = rows(element)[1];
      expect(second.getAttribute('href')).toBe('/play/tt1000?episode=tt1000-s1e2');
      expect(second.querySelector('.number')?.textContent).toBe('2');
      expect(second.querySelector('.runtime')?.textContent).toBe('42 min');
      expect(second.querySelector('.synopsis')?.textContent).toBe('What happens in 1.2.');
      expect(second.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('50');
    });

    it('shows another season when it is picked', async () => {
      const { fixture, element } = await renderSeries();
      const picker = element.querySelector('select') as HTMLSelectElement;
      expect([...picker.options].map((option) => option.textContent?.trim())).toEqual(['Season 1 (2 episodes)', 'Season 2 (3 episodes)']);
      picker.value = '2';
      picker.dispatchEvent(new Event('change'));
      await settled(fixture);
      expect(library['episodes']).toHaveBeenLastCalledWith('tt1000', 2);
      expect(rows(element).map((row) => row.getAttribute('aria-label'))).toEqual(['Play S2:E1 · Episode 2.1', 'Play S2:E2 · Episode 2.2', 'Play S2:E3 · Episode 2.3']);
      expect(rows(element)[0].querySelector('[role="progressbar"]')).toBeNull();
    });

    it('resumes the episode Continue Watching holds, and opens the list at its season', async () => {
      const inProgress = { title: { id: 'tt1000' }, position: 100, duration: 2400, progress: 0.04, updatedAt: '', episode: { id: 'tt1000-s2e3', season: 2, number: 3, name: 'Episode 2.3' } };
      const { element } = await renderSeries([inProgress]);
      const play = element.querySelector('a.play') as HTMLAnchorElement;
      expect(play.textContent).toContain('Resume S2:E3');
      expect(play.getAttribute('href')).toBe('/play/tt1000?episode=tt1000-s2e3');
      expect((element.querySelector('select') as HTMLSelectElement).value).toBe('2');
      expect(rows(element)).toHaveLength(3);
    });
  });
});
