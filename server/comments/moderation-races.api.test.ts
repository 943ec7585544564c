/**
 * An edit or a reply is moderated before it is written, outside the write
 * (Akismet may take seconds). What happens meanwhile must win:
 * - a moderator filing the comment as spam, or trashing it: the edit must
 *   not publish again what was removed, with a text the moderator never saw;
 * - its parent deleted by its author, or filed as spam: the reply is turned
 *   away with the same 404 a reply to a missing parent gets, never a 500
 *   (the insert's foreign key) and never hung under a comment nobody sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comment } from '../../contract/api.ts';
import { moderate } from '../admin/queue.service.ts';
import {
  FAKE_AKISMET_KEY,
  type FakeAkismet,
  startFakeAkismet,
} from '../moderation/test/fake-akismet.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

const PAGE = 'https://blog.example/post';

describe.each(DIALECTS)('an edit or a reply racing a removal on %s', (dialect) => {
  let server: TestServer;
  let akismet: FakeAkismet;
  let n = 0;

  beforeAll(async () => {
    akismet = await startFakeAkismet();
    server = await startTestServer(dialect, { AKISMET_URL: akismet.endpoint });
    await server.buildSite({
      settings: { moderation: { mode: 'none', akismetKey: FAKE_AKISMET_KEY } },
    });
  });
  afterAll(async () => {
    await server.stop();
    await akismet.close();
  });

  const post = (body: object) =>
    fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        site: 'blog',
        page: PAGE,
        pageUrl: PAGE,
        author: { name: 'Reader', email: `reader${n++}@example.com` },
        ...body,
      }),
    });

  /** A comment published at once (Akismet answering quickly), with its author's cookie. */
  async function published(text: string) {
    akismet.mode = 'normal';
    const res = await post({ body: text });
    expect(res.status).toBe(201);
    const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
    const { comment } = (await res.json()) as { comment: Comment };
    return { comment, cookie };
  }

  /** Posts a published comment; starts an edit that waits on Akismet; moderates meanwhile. */
  async function editWhileModerated(action: 'spam' | 'trash') {
    const { comment, cookie } = await published(`Published words ${n}`);
    akismet.mode = 'slow';
    akismet.slowMs = 800;
    const calls = akismet.calls.length;
    const editing = fetch(`${server.url}/api/v1/comments/${comment.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ body: `Words no moderator saw ${n}` }),
    });
    // The edit is with Akismet now.
    await expect.poll(() => akismet.calls.length).toBe(calls + 1);
    await moderate(server.parley.db, 'blog', [comment.id], action);
    const edited = await editing;
    const row = await server.parley.db
      .selectFrom('comments')
      .select(['status', 'body_source'])
      .where('id', '=', comment.id)
      .executeTakeFirstOrThrow();
    const thread = await (
      await fetch(`${server.url}/api/v1/comments?site=blog&page=${encodeURIComponent(PAGE)}`)
    ).text();
    return { edited, row, shown: thread.includes(comment.id) };
  }

  it('keeps a comment filed as spam meanwhile as spam', async () => {
    const { edited, row, shown } = await editWhileModerated('spam');
    expect(edited.status).toBe(200);
    expect(row.status).toBe('spam');
    expect(shown).toBe(false);
  });

  it('leaves a comment trashed meanwhile in the trash, untouched', async () => {
    const { edited, row, shown } = await editWhileModerated('trash');
    expect(edited.status).toBe(404);
    expect(row.status).toBe('trash');
    expect(row.body_source).toMatch(/^Published words/);
    expect(shown).toBe(false);
  });

  /** Posts a parent; starts a reply that waits on Akismet; removes the parent meanwhile. */
  async function replyWhileRemoved(removal: (parent: Comment, cookie: string) => Promise<void>) {
    const { comment: parent, cookie } = await published(`Parent ${n}`);
    akismet.mode = 'slow';
    akismet.slowMs = 800;
    const calls = akismet.calls.length;
    const replying = post({ parentId: parent.id, body: `Reply ${n}` });
    // The reply has passed its parent check and is with Akismet now.
    await expect.poll(() => akismet.calls.length).toBe(calls + 1);
    await removal(parent, cookie);
    const reply = await replying;
    const replies = await server.parley.db
      .selectFrom('comments')
      .select('id')
      .where('parent_id', '=', parent.id)
      .execute();
    return { reply, body: await reply.json(), replies };
  }

  it('turns the reply away when its author deleted the parent (gone from the store)', async () => {
    const { reply, body, replies } = await replyWhileRemoved(async (parent, cookie) => {
      const res = await fetch(`${server.url}/api/v1/comments/${parent.id}`, {
        method: 'DELETE',
        headers: { cookie },
      });
      expect(res.status).toBe(204);
    });
    expect(reply.status).toBe(404);
    expect(body).toEqual({ error: expect.objectContaining({ code: 'parent_not_found' }) });
    expect(replies).toEqual([]);
  });

  it('turns the reply away when a moderator filed the parent as spam', async () => {
    const { reply, body, replies } = await replyWhileRemoved(async (parent) => {
      await moderate(server.parley.db, 'blog', [parent.id], 'spam');
    });
    expect(reply.status).toBe(404);
    expect(body).toEqual({ error: expect.objectContaining({ code: 'parent_not_found' }) });
    expect(replies).toEqual([]);
  });
});
