/**
 * An edit is moderated before it is written, outside the write (Akismet may
 * take seconds). A moderator filing the comment as spam, or trashing it,
 * meanwhile must win: the edit must not publish again what was removed, with
 * a text the moderator never saw.
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

describe.each(DIALECTS)('an edit racing a moderator on %s', (dialect) => {
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

  /** Posts a published comment; starts an edit that waits on Akismet; moderates meanwhile. */
  async function editWhileModerated(action: 'spam' | 'trash') {
    akismet.mode = 'normal';
    const res = await fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        site: 'blog',
        page: PAGE,
        pageUrl: PAGE,
        body: `Published words ${n}`,
        author: { name: 'Reader', email: `reader${n++}@example.com` },
      }),
    });
    expect(res.status).toBe(201);
    const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
    const { comment } = (await res.json()) as { comment: Comment };
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
});
