import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Comment } from '../../contract/api.ts';
import { openSession } from '../auth/session.service.ts';
import { completeLoginTicket, createLoginTicket } from '../auth/ticket.service.ts';
import { requireSite } from '../sites/site.service.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

const PAGE = 'https://blog.example/post';

describe.each(DIALECTS)('editing and deleting comments on %s', (dialect) => {
  let server: TestServer;
  let n = 0;

  const newComment = (overrides: Record<string, unknown> = {}) => ({
    site: 'blog',
    page: PAGE,
    pageUrl: PAGE,
    pageTitle: 'A post',
    body: `Comment number ${n++}`,
    author: { name: 'Reader', email: `reader${n}@example.com` },
    ...overrides,
  });
  const api = (path: string, init: RequestInit = {}) => fetch(`${server.url}/api/v1${path}`, init);
  const cookieOf = (res: Response) =>
    (res.headers.getSetCookie().find((c) => c.startsWith('parley_ak_blog=')) ?? '').split(
      ';',
    )[0] as string;

  /** Posts a comment; returns it with the author's cookie. */
  async function post(
    overrides: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) {
    const res = await api('/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(newComment(overrides)),
    });
    expect(res.status).toBe(201);
    const { comment } = (await res.json()) as { comment: Comment };
    return { comment, cookie: cookieOf(res) || headers.cookie || '' };
  }
  const edit = (id: string, body: string, headers: Record<string, string> = {}) =>
    api(`/comments/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ body }),
    });
  const remove = (id: string, headers: Record<string, string> = {}) =>
    api(`/comments/${id}`, { method: 'DELETE', headers });
  const thread = async (cookie?: string) =>
    (await (
      await api(`/comments?site=blog&page=${encodeURIComponent(PAGE)}`, {
        headers: cookie ? { cookie } : {},
      })
    ).json()) as { comments: Comment[]; total: number };
  const row = (id: string) =>
    server.parley.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
  const errorCode = async (res: Response) =>
    ((await res.json()) as { error: { code: string } }).error.code;

  async function signIn(providerUserId: string) {
    const db = server.parley.db;
    const ticket = await createLoginTicket(db, {
      site: await requireSite(db, 'blog'),
      provider: 'twitter',
      challenge: createHash('sha256').update(providerUserId).digest('base64url'),
      change: false,
      returnUrl: null,
    });
    const { identity } = await completeLoginTicket(
      db,
      ticket.id,
      {
        provider: 'twitter',
        providerUserId,
        displayName: `User ${providerUserId}`,
        username: `user${providerUserId}`,
        avatarUrl: null,
        profileUrl: null,
        email: null,
      },
      server.parley.config.authSecret,
    );
    const { session } = await openSession(db, server.parley.config.authSecret, {
      identityId: identity.id,
      siteId: 'blog',
    });
    return { identity, authorization: `Bearer ${session.accessToken}` };
  }

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.stop());
  beforeEach(async () => {
    await server.buildSite();
    await server.parley.db.deleteFrom('comments').execute();
  });

  it('shows the author (only) their comment’s edit window and source', async () => {
    const { comment, cookie } = await post({ body: 'Hello *there*' });
    expect(comment.source).toBe('Hello *there*');
    const until = Date.parse(comment.editableUntil as string) - Date.parse(comment.createdAt);
    expect(until).toBe(15 * 60_000);

    const mine = (await thread(cookie)).comments[0] as Comment;
    expect(mine.editableUntil).toBe(comment.editableUntil);
    expect(mine.source).toBe('Hello *there*');
    const theirs = (await thread()).comments[0] as Comment;
    expect(theirs).not.toHaveProperty('editableUntil');
    expect(theirs).not.toHaveProperty('source');
    const other = await post();
    const seenByOther = (await thread(other.cookie)).comments.find((c) => c.id === comment.id);
    expect(seenByOther).not.toHaveProperty('source');
  });

  it('edits within the window: re-rendered, source kept, marked edited for everyone', async () => {
    const { comment, cookie } = await post({ body: 'Frist' });
    const res = await edit(comment.id, '  First, *really*  ', { cookie });
    expect(res.status).toBe(200);
    const { comment: edited } = (await res.json()) as { comment: Comment };
    expect(edited).toMatchObject({
      id: comment.id,
      html: '<p>First, <em>really</em></p>',
      source: 'First, *really*',
      editableUntil: comment.editableUntil,
      createdAt: comment.createdAt,
    });
    expect(edited.status).toBeUndefined();
    expect(typeof edited.editedAt).toBe('string');
    const stored = await row(comment.id);
    expect(stored?.body_source).toBe('First, *really*');
    expect(stored?.edited_at).toBe(edited.editedAt);
    const publicView = (await thread()).comments[0] as Comment;
    expect(publicView.editedAt).toBe(edited.editedAt);
    expect(publicView.html).toBe('<p>First, <em>really</em></p>');
  });

  it('refuses an edit or delete after the window, saying how long it is', async () => {
    await server.buildSite({ settings: { editWindowMinutes: 10 } });
    const { comment, cookie } = await post({ body: 'Old words' });
    await server.parley.db
      .updateTable('comments')
      .set({ created_at: new Date(Date.now() - 11 * 60_000).toISOString() })
      .where('id', '=', comment.id)
      .execute();
    const res = await edit(comment.id, 'New words', { cookie });
    expect(res.status).toBe(403);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('edit_window_closed');
    expect(error.message).toMatch(/10 minutes/);
    expect((await remove(comment.id, { cookie })).status).toBe(403);
    expect((await row(comment.id))?.body_source).toBe('Old words');
    expect((await thread(cookie)).comments[0]).not.toHaveProperty('editableUntil');
  });

  it('refuses anyone but the author: no cookie, another cookie, another identity', async () => {
    const { comment } = await post({ body: 'Mine' });
    const other = await post();
    const stranger = await signIn('stranger');
    const attempts: Record<string, string>[] = [
      {},
      { cookie: other.cookie },
      { authorization: stranger.authorization },
    ];
    for (const headers of attempts) {
      const res = await edit(comment.id, 'Hijacked', headers);
      expect(res.status).toBe(403);
      expect(await errorCode(res)).toBe('not_author');
      const del = await remove(comment.id, headers);
      expect(del.status).toBe(403);
      expect(await errorCode(del)).toBe('not_author');
    }
    const stored = await row(comment.id);
    expect(stored?.body_source).toBe('Mine');
    expect(stored?.edited_at).toBeNull();
    expect(stored?.deleted_at).toBeNull();
  });

  it('answers 404 for an unknown comment', async () => {
    const res = await edit('nope', 'x', {});
    expect(res.status).toBe(404);
    expect(await errorCode(res)).toBe('comment_not_found');
    expect((await remove('nope')).status).toBe(404);
  });

  it('validates an edit like a post: empty 400, too long 413, nothing changed', async () => {
    const { comment, cookie } = await post({ body: 'Keep me' });
    const empty = await edit(comment.id, '   ', { cookie });
    expect(empty.status).toBe(400);
    expect(await errorCode(empty)).toBe('invalid_body');
    const long = await edit(comment.id, 'x'.repeat(10_001), { cookie });
    expect(long.status).toBe(413);
    expect(await errorCode(long)).toBe('body_too_large');
    const stored = await row(comment.id);
    expect(stored?.body_source).toBe('Keep me');
    expect(stored?.edited_at).toBeNull();
  });

  it('moderates an edit again: a blocklisted word holds it, then a clean edit publishes it', async () => {
    const { comment, cookie } = await post({ body: 'A fine comment' });
    await server.buildSite({
      settings: {
        moderation: {
          blocklist: { words: ['casino'], emails: [], ips: [], identities: [], action: 'hold' },
        },
      },
    });
    const held = await edit(comment.id, 'Visit my casino', { cookie });
    expect(held.status).toBe(200);
    expect(((await held.json()) as { comment: Comment }).comment.status).toBe('pending');
    expect((await row(comment.id))?.status).toBe('pending');
    expect(await thread()).toEqual({ comments: [], total: 0, nextCursor: null, moreReplies: {} });
    expect((await thread(cookie)).comments[0]?.status).toBe('pending');

    const clean = await edit(comment.id, 'A fine comment, edited', { cookie });
    expect(((await clean.json()) as { comment: Comment }).comment.status).toBeUndefined();
    expect((await row(comment.id))?.status).toBe('approved');
    expect((await thread()).total).toBe(1);
  });

  it('files an edit as spam when the site says so; the same text again is not a duplicate of itself', async () => {
    const { comment, cookie } = await post({ body: 'Same text' });
    const same = await edit(comment.id, 'Same text', { cookie });
    expect(same.status).toBe(200);
    await server.buildSite({
      settings: {
        moderation: {
          blocklist: { words: ['casino'], emails: [], ips: [], identities: [], action: 'spam' },
        },
      },
    });
    const spam = await edit(comment.id, 'casino casino', { cookie });
    expect(spam.status).toBe(200);
    const stored = await row(comment.id);
    expect(stored?.status).toBe('spam');
    expect(stored?.moderation_reasons).toMatch(/blocklist/);
  });

  it('does not time an edit: a site with form timing still publishes it', async () => {
    await server.buildSite({ settings: { moderation: { minFormSeconds: 5 } } });
    const { comment, cookie } = await post({ body: 'Posted slowly' });
    // Posted without a form token: held for timing. Publish it as a moderator would.
    await server.parley.db
      .updateTable('comments')
      .set({ status: 'approved' })
      .where('id', '=', comment.id)
      .execute();
    const res = await edit(comment.id, 'Edited quickly', { cookie });
    expect(((await res.json()) as { comment: Comment }).comment.status).toBeUndefined();
  });

  it('removes a deleted comment without replies', async () => {
    const { comment, cookie } = await post({ body: 'Oops' });
    const res = await remove(comment.id, { cookie });
    expect(res.status).toBe(204);
    expect(await row(comment.id)).toBeUndefined();
    expect(await thread()).toEqual({ comments: [], total: 0, nextCursor: null, moreReplies: {} });
    expect((await remove(comment.id, { cookie })).status).toBe(404);
  });

  it('leaves a placeholder for a deleted comment with replies; the replies stay', async () => {
    const { comment: parent, cookie } = await post({
      body: 'Parent',
      author: { name: 'Parent Author', email: 'parent@example.com', website: 'parent.example' },
    });
    const { comment: reply } = await post({ parentId: parent.id, body: 'A reply' });
    expect((await remove(parent.id, { cookie })).status).toBe(204);

    const stored = await row(parent.id);
    expect(stored).toMatchObject({
      body_source: '',
      body_html: '',
      author_name: '',
      author_email: null,
      author_url: null,
      author_avatar_url: null,
      identity_id: null,
    });
    expect(stored?.deleted_at).not.toBeNull();
    const { comments, total } = await thread(cookie);
    expect(total).toBe(1);
    expect(comments).toEqual([
      {
        id: parent.id,
        parentId: null,
        html: '',
        createdAt: parent.createdAt,
        deleted: true,
        author: { name: '', url: null, avatarUrl: '', provider: 'guest', deleted: true },
      },
      expect.objectContaining({ id: reply.id, parentId: parent.id, html: '<p>A reply</p>' }),
    ]);
    // Deleted already: gone for editing and deleting.
    expect((await edit(parent.id, 'Back', { cookie })).status).toBe(404);
    expect((await remove(parent.id, { cookie })).status).toBe(404);
  });

  it('removes a placeholder once its last reply is deleted', async () => {
    const parent = await post({ body: 'Parent' });
    const reply = await post({ parentId: parent.comment.id, body: 'Reply' });
    await remove(parent.comment.id, { cookie: parent.cookie });
    expect((await remove(reply.comment.id, { cookie: reply.cookie })).status).toBe(204);
    expect(await thread()).toEqual({ comments: [], total: 0, nextCursor: null, moreReplies: {} });
  });

  it('shows no placeholder whose only replies the reader can’t see', async () => {
    await server.buildSite({ settings: { moderation: { mode: 'all' } } });
    const parent = await post({ body: 'Parent' });
    await server.parley.db
      .updateTable('comments')
      .set({ status: 'approved' })
      .where('id', '=', parent.comment.id)
      .execute();
    const reply = await post({ parentId: parent.comment.id, body: 'Held reply' });
    expect(reply.comment.status).toBe('pending');
    expect((await remove(parent.comment.id, { cookie: parent.cookie })).status).toBe(204);
    expect((await row(parent.comment.id))?.deleted_at).not.toBeNull();
    expect(await thread()).toEqual({ comments: [], total: 0, nextCursor: null, moreReplies: {} });
    const seenByReplier = (await thread(reply.cookie)).comments;
    expect(seenByReplier.map((c) => [c.id, c.deleted ?? false])).toEqual([
      [parent.comment.id, true],
      [reply.comment.id, false],
    ]);
  });

  it('lets a signed-in author edit and delete with their token, from any browser', async () => {
    const { identity, authorization } = await signIn('author');
    const { comment } = await post({ body: 'Signed in' }, { authorization });
    expect((await row(comment.id))?.identity_id).toBe(identity.id);
    // No author-key cookie sent: the identity alone is enough.
    const res = await edit(comment.id, 'Signed in, edited', { authorization });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { comment: Comment }).comment.html).toBe(
      '<p>Signed in, edited</p>',
    );
    expect((await remove(comment.id, { authorization })).status).toBe(204);
    expect(await row(comment.id)).toBeUndefined();
  });

  it('refuses an invalid token rather than falling back to the cookie', async () => {
    const { comment, cookie } = await post({ body: 'Mine' });
    const res = await edit(comment.id, 'Edited', { cookie, authorization: 'Bearer v1.bogus' });
    expect(res.status).toBe(401);
    expect((await row(comment.id))?.body_source).toBe('Mine');
  });
});
