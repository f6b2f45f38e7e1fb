import { TestBed } from '@angular/core/testing';
import { ViewerLibrary } from '../../core/library/viewer-library';
import { featuredTitle, prefetchHomeData } from './prefetch-home-data';

const card = (id: string) => ({ id, name: id, posterUrl: `/${id}.svg`, year: 2000, genres: ['Drama'] });
const ROWS = [
  { id: 'continue-watching', title: 'Continue Watching', items: [card('tt1001')] },
  { id: 'my-list', title: 'My List', items: [] },
  { id: 'trending', title: 'Trending Now', items: [card('tt1002'), card('tt1003')] },
];

describe('featuredTitle', () => {
  it('is the first title of the first non-empty row other than Continue Watching', () => {
    expect(featuredTitle(ROWS)?.id).toBe('tt1002');
    expect(featuredTitle(ROWS.slice(0, 2))).toBeUndefined();
  });
});

describe('prefetchHomeData', () => {
  function library(home: Promise<unknown>) {
    const fake = { home: jest.fn(() => home), continueWatching: jest.fn().mockResolvedValue({ items: [] }), title: jest.fn().mockResolvedValue({}) };
    TestBed.configureTestingModule({ providers: [{ provide: ViewerLibrary, useValue: fake }] });
    return fake;
  }

  it('asks for the rows and Continue Watching at once, then the featured title’s details', async () => {
    const fake = library(Promise.resolve({ rows: ROWS }));
    TestBed.runInInjectionContext(prefetchHomeData);
    expect(fake.home).toHaveBeenCalledTimes(1);
    expect(fake.continueWatching).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    expect(fake.title).toHaveBeenCalledWith('tt1002');
  });

  it('leaves a failure to the page: nothing thrown, no details asked for', async () => {
    const fake = library(Promise.reject(new Error('offline')));
    expect(() => TestBed.runInInjectionContext(prefetchHomeData)).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve));
    expect(fake.title).not.toHaveBeenCalled();
  });
});
