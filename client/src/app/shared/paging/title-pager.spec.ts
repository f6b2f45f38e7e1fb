import { TitlePager, TitlePage } from './title-pager';

const card = (id: string) => ({ id, name: id, posterUrl: `/${id}.svg`, year: 2000, genres: ['Drama'] });

/** A source over `ids` in pages of `size`, whose cursor is the next index. */
function pages(ids: string[], size: number) {
  const source = jest.fn(async (cursor: string | null): Promise<TitlePage> => {
    const from = cursor === null ? 0 : Number(cursor);
    const next = from + size;
    return { items: ids.slice(from, next).map(card), cursor: next < ids.length ? String(next) : null };
  });
  return source;
}

describe('TitlePager', () => {
  it('grows a page at a time by cursor until the last page, then asks no more', async () => {
    const pager = new TitlePager('failed');
    const source = pages(['a', 'b', 'c', 'd', 'e'], 2);
    await pager.restart(source);
    expect(pager.items().map((item) => item.id)).toEqual(['a', 'b']);
    await pager.more();
    await pager.more();
    expect(pager.items().map((item) => item.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(pager.done()).toBe(true);
    await pager.more();
    expect(source.mock.calls.map(([cursor]) => cursor)).toEqual([null, '2', '4']);
  });

  it('asks for one page at a time however often it is told to load more', async () => {
    const pager = new TitlePager('failed');
    const source = pages(['a', 'b', 'c', 'd'], 2);
    await pager.restart(source);
    await Promise.all([pager.more(), pager.more(), pager.more()]);
    expect(source).toHaveBeenCalledTimes(2);
  });

  it('drops the answer of an older query when a new one starts', async () => {
    const pager = new TitlePager('failed');
    let answerOld: (page: TitlePage) => void = () => undefined;
    void pager.restart(() => new Promise((resolve) => (answerOld = resolve)));
    await pager.restart(pages(['new'], 5));
    answerOld({ items: [card('old')], cursor: 'x' });
    await Promise.resolve();
    expect(pager.items().map((item) => item.id)).toEqual(['new']);
    expect(pager.done()).toBe(true);
  });

  it('says what failed and tries the same page again', async () => {
    const pager = new TitlePager('Could not load more titles.');
    const source = jest.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce({ items: [card('a')], cursor: null });
    await pager.restart(source);
    expect(pager.failure()).toBe('Could not load more titles.');
    await pager.more();
    expect(pager.failure()).toBeNull();
    expect(source.mock.calls).toEqual([[null], [null]]);
    expect(pager.items()).toHaveLength(1);
  });
});
