/**
 * A reply is checked against its parent before moderation, which may wait
 * seconds on Akismet. A parent deleted by its author meanwhile, or filed as
 * spam by a moderator, must turn the reply away with the same 404 a reply to
 * a missing parent gets, never a 500 (the insert's foreign key) and never a
 * reply hanging under a comment nobody can see.
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

describe.each(DIALECTS)('a reply racing its parent’s removal on %s', (dialect) => {
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

  const post = (body: object, cookie?: string) =>
    fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie && { cookie }) },
      body: JSON.stringify({
        site: 'blog',
        page: PAGE,
        pageUrl: PAGE,
        author: { name: 'Reader', email: `reader${n++}@example.com` },
        ...body,
      }),
    });

  /** Posts a parent; starts a reply that waits on Akismet; removes the parent meanwhile. */
  async function replyWhileRemoved(removal: (parent: Comment, cookie: string) => Promise<void>) {
    akismet.mode = 'normal';
    const res = await post({ body: `Parent ${n}` });
    expect(res.status).toBe(201);
    const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
    const { comment: parent } = (await res.json()) as { comment: Comment };
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
