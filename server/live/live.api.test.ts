import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { moderate } from '../admin/queue.service.ts';
import { importComments } from '../imports/import.service.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import { openSse, type SseStream } from './test/sse-client.ts';

const PAGE = 'https://blog.example/post';
const OTHER = 'https://blog.example/other';

describe.each(DIALECTS)('live updates over SSE on %s', (dialect) => {
  let server: TestServer;
  let n = 0;
  const open: SseStream[] = [];

  const live = async (page = PAGE, headers: Record<string, string> = {}, query = '') => {
    const stream = await openSse(
      `${server.url}/api/v1/events?site=blog&page=${encodeURIComponent(page)}${query}`,
      headers,
    );
    open.push(stream);
    return stream;
  };
  const ready = (stream: SseStream) =>
    expect.poll(() => stream.messages.some((m) => m.data.type === 'ready')).toBe(true);
  const post = async (page = PAGE, body: Record<string, unknown> = {}) => {
    const res = await fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        site: 'blog',
        page,
        pageUrl: page,
        pageTitle: 'A post',
        body: `Live comment ${n++}`,
        author: { name: 'Reader', email: 'secret-reader@example.com' },
        ...body,
      }),
    });
    expect(res.status).toBe(201);
    return (await res.json()).comment as { id: string; html: string };
  };
  const commentIds = (stream: SseStream) =>
    stream.messages.flatMap((m) => (m.data.type === 'comment' ? [m.data.comment.id] : []));

  beforeAll(async () => {
    server = await startTestServer(dialect, { LIVE_MAX_PER_IP: '3', LIVE_HEARTBEAT_MS: '200' });
    await server.buildSite();
  });
  afterEach(() => {
    for (const stream of open.splice(0)) stream.close();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('streams a comment posted on the page, in the public shape, and nothing of other pages', async () => {
    const stream = await live();
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await ready(stream);
    await post(OTHER);
    const comment = await post();
    await expect.poll(() => commentIds(stream)).toEqual([comment.id]);
    const message = stream.messages.find((m) => m.data.type === 'comment');
    expect(message?.id).toMatch(/.+/);
    expect(message?.data).toEqual({
      type: 'comment',
      comment: expect.objectContaining({ html: comment.html }),
      appeared: true,
    });
    expect(stream.raw()).not.toContain('secret-reader@example.com');
    expect(stream.raw()).not.toContain('source');
  });

  it('never streams a held comment; its approval shows it, spam takes it away', async () => {
    await server.buildSite({ settings: { moderation: { mode: 'all' } } });
    try {
      const stream = await live();
      await ready(stream);
      const held = await post();
      // Published later, on this page: once it arrives, the held one would have too.
      await server.buildSite();
      const marker = await post();
      await expect.poll(() => commentIds(stream)).toEqual([marker.id]);
      expect(stream.raw()).not.toContain(held.id);

      await moderate(server.parley.db, 'blog', [held.id], 'approve');
      await expect.poll(() => commentIds(stream)).toEqual([marker.id, held.id]);
      await moderate(server.parley.db, 'blog', [held.id], 'spam');
      await expect
        .poll(() => stream.messages.at(-1)?.data)
        .toEqual({ type: 'remove', id: held.id });
    } finally {
      await server.buildSite();
    }
  });

  it('resumes from Last-Event-ID with exactly what was missed', async () => {
    const first = await live();
    await ready(first);
    const before = await post();
    await expect.poll(() => commentIds(first)).toEqual([before.id]);
    const resumeFrom = first.lastId() as string;
    first.close();

    const missed = [await post(), await post(OTHER), await post()];
    await server.parley.events.flush();
    const again = await live(PAGE, { 'last-event-id': resumeFrom });
    await ready(again);
    expect(commentIds(again)).toEqual([missed[0]?.id, missed[2]?.id]);
    // Then it carries on live.
    const after = await post();
    await expect.poll(() => commentIds(again)).toContain(after.id);
  });

  it('replays from where the iframe page read the thread (since=liveFrom)', async () => {
    const page = await fetch(
      `${server.url}/embed/thread?site=blog&page=${encodeURIComponent(PAGE)}&origin=${encodeURIComponent('https://blog.example')}`,
    );
    const html = await page.text();
    const liveFrom = /"liveFrom":"([^"]+)"/.exec(html)?.[1];
    expect(liveFrom).toBeDefined();
    const between = await post();
    await server.parley.events.flush();
    const stream = await live(PAGE, {}, `&since=${encodeURIComponent(liveFrom ?? '')}`);
    await ready(stream);
    expect(commentIds(stream)).toEqual([between.id]);
  });

  it('tells the widgets open on a page to reload it when an import adds to it, and only them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-live-import-'));
    try {
      const file = join(dir, 'export.xml');
      writeFileSync(file, wxrWithOneComment(PAGE, `imported-${dialect}`));
      const here = await live();
      const elsewhere = await live(OTHER);
      await Promise.all([ready(here), ready(elsewhere)]);
      const summary = await importComments(server.parley.db, {
        siteId: 'blog',
        format: 'wxr',
        path: file,
      });
      expect(summary.imported).toBe(1);
      await server.parley.events.flush();
      await expect.poll(() => here.messages.map((m) => m.data.type)).toContain('reset');
      // Something does reach the other page's stream after the import's
      // event; by then a reset for it would have arrived too.
      const later = await post(OTHER);
      await expect.poll(() => commentIds(elsewhere)).toContain(later.id);
      expect(elsewhere.messages.map((m) => m.data.type)).not.toContain('reset');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks for a reload when it cannot resume', async () => {
    const stream = await live(PAGE, { 'last-event-id': 'x'.repeat(500) });
    await expect.poll(() => stream.messages.map((m) => m.data.type)).toEqual(['reset']);
  });

  it('sends heartbeats and a retry hint', async () => {
    const stream = await live();
    await expect.poll(() => stream.raw()).toMatch(/^retry: \d+\n\n/);
    await expect.poll(() => stream.raw()).toContain(': ping\n\n');
  });

  it('refuses a client more streams than the limit with 429, and counts closed ones out', async () => {
    const held = [await live(), await live(OTHER), await live()];
    for (const s of held) expect(s.response.status).toBe(200);
    const refused = await fetch(`${server.url}/api/v1/events?site=blog&page=x`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect((await refused.json()).error.code).toBe('rate_limited');
    held[0]?.close();
    await expect.poll(() => server.parley.live.size()).toBe(2);
    const next = await live();
    expect(next.response.status).toBe(200);
  });

  it('answers bad requests with the API error shape, before any stream', async () => {
    const unknown = await fetch(`${server.url}/api/v1/events?site=nope&page=x`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('unknown_site');
    for (const query of [
      '',
      '?site=blog',
      '?site=blog&page=',
      `?site=blog&page=x&since=${'9'.repeat(65)}`,
      '?site=a%00b&page=x',
    ]) {
      const res = await fetch(`${server.url}/api/v1/events${query}`);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_body');
    }
  });
});

/** A WordPress export holding one approved comment on `page`. */
function wxrWithOneComment(page: string, id: string): string {
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Old blog</title><wp:wxr_version>1.2</wp:wxr_version>
<item><title>A post</title><link>${page}</link><wp:post_id>${id}</wp:post_id><wp:post_type>post</wp:post_type>
<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>Old Reader</wp:comment_author>
<wp:comment_author_email>old@example.com</wp:comment_author_email>
<wp:comment_date_gmt>2019-03-04 05:10:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[From the old blog]]></wp:comment_content>
<wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type>
<wp:comment_parent>0</wp:comment_parent></wp:comment></item>
</channel></rss>`;
}
