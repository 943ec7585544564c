/**
 * An edit must not launder spam past moderation: a comment approved for what
 * it said must not be rewritten into something a moderator never saw and stay
 * published (issue 8 §4).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Comment } from '../../contract/api.ts';
import type { ModerationSettings } from '../../contract/moderation-settings.schema.ts';
import {
  FAKE_AKISMET_KEY,
  type FakeAkismet,
  startFakeAkismet,
} from '../moderation/test/fake-akismet.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

const PAGE = 'https://blog.example/post';
const SPAM = 'BUY CHEAP PILLS https://spam.example/pills';

describe.each(DIALECTS)('moderating an edit on %s', (dialect) => {
  let server: TestServer;
  let akismet: FakeAkismet;
  let n = 0;

  const api = (path: string, init: RequestInit = {}) => fetch(`${server.url}/api/v1${path}`, init);
  const configure = (moderation: Partial<ModerationSettings>) =>
    server.buildSite({
      settings: {
        moderation: { mode: 'first-time', linkLimit: 2, akismetKey: null, ...moderation },
      },
    });

  /** Posts as a new guest; returns the comment and the author's cookie. */
  async function post(body: string) {
    n += 1;
    const res = await api('/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        site: 'blog',
        page: PAGE,
        pageUrl: PAGE,
        body,
        author: { name: 'Reader', email: `reader${n}@example.com` },
      }),
    });
    expect(res.status).toBe(201);
    const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
    return { comment: ((await res.json()) as { comment: Comment }).comment, cookie };
  }
  const setStatus = (id: string, status: 'approved' | 'spam') =>
    server.parley.db.updateTable('comments').set({ status }).where('id', '=', id).execute();
  /** Posts and has a moderator approve it, as a first comment on a moderated site is. */
  async function approvedComment(body: string) {
    const posted = await post(body);
    await setStatus(posted.comment.id, 'approved');
    return posted;
  }
  const edit = async (id: string, body: string, cookie: string) => {
    const res = await api(`/comments/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ body }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { comment: Comment }).comment;
  };
  const stored = (id: string) =>
    server.parley.db
      .selectFrom('comments')
      .select(['status', 'body_source', 'moderation_reasons'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const publicThread = async () =>
    (await (await api(`/comments?site=blog&page=${encodeURIComponent(PAGE)}`)).json()) as {
      comments: Comment[];
    };

  beforeAll(async () => {
    akismet = await startFakeAkismet();
    server = await startTestServer(dialect, { AKISMET_URL: akismet.endpoint });
  });
  afterAll(async () => {
    await server.stop();
    await akismet.close();
  });
  beforeEach(async () => {
    akismet.calls.length = 0;
    akismet.mode = 'normal';
    await server.parley.db.deleteFrom('comments').execute();
  });

  it('holds an approved first comment edited into link spam; readers never see it', async () => {
    await configure({});
    const { comment, cookie } = await approvedComment('Great post, thanks!');
    const edited = await edit(comment.id, SPAM, cookie);
    expect(edited.status).toBe('pending');
    const row = await stored(comment.id);
    expect(row.status).toBe('pending');
    expect(JSON.parse(row.moderation_reasons ?? '[]')).toEqual([
      { check: 'links', decision: 'hold', code: 'links.editAdded', params: { count: 1 } },
    ]);
    expect((await publicThread()).comments).toEqual([]);
  });

  it('holds an edit that adds a link on a site holding every comment too', async () => {
    await configure({ mode: 'all' });
    const { comment, cookie } = await approvedComment('Approved words');
    expect((await edit(comment.id, 'See https://example.org/more', cookie)).status).toBe('pending');
  });

  it('keeps a typo fix published, and an edit that keeps the same link', async () => {
    await configure({});
    const { comment, cookie } = await approvedComment('Teh docs: https://docs.example/guide');
    const fixed = await edit(comment.id, 'The docs: https://docs.example/guide', cookie);
    expect(fixed.status).toBeUndefined();
    expect((await stored(comment.id)).status).toBe('approved');
    expect((await publicThread()).comments.map((c) => c.id)).toEqual([comment.id]);
  });

  it('publishes an added link at once on a site that does not moderate', async () => {
    await configure({ mode: 'none' });
    const { comment, cookie } = await post('No links yet');
    expect((await edit(comment.id, 'Now https://example.org/one', cookie)).status).toBeUndefined();
  });

  it('asks Akismet again, saying it is an edit, and files the edit as it answers', async () => {
    await configure({ mode: 'none', akismetKey: FAKE_AKISMET_KEY });
    const { comment, cookie } = await post('Hello there');
    const onPost = akismet.calls.at(-1);
    expect(onPost?.fields).not.toHaveProperty('recheck_reason');

    await edit(comment.id, 'Hello there, edited', cookie);
    const onEdit = akismet.calls.at(-1);
    expect(onEdit?.method).toBe('comment-check');
    expect(onEdit?.fields).toMatchObject({
      recheck_reason: 'edit',
      comment_content: 'Hello there, edited',
      comment_author: 'Reader',
    });

    // Akismet down during an edit: held, never published unchecked.
    akismet.mode = 'error';
    expect((await edit(comment.id, 'Hello there, edited twice', cookie)).status).toBe('pending');
    expect((await publicThread()).comments).toEqual([]);
  });

  it('never publishes a comment filed as spam by editing it into something clean', async () => {
    await configure({ mode: 'none' });
    const { comment, cookie } = await post('Perfectly fine words');
    await setStatus(comment.id, 'spam');
    await edit(comment.id, 'Even finer words', cookie);
    expect((await stored(comment.id)).status).toBe('spam');
    expect((await publicThread()).comments).toEqual([]);
  });
});
