import { describe, expect, it, vi } from 'vitest';
import type { UpdatesPage, UpdatesQuery } from '../../../common/ipc/view-types.ts';
import { UpdatesFeedModel } from '../../../renderer/src/lib/updates-feed-model.svelte.ts';
import { changeLog, evenTotals, idAt, NO_TOTALS } from './updates-fixtures.ts';

interface Call {
  readonly query: UpdatesQuery;
  resolve(page: UpdatesPage): void;
  reject(error: Error): void;
}

/** A fetch whose answers the test releases one by one, in any order. */
function controlledFetch() {
  const calls: Call[] = [];
  const fetch = vi.fn(
    (query: UpdatesQuery) =>
      new Promise<UpdatesPage>((resolve, reject) => calls.push({ query, resolve, reject })),
  );
  return { calls, fetch };
}

/** What the feed told its listeners: how many new queries, and the last reload numbered. */
function recordEvents(feed: UpdatesFeedModel) {
  const events = { queryId: 0, lastReload: { id: 0, shift: 0 } };
  feed.listen({
    onNewQuery: () => (events.queryId += 1),
    onReload: (shift) => (events.lastReload = { id: events.lastReload.id + 1, shift }),
  });
  return events;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const page = (total: number, query: UpdatesQuery) => changeLog(evenTotals(total))(query);

describe('UpdatesFeedModel', () => {
  it('ignores the answer to a query the user has since replaced', async () => {
    const { calls, fetch } = controlledFetch();
    const feed = new UpdatesFeedModel(fetch);
    feed.load({ order: 'detected-time' });
    feed.load({ order: 'detected-time', idPrefix: '9' });
    expect(calls.map((call) => call.query.idPrefix)).toEqual([undefined, '9']);

    calls[1]?.resolve(await page(7, calls[1].query));
    await settle();
    calls[0]?.resolve(await page(500, calls[0].query));
    await settle();

    expect(feed.total).toBe(7);
    expect(feed.status).toBe('ready');
  });

  it('keeps the old rows until the new query answers, then starts over at its top', async () => {
    const { calls, fetch } = controlledFetch();
    const feed = new UpdatesFeedModel(fetch);
    const events = recordEvents(feed);
    feed.load({ order: 'detected-time' });
    calls[0]?.resolve(await page(300, calls[0].query));
    await settle();
    const firstQuery = events.queryId;

    feed.load({ order: 'server-time' });
    expect(feed.busy).toBe(true);
    expect(feed.row(0)?.id).toBe(idAt(0));
    calls[1]?.resolve({ rows: [], total: 0, totalsByKind: NO_TOTALS });
    await settle();
    expect(feed.busy).toBe(false);
    expect(feed.row(0)).toBeUndefined();
    expect(events.queryId).toBe(firstQuery + 1);
  });

  it('fetches each missing page once and keeps at most 20 pages', async () => {
    const fetch = vi.fn((query: UpdatesQuery) => page(1_000_000, query));
    const feed = new UpdatesFeedModel(fetch);
    feed.load({ order: 'detected-time' });
    await settle();
    feed.ensure(150, 260);
    feed.ensure(150, 260);
    await settle();
    expect(fetch.mock.calls.map(([query]) => query.offset)).toEqual([0, 100, 200]);

    for (let first = 1000; first < 4000; first += 100) feed.ensure(first, first + 50);
    await settle();
    // The first pages were dropped for newer ones: asking again fetches again.
    fetch.mockClear();
    feed.ensure(0, 50);
    await settle();
    expect(fetch.mock.calls.map(([query]) => query.offset)).toEqual([0]);
    expect(feed.row(3999)?.id).toBe(idAt(3999));
  });

  it('reloads the pages in view and reports how many rows arrived above them', async () => {
    const fetch = vi.fn((query: UpdatesQuery) => page(1000, query));
    const feed = new UpdatesFeedModel(fetch);
    const events = recordEvents(feed);
    feed.load({ order: 'detected-time' });
    await settle();
    feed.ensure(480, 520);
    await settle();

    fetch.mockClear();
    fetch.mockImplementation((query) => changeLog(evenTotals(1012), 12)(query));
    feed.reload({ order: 'detected-time' });
    await settle();
    expect(fetch.mock.calls.map(([query]) => query.offset)).toEqual([400, 500]);
    expect(events.lastReload).toEqual({ id: 1, shift: 12 });
    expect(feed.total).toBe(1012);
  });

  it('fails the query when its first page fails, and only the rows when a later one does', async () => {
    const { calls, fetch } = controlledFetch();
    const feed = new UpdatesFeedModel(fetch);
    feed.load({ order: 'detected-time' });
    calls[0]?.reject(new Error('closed'));
    await settle();
    expect(feed.status).toBe('failed');

    feed.retry();
    calls[1]?.resolve(await page(1000, calls[1].query));
    await settle();
    expect(feed.status).toBe('ready');
    feed.ensure(700, 720);
    calls[2]?.reject(new Error('closed'));
    await settle();
    expect(feed.status).toBe('ready');
    expect(feed.rowsFailed).toBe(true);

    feed.retry();
    expect(calls[3]?.query.offset).toBe(700);
  });
});
