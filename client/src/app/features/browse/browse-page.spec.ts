import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { BrowseQuery, ViewerLibrary } from '../../core/library/viewer-library';
import { BrowsePage } from './browse-page';

const card = (n: number) => ({ id: `tt${1000 + n}`, name: `Title ${n}`, posterUrl: `/p${n}.svg`, year: 2000, genres: ['Drama'] });

describe('BrowsePage', () => {
  let browse: jest.Mock;

  async function render(inputs: Record<string, string>) {
    // Two pages of three titles: the cursor is where the next page starts.
    browse = jest.fn(async (_query: BrowseQuery, cursor: string | null) => {
      const from = cursor === null ? 0 : Number(cursor);
      return { items: [0, 1, 2].map((i) => card(from + i)), cursor: from === 0 ? '3' : null };
    });
    TestBed.configureTestingModule({ imports: [BrowsePage], providers: [provideRouter([]), { provide: ViewerLibrary, useValue: { browse } }] });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(BrowsePage);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement, navigate };
  }

  it('shows the genre’s first page with the sort and filters from the URL', async () => {
    const { element } = await render({ genre: 'Drama', sort: 'newest', decade: '1990', maturity: 'PG-13' });
    expect(element.querySelector('h1')?.textContent).toBe('Drama');
    expect(browse).toHaveBeenCalledWith({ genre: 'Drama', sort: 'newest', decade: 1990, maturity: 'PG-13' }, null);
    expect(element.querySelectorAll('app-title-card')).toHaveLength(3);
    expect((element.querySelector('select[name="sort"]') as HTMLSelectElement).value).toBe('newest');
  });

  it('ignores values in the URL the API would refuse', async () => {
    await render({ genre: 'Drama', sort: 'loudest', decade: '1995', maturity: 'X' });
    expect(browse).toHaveBeenCalledWith({ genre: 'Drama', sort: undefined, decade: undefined, maturity: undefined }, null);
  });

  it('loads the next page by cursor, and says when all are shown', async () => {
    const { fixture, element } = await render({ genre: 'Drama' });
    (element.querySelector('.more button') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(browse).toHaveBeenLastCalledWith({ genre: 'Drama', sort: undefined, decade: undefined, maturity: undefined }, '3');
    expect(element.querySelectorAll('app-title-card')).toHaveLength(6);
    expect(element.querySelector('.more')).toBeNull();
    expect(element.textContent).toContain('All 6 titles shown');
  });

  it('puts a new sort or filter into the URL', async () => {
    const { element, navigate } = await render({ genre: 'Drama' });
    const decade = element.querySelector('select[name="decade"]') as HTMLSelectElement;
    decade.value = '1980';
    decade.dispatchEvent(new Event('change'));
    expect(navigate).toHaveBeenCalledWith([], { queryParams: { decade: '1980' }, queryParamsHandling: 'merge' });
  });
});
