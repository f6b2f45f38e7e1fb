import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ViewerLibrary } from '../../core/library/viewer-library';
import { SEARCH_DEBOUNCE_MS, SearchPage } from './search-page';

const CAFE = { id: 'tt1007', name: 'Café Rosière After Closing', posterUrl: '/p.svg', year: 2011, genres: ['Romance'] };

describe('SearchPage', () => {
  let search: jest.Mock;

  async function render() {
    search = jest.fn((q: string) => Promise.resolve({ items: q.startsWith('caf') ? [CAFE] : [], cursor: null }));
    TestBed.configureTestingModule({ imports: [SearchPage], providers: [provideRouter([]), { provide: ViewerLibrary, useValue: { search } }] });
    const fixture = TestBed.createComponent(SearchPage);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const input = element.querySelector('input') as HTMLInputElement;
    const type = (value: string) => {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 20));
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
    expect(search).toHaveBeenCalledWith('caf');
    expect(page.element.querySelector('a[aria-label="Café Rosière After Closing"]')).not.toBeNull();
  });

  it('says when nothing matches', async () => {
    const page = await render();
    page.type('zzz');
    await page.settle();
    expect(page.element.textContent).toContain('No titles match “zzz”');
  });

  it('does not search for blank input', async () => {
    const page = await render();
    page.type('   ');
    await page.settle();
    expect(search).not.toHaveBeenCalled();
    expect(page.element.textContent).toContain('Type a word');
  });
});
