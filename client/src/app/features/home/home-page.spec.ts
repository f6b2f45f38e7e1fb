import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ViewerLibrary } from '../../core/library/viewer-library';
import { Notifier } from '../../core/notify/notifier';
import { HomePage } from './home-page';

const card = (id: string, name: string) => ({ id, name, posterUrl: `/${id}.svg`, year: 2000, genres: ['Drama'] });

describe('HomePage', () => {
  let library: Record<string, jest.Mock>;
  let notifier: { error: jest.Mock };

  /** The page with its data answered, before the hero's backdrop has loaded. */
  async function open(forget: jest.Mock, continueWatching: unknown[] = [{ title: card('tt1001', 'Halfway There'), position: 12, duration: 36, progress: 1 / 3, updatedAt: '' }]) {
    library = {
      home: jest.fn().mockResolvedValue({
        rows: [
          { id: 'continue-watching', title: 'Continue Watching', items: [card('tt1001', 'Halfway There')] },
          { id: 'trending', title: 'Trending Now', items: [card('tt1002', 'Hot Right Now'), card('tt1003', 'Also Hot')] },
        ],
      }),
      continueWatching: jest.fn().mockResolvedValue({ items: continueWatching }),
      title: jest.fn().mockResolvedValue({ id: 'tt1002', name: 'Hot Right Now', synopsis: 'S', images: { poster: '', backdrop: '/b.svg' }, year: 2000, genres: ['Drama'], maturityRating: 'PG' }),
      forgetProgress: forget,
    };
    notifier = { error: jest.fn() };
    TestBed.configureTestingModule({
      imports: [HomePage],
      providers: [provideRouter([]), { provide: ViewerLibrary, useValue: library }, { provide: Notifier, useValue: notifier }],
    });
    const fixture = TestBed.createComponent(HomePage);
    const element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    return { fixture, element };
  }

  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 1)));

  /** The page once the hero's backdrop has loaded and been painted. */
  async function render(forget: jest.Mock, continueWatching?: unknown[]) {
    const { fixture, element } = await open(forget, continueWatching);
    element.querySelector('.hero img.backdrop')?.dispatchEvent(new Event('load'));
    await nextFrame();
    fixture.detectChanges();
    return { fixture, element };
  }

  it('renders the hero first and the rows once its backdrop has loaded', async () => {
    const { fixture, element } = await open(jest.fn());
    expect(element.querySelector('.hero h2')?.textContent).toBe('Hot Right Now');
    expect(element.querySelectorAll('section.row')).toHaveLength(0);
    element.querySelector('.hero img.backdrop')?.dispatchEvent(new Event('load'));
    await nextFrame();
    fixture.detectChanges();
    expect(element.querySelectorAll('section.row')).toHaveLength(2);
  });

  it('shows a hero from the first recommendation row and the rows in order, with progress on Continue Watching', async () => {
    const { element } = await render(jest.fn());
    expect(element.querySelector('.hero h2')?.textContent).toBe('Hot Right Now');
    expect([...element.querySelectorAll('section.row h2')].map((heading) => heading.textContent)).toEqual(['Continue Watching', 'Trending Now']);
    expect(element.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('33');
  });

  it('removes a title from Continue Watching, and puts it back if the server refuses', async () => {
    const forget = jest.fn().mockRejectedValue(new Error('offline'));
    const { fixture, element } = await render(forget);
    (element.querySelector('button[aria-label^="Remove from Continue Watching"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect([...element.querySelectorAll('section.row h2')].map((heading) => heading.textContent)).toEqual(['Trending Now']);
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    expect(forget).toHaveBeenCalledWith('tt1001');
    expect(notifier.error).toHaveBeenCalled();
    expect([...element.querySelectorAll('section.row h2')].map((heading) => heading.textContent)).toEqual(['Continue Watching', 'Trending Now']);
  });

  it('names the episode a series resumes in Continue Watching, as a link that plays it', async () => {
    const series = { title: card('tt1001', 'Halfway There'), position: 12, duration: 36, progress: 1 / 3, updatedAt: '', episode: { id: 'tt1001-s1e4', season: 1, number: 4, name: 'Low Tide' } };
    const { element } = await render(jest.fn(), [series]);
    const resume = element.querySelector('section.row a.episode') as HTMLAnchorElement;
    expect(resume.textContent?.trim()).toBe('S1:E4 · Low Tide');
    expect(resume.getAttribute('aria-label')).toBe('Resume S1:E4 · Low Tide of Halfway There');
    expect(resume.getAttribute('href')).toBe('/play/tt1001?episode=tt1001-s1e4');
    expect(element.querySelectorAll('a.episode')).toHaveLength(1);
  });
});
