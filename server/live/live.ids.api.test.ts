/**
 * A live stream's ids are opaque and good only on their page (live.ids.ts,
 * docs/security.md "Live update ids"): watching a public page tells nothing
 * of the rest of the server's writes, and a crafted Last-Event-ID or `since`
 * probes nothing: whatever is not this page's own recent id gets a reset,
 * never a 500, never a replay.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import { createLiveIds, LIVE_ID_CHARS, LIVE_ID_MAX_AGE_MS, liveScope } from './live.ids.ts';
import { openSse, type SseStream } from './test/sse-client.ts';

const PAGE = 'https://blog.example/post';
const OTHER_PAGE = 'https://blog.example/other';

describe.each(DIALECTS)('live ids on %s', (dialect) => {
  let server: TestServer;
  let n = 0;
  const open: SseStream[] = [];

  const live = async (
    page = PAGE,
    { headers = {}, site = 'blog', query = '' } = {} as {
      headers?: Record<string, string>;
      site?: string;
      query?: string;
    },
  ) => {
    const stream = await openSse(
      `${server.url}/api/v1/events?site=${site}&page=${encodeURIComponent(page)}${query}`,
      headers,
    );
    open.push(stream);
    return stream;
  };
  /** The stream's messages once it said ready (or reset: it says nothing after that). */
  const settled = async (stream: SseStream) => {
    await expect
      .poll(() => stream.messages.some((m) => m.data.type === 'ready' || m.data.type === 'reset'))
      .toBe(true);
    return stream.messages;
  };
  const post = async (site = 'blog', page = PAGE) => {
    const res = await fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        site,
        page,
        pageUrl: page,
        pageTitle: 'A post',
        body: `Comment ${n++}`,
        author: { name: 'Reader', email: `reader${n}@example.com` },
      }),
    });
    expect(res.status).toBe(201);
    return (await res.json()).comment as { id: string };
  };
  const commentIds = (stream: SseStream) =>
    stream.messages.flatMap((m) => (m.data.type === 'comment' ? [m.data.comment.id] : []));
  /** What the server alone can see behind an id of blog's PAGE. */
  const positionOf = (id: string | undefined) =>
    createLiveIds(server.parley.config.authSecret).read(id ?? '', liveScope('blog', PAGE));

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.buildSite();
    // Another site, with a page of the same address.
    await server.buildSite({ id: 'other', name: 'Other', origins: ['https://blog.example'] });
  });
  afterEach(() => {
    for (const stream of open.splice(0)) stream.close();
  });
  afterAll(async () => {
    await server.stop();
  });

  it("sends ids that show nothing of other sites' writes, and resumes exactly from them", async () => {
    const stream = await live();
    await settled(stream);
    const first = await post();
    await expect.poll(() => commentIds(stream)).toEqual([first.id]);
    // Another site is busy in between.
    for (let i = 0; i < 3; i++) await post('other');
    const second = await post();
    await expect.poll(() => commentIds(stream)).toEqual([first.id, second.id]);

    const ids = stream.messages.map((m) => m.id as string);
    // The log did move by the other site's writes (so the test can see a leak)...
    const [ready = 0, one = 0, two = 0] = ids.map((id) => Number(positionOf(id)));
    expect(two - one).toBeGreaterThanOrEqual(4);
    expect(one).toBeGreaterThan(ready);
    // ...and what the reader got shows none of it: fixed-size opaque ids, no
    // number or stream id, nothing two of them have in common to order them by.
    for (const id of ids) {
      expect(id).toMatch(new RegExp(`^[A-Za-z0-9_-]{${LIVE_ID_CHARS}}$`));
      expect(id).not.toMatch(/^\d+(-\d+)?$/);
    }
    for (const position of [ready, one, two]) expect(stream.raw()).not.toContain(`: ${position}\n`);
    expect(new Set(ids).size).toBe(ids.length);

    // Resumed from the first comment's id: exactly what came after it on this page.
    const again = await live(PAGE, { headers: { 'last-event-id': ids[1] as string } });
    await settled(again);
    expect(again.messages.map((m) => m.data.type)).toEqual(['comment', 'ready']);
    expect(commentIds(again)).toEqual([second.id]);
    // The replayed message's id is fresh, but stands for the same place.
    expect(again.messages[0]?.id).not.toBe(ids[2]);
    expect(positionOf(again.messages[0]?.id)).toBe(positionOf(ids[2]));
  });

  it('gives two readers of one moment different ready ids (no equality to compare)', async () => {
    await server.parley.events.flush();
    const a = await live();
    const b = await live();
    await Promise.all([settled(a), settled(b)]);
    const [idA, idB] = [a.lastId(), b.lastId()];
    expect(idA).toBeDefined();
    expect(idA).not.toBe(idB);
    expect(positionOf(idA)).toBe(positionOf(idB));
  });

  it('resets (never replays, never fails) for ids that are not this page’s own', async () => {
    const here = await live();
    await settled(here);
    const mine = here.lastId() as string;
    const elsewhere = await live(OTHER_PAGE);
    const otherSite = await live(PAGE, { site: 'other' });
    await Promise.all([settled(elsewhere), settled(otherSite)]);
    // Something to replay, so a replay would show.
    await post();
    await post('blog', OTHER_PAGE);
    await post('other');
    await server.parley.events.flush();

    const flip = (id: string, at: number) =>
      `${id.slice(0, at)}${id[at] === 'A' ? 'B' : 'A'}${id.slice(at + 1)}`;
    const stale = createLiveIds(server.parley.config.authSecret).mint(
      positionOf(mine) as string,
      liveScope('blog', PAGE),
      Date.now() - LIVE_ID_MAX_AGE_MS - 60_000,
    );
    const hostile = {
      'another page’s': elsewhere.lastId() as string,
      'another site’s (same page address)': otherSite.lastId() as string,
      'another secret’s': createLiveIds('not the server secret').mint(
        positionOf(mine) as string,
        liveScope('blog', PAGE),
      ),
      'a tampered first byte': flip(mine, 0),
      'a tampered middle byte': flip(mine, 30),
      'a tampered last byte': flip(mine, mine.length - 1),
      truncated: mine.slice(0, -2),
      'a raw position': positionOf(mine) as string,
      'the log’s beginning': '0',
      garbage: '%%%not an id%%%',
      'too old': stale,
      'a huge header': 'A'.repeat(12_000),
    };
    for (const [what, id] of Object.entries(hostile)) {
      for (const how of ['header', 'since'] as const) {
        // `since` is validated at 64 characters first (a 400, tested in live.api.test.ts).
        if (how === 'since' && id.length > 64) continue;
        const stream = await live(
          PAGE,
          how === 'header'
            ? { headers: { 'last-event-id': id } }
            : { query: `&since=${encodeURIComponent(id)}` },
        );
        expect(stream.response.status, `${what} as ${how}`).toBe(200);
        const messages = await settled(stream);
        expect(
          messages.map((m) => m.data.type),
          `${what} as ${how}`,
        ).toEqual(['reset']);
        // The reset's id is a good one of this page: the reader resumes from there.
        expect(positionOf(messages[0]?.id)).toMatch(/^\d+$/);
        stream.close();
      }
    }
    // The page's own id still resumes (what was posted on it since).
    const own = await live(PAGE, { headers: { 'last-event-id': mine } });
    expect((await settled(own)).map((m) => m.data.type)).toEqual(['comment', 'ready']);
  });

  it('makes the iframe page’s liveFrom an id of that page only', async () => {
    const embed = async (page: string) => {
      const html = await (
        await fetch(
          `${server.url}/embed/thread?site=blog&page=${encodeURIComponent(page)}&origin=${encodeURIComponent('https://blog.example')}`,
        )
      ).text();
      return /"liveFrom":"([^"]+)"/.exec(html)?.[1] as string;
    };
    const liveFrom = await embed(PAGE);
    expect(liveFrom).toMatch(new RegExp(`^[A-Za-z0-9_-]{${LIVE_ID_CHARS}}$`));
    expect(positionOf(liveFrom)).toMatch(/^\d+$/);
    const fromOther = await embed(OTHER_PAGE);
    const between = await post();
    await server.parley.events.flush();
    const ok = await live(PAGE, { query: `&since=${encodeURIComponent(liveFrom)}` });
    await settled(ok);
    expect(ok.messages.map((m) => m.data.type)).toEqual(['comment', 'ready']);
    expect(commentIds(ok)).toEqual([between.id]);
    const moved = await live(PAGE, { query: `&since=${encodeURIComponent(fromOther)}` });
    expect((await settled(moved)).map((m) => m.data.type)).toEqual(['reset']);
  });
});
