/**
 * A resume (Last-Event-ID, or the iframe page's `since`) tells the reader
 * each comment as it stands now: never the text of one since removed or
 * deleted by its author, nor an edited one's old text, however far back the
 * id it asks from (the log's beginning, minted here as the server would for an
 * empty log). The stream must carry no
 * more than a fresh GET /api/v1/comments would (docs/security.md).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Comment } from '../../contract/api.ts';
import { moderate } from '../admin/queue.service.ts';
import { BEGINNING } from '../events/memory-log.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import { createLiveIds, liveScope } from './live.ids.ts';
import { openSse, type SseStream } from './test/sse-client.ts';

const PAGE = 'https://blog.example/post';

describe.each(DIALECTS)('live resume tells only where comments ended up on %s', (dialect) => {
  let server: TestServer;
  let n = 0;
  const open: SseStream[] = [];

  const api = (path: string, init: RequestInit = {}) => fetch(`${server.url}/api/v1${path}`, init);
  async function post(body: string) {
    const res = await api('/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        site: 'blog',
        page: PAGE,
        pageUrl: PAGE,
        pageTitle: 'A post',
        body,
        author: { name: 'Reader', email: `reader${n++}@example.com` },
      }),
    });
    expect(res.status).toBe(201);
    const cookie = (
      res.headers.getSetCookie().find((c) => c.startsWith('parley_ak_blog=')) ?? ''
    ).split(';')[0] as string;
    return { comment: ((await res.json()) as { comment: Comment }).comment, cookie };
  }
  /** A stream resumed from `lastId`, read up to its `ready`. */
  async function resume(lastId: string) {
    const stream = await openSse(
      `${server.url}/api/v1/events?site=blog&page=${encodeURIComponent(PAGE)}`,
      { 'last-event-id': lastId },
    );
    open.push(stream);
    await expect.poll(() => stream.messages.some((m) => m.data.type === 'ready')).toBe(true);
    return stream;
  }
  const liveIds = () => createLiveIds(server.parley.config.authSecret);
  /** An id of the log's very beginning for PAGE, as the server would make it. */
  const beginning = () => liveIds().mint(BEGINNING, liveScope('blog', PAGE));
  /** The log positions behind a stream's ids (only the server's secret opens them). */
  const ids = (stream: SseStream) =>
    stream.messages.flatMap((m) => {
      if (!m.id) return [];
      const position = liveIds().read(m.id, liveScope('blog', PAGE));
      expect(position).toMatch(/^\d+$/);
      return [Number(position)];
    });

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.buildSite();
  });
  afterEach(() => {
    for (const stream of open.splice(0)) stream.close();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('never replays the text of a comment removed, deleted or edited since', async () => {
    const head = await resume(beginning());
    const from = head.lastId() as string;
    const spam = await post('spam-text-removed-later');
    const kept = await post('kept-text');
    const own = await post('own-text-deleted-by-its-author');
    const edited = await post('edited-text-before');
    await moderate(server.parley.db, 'blog', [spam.comment.id], 'spam');
    expect(
      (
        await api(`/comments/${own.comment.id}`, {
          method: 'DELETE',
          headers: { cookie: own.cookie },
        })
      ).status,
    ).toBeLessThan(300);
    const patched = await api(`/comments/${edited.comment.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: edited.cookie },
      body: JSON.stringify({ body: 'edited-text-after' }),
    });
    expect(patched.status).toBe(200);
    await server.parley.events.flush();
    // What a fresh read shows...
    const fresh = await (await api(`/comments?site=blog&page=${encodeURIComponent(PAGE)}`)).text();
    expect(fresh).not.toContain('spam-text-removed-later');
    expect(fresh).not.toContain('edited-text-before');
    for (const lastId of [beginning(), from]) {
      const stream = await resume(lastId);
      const raw = stream.raw();
      // ...is all a resume from before them tells: not even the removed one's id.
      expect(raw).not.toContain('spam-text-removed-later');
      expect(raw).not.toContain(spam.comment.id);
      expect(raw).not.toContain('own-text-deleted-by-its-author');
      expect(raw).not.toContain('edited-text-before');
      expect(raw).toContain('kept-text');
      expect(raw).toContain('edited-text-after');
      const edit = stream.messages.find(
        (m) => m.data.type === 'comment' && m.data.comment.id === edited.comment.id,
      );
      // New to this reader: it counts.
      expect(edit?.data).toMatchObject({ appeared: true });
      // Ids in log order, so a reader cut off halfway misses nothing.
      expect(ids(stream)).toEqual([...ids(stream)].sort((a, b) => a - b));
    }
    expect(kept.comment.id).toBeTruthy();
  });

  it('tells a reader who had a comment that it went, without its text', async () => {
    const { comment } = await post('seen-then-removed-text');
    await server.parley.events.flush();
    const seen = await resume(beginning());
    await expect
      .poll(() =>
        seen.messages.some((m) => m.data.type === 'comment' && m.data.comment.id === comment.id),
      )
      .toBe(true);
    const from = seen.lastId() as string;
    seen.close();
    await moderate(server.parley.db, 'blog', [comment.id], 'spam');
    await moderate(server.parley.db, 'blog', [comment.id], 'approve');
    await moderate(server.parley.db, 'blog', [comment.id], 'trash');
    await server.parley.events.flush();
    const again = await resume(from);
    expect(again.messages.map((m) => m.data)).toEqual([
      { type: 'remove', id: comment.id },
      { type: 'ready' },
    ]);
    expect(again.raw()).not.toContain('seen-then-removed-text');
  });
});
