import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ViewerLibrary } from '../../core/library/viewer-library';
import { Notifier } from '../../core/notify/notifier';
import { MyListPage } from './my-list-page';

const summary = (id: string, name: string) => ({ id, name, posterUrl: `/${id}.svg`, year: 2000, genres: ['Drama'] });

describe('MyListPage', () => {
  let library: { myList: jest.Mock; removeFromList: jest.Mock };
  let notifier: { error: jest.Mock };

  async function render(myList: jest.Mock, removeFromList = jest.fn().mockResolvedValue(undefined)) {
    library = { myList, removeFromList };
    notifier = { error: jest.fn() };
    TestBed.configureTestingModule({
      imports: [MyListPage],
      providers: [provideRouter([]), { provide: ViewerLibrary, useValue: library }, { provide: Notifier, useValue: notifier }],
    });
    const fixture = TestBed.createComponent(MyListPage);
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  const titles = (element: HTMLElement) => [...element.querySelectorAll('a.poster-link')].map((link) => [link.getAttribute('aria-label'), link.getAttribute('href')]);

  it('shows the saved titles, newest first as the server lists them, each opening its title page', async () => {
    const { element } = await render(jest.fn().mockResolvedValue({ items: [summary('tt1002', 'Café Rosière'), summary('tt1000', 'Aurora Drift')] }));
    expect(titles(element)).toEqual([
      ['Café Rosière', '/title/tt1002'],
      ['Aurora Drift', '/title/tt1000'],
    ]);
  });

  it('says how to add titles when the list is empty', async () => {
    const { element } = await render(jest.fn().mockResolvedValue({ items: [] }));
    expect(element.textContent).toContain('Nothing saved yet.');
    expect(element.querySelector('a[href="/search"]')).not.toBeNull();
  });

  it('removes a title at once, and puts it back and says so when the server refuses', async () => {
    let refuse: (error: unknown) => void = () => undefined;
    const removeFromList = jest.fn(() => new Promise((_, reject) => (refuse = reject)));
    const { fixture, element } = await render(jest.fn().mockResolvedValue({ items: [summary('tt1002', 'Café Rosière'), summary('tt1000', 'Aurora Drift')] }), removeFromList);
    (element.querySelector('button[aria-label="Remove from My List: Aurora Drift"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(removeFromList).toHaveBeenCalledWith('tt1000');
    expect(titles(element).map(([name]) => name)).toEqual(['Café Rosière']);

    refuse(new HttpErrorResponse({ status: 0 }));
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    expect(titles(element).map(([name]) => name)).toEqual(['Café Rosière', 'Aurora Drift']);
    expect(notifier.error).toHaveBeenCalledWith('Can’t reach the service. Check your connection and try again.');
  });

  it('says so when the list cannot be loaded', async () => {
    const { element } = await render(jest.fn().mockRejectedValue(new HttpErrorResponse({ status: 503 })));
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('The service had a problem.');
  });
});
