import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ViewerLibrary } from '../../core/library/viewer-library';
import { SEARCH_DEBOUNCE_MS, SearchPage } from './search-page';

const card = (id: string, name: string) => ({ id, name, posterUrl: '/p.svg', year: 2011, genres: ['Romance'] });
const CAFE = card('tt1007', 'Café Rosière After Closing');

describe('SearchPage', () => {
  let search: jest.Mock;
  let trending: jest.Mock;

  async function render(q?: string) {
    // "caf" finds Café on a first page whose cursor leads to a second page of one more title.
    search = jest.fn((text: string, cursor: string | null) =>
      Promise.resolve(text.startsWith('caf') ? (cursor ? { items: [card('tt1010', 'Cafeteria Nights')], cursor: null } : { items: [CAFE], cursor: 'next' }) : { items: [], cursor: null }),
    );
    trending = jest.fn().mockResolvedValue({ items: [card('tt1002', 'Hot Right Now')] });
    TestBed.configureTestingModule({ imports: [SearchPage], providers: [provideRouter([]), { provide: ViewerLibrary, useValue: { search, trending } }] });
    const fixture = TestBed.createComponent(SearchPage);
    if (q !== undefined) fixture.componentRef.setInput('q', q);
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const input = element.querySelector('input') as HTMLInputElement;
    const type = (value: string) => {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const settle = async (wait = SEARCH_DEBOUNCE_MS + 20) => {
      await new Promise((resolve) => setTimeout(resolve, wait));
      await fixture.whenStable();
      fixture.detectChanges();
    };
    return { element, type, settle };
  }

  it('searches once the viewer pauses typing, and shows results as cards', async () => {
    const page = await render();
    page.type('c');
    page.type('ca');
    page.type('caf');
    await page.settle();
    expect(search).toHaveBeenCalledTimes(1);
    expect(search).toHaveBeenCalledWith('caf', null);
    expect(page.element.querySelector('a[aria-label="Café Rosière After Closing"]')).not.toBeNull();
  });

  it('searches the query in the URL, and loads the next page by cursor', async () => {
    const page = await render('cafe');
    await page.settle(0);
    expect(search).toHaveBeenCalledWith('cafe', null);
    (page.element.querySelector('.more button') as HTMLButtonElement).click();
    await page.settle(0);
    expect(search).toHaveBeenLastCalledWith('cafe', 'next');
    expect(page.element.querySelectorAll('app-title-card')).toHaveLength(2);
    expect(page.element.querySelector('.more')).toBeNull();
  });

  it('says when nothing matches and suggests what is trending', async () => {
    const page = await render();
    page.type('zzz');
    await page.settle();
    expect(page.element.textContent).toContain('No titles match “zzz”');
    expect(trending).toHaveBeenCalled();
    expect(page.element.querySelector('.suggestions h2')?.textContent).toBe('Trending now');
    expect(page.element.querySelector('.suggestions a[aria-label="Hot Right Now"]')).not.toBeNull();
  });

  it('does not search for blank input', async () => {
    const page = await render();
    page.type('   ');
    await page.settle();
    expect(search).not.toHaveBeenCalled();
    expect(page.element.textContent).toContain('Type a title, a person or a genre');
  });
});
