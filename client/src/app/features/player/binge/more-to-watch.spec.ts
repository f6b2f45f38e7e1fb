import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MoreToWatch } from './more-to-watch';

const card = (id: string) => ({ id, name: `Title ${id}`, posterUrl: `/${id}.svg`, year: 2000, genres: ['Drama'] });

describe('MoreToWatch', () => {
  it('offers each title as a link to its page, and the way back to the title just watched', async () => {
    TestBed.configureTestingModule({ imports: [MoreToWatch], providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(MoreToWatch);
    fixture.componentRef.setInput('titleId', 'tt1000');
    fixture.componentRef.setInput('titles', [card('tt1001'), card('tt1002'), card('tt1003')]);
    await fixture.whenStable();
    const links = [...(fixture.nativeElement as HTMLElement).querySelectorAll('a')].map((link) => [link.getAttribute('aria-label') ?? link.textContent?.trim(), link.getAttribute('href')]);
    expect(links).toEqual([
      ['Title tt1001', '/title/tt1001'],
      ['Title tt1002', '/title/tt1002'],
      ['Title tt1003', '/title/tt1003'],
      ['Back to title', '/title/tt1000'],
    ]);
  });
});
