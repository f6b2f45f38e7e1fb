import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TitleRow } from './title-row';

const card = (id: string) => ({ id, name: `Title ${id}`, posterUrl: `/${id}.svg`, year: 2000, genres: ['Drama'] });

describe('TitleRow', () => {
  afterEach(() => {
    delete (window as { matchMedia?: unknown }).matchMedia;
  });

  async function pressRight(reducedMotion: boolean): Promise<jest.Mock> {
    // jsdom has no matchMedia: answer as a system with or without "reduce motion" would.
    window.matchMedia = jest.fn((query: string) => ({ matches: reducedMotion && query === '(prefers-reduced-motion: reduce)' }) as MediaQueryList);
    TestBed.configureTestingModule({ imports: [TitleRow], providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(TitleRow);
    fixture.componentRef.setInput('heading', 'Trending Now');
    fixture.componentRef.setInput('items', [card('tt1000'), card('tt1001')]);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const track = element.querySelector('.track') as HTMLElement;
    const scrollBy = jest.fn();
    track.scrollBy = scrollBy;
    (element.querySelector('button[aria-label="Scroll Trending Now right"]') as HTMLButtonElement).click();
    return scrollBy;
  }

  it('scrolls the row smoothly by default', async () => {
    const scrollBy = await pressRight(false);
    expect(scrollBy).toHaveBeenCalledWith(expect.objectContaining({ behavior: 'smooth' }));
  });

  it('jumps without animation when the viewer prefers reduced motion', async () => {
    const scrollBy = await pressRight(true);
    expect(scrollBy).toHaveBeenCalledWith(expect.objectContaining({ behavior: 'instant' }));
  });
});
