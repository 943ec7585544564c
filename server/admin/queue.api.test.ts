/**
 * The queue as the dashboard lists it: counts per tab, no placeholders of
 * deleted comments, and the `hold` action Undo sends after an approval.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_AUTHOR } from '../comments/comment.repository.ts';
import { buildComment } from '../test/factories.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import { grantSiteRole } from './admin.service.ts';

const PASSWORD = 'correct horse battery staple';

describe.each(DIALECTS)('the moderation queue on %s', (dialect) => {
  let server: TestServer;
  let cookie: string;

  const api = (path: string, body?: unknown) =>
    fetch(`${server.url}/admin/api${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const list = async (status: string) =>
    (await api(`/sites/blog/comments?status=${status}`)).json();

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.buildSite({ id: 'blog', origins: ['https://blog.example'] });
    await grantSiteRole(server.parley.db, {
      email: 'mod@blog.example',
      password: PASSWORD,
      siteId: 'blog',
      role: 'moderator',
    });
    const res = await fetch(`${server.url}/admin/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'mod@blog.example', password: PASSWORD }),
    });
    cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
  }, 60_000);
  afterAll(() => server.stop());

  it('counts each tab, leaves deleted placeholders out, and puts an approval back with hold', async () => {
    const db = server.parley.db;
    const held = await buildComment(db, { site: 'blog', status: 'pending', body: 'Held one' });
    await buildComment(db, { site: 'blog', status: 'pending', body: 'Held two' });
    await buildComment(db, { site: 'blog', status: 'approved', body: 'Published' });
    const gone = await buildComment(db, { site: 'blog', status: 'approved', body: 'Gone' });
    // What an author's delete leaves when the comment has replies.
    await db
      .updateTable('comments')
      .set({
        deleted_at: new Date().toISOString(),
        body_source: '',
        body_html: '',
        author_name: '',
      })
      .where('id', '=', gone)
      .execute();

    const all = await list('all');
    expect(all.counts).toEqual({ pending: 2, approved: 1, spam: 0, trash: 0 });
    expect(all.comments.map((c: { id: string }) => c.id)).not.toContain(gone);
    expect(all.comments.every((c: { author: { name: string } }) => c.author.name !== '')).toBe(
      true,
    );

    await api('/sites/blog/comments/actions', { ids: [held], action: 'approve' });
    expect((await list('pending')).counts).toMatchObject({ pending: 1, approved: 2 });
    // Undo of the approval.
    const undo = await api('/sites/blog/comments/actions', { ids: [held], action: 'hold' });
    expect(await undo.json()).toEqual({ updated: 1 });
    const back = await list('pending');
    expect(back.counts).toMatchObject({ pending: 2, approved: 1 });
    expect(back.comments.map((c: { id: string }) => c.id)).toContain(held);
  });

  it('marks a comment with nobody behind it as deleted, in the list, a search, one comment and a parent', async () => {
    const db = server.parley.db;
    // Kept when its author deleted their data (what erasure and account deletion store).
    const nobody = await buildComment(db, {
      site: 'blog',
      status: 'pending',
      body: 'Orphan words',
    });
    await db.updateTable('comments').set(NO_AUTHOR).where('id', '=', nobody).execute();
    const reply = await buildComment(db, {
      site: 'blog',
      status: 'pending',
      body: 'A reply to nobody',
      name: 'Bea',
    });
    await db.updateTable('comments').set({ parent_id: nobody }).where('id', '=', reply).execute();

    type Item = { id: string; author: object; parent: { author: object } | null };
    const find = (items: Item[], id: string) => items.find((c) => c.id === id);
    const nobodyAuthor = { name: '', deleted: true };

    const all: Item[] = (await list('all')).comments;
    expect(find(all, nobody)?.author).toMatchObject(nobodyAuthor);
    expect(find(all, reply)?.author).toMatchObject({ name: 'Bea' });
    expect(find(all, reply)?.author).not.toHaveProperty('deleted');
    expect(find(all, reply)?.parent?.author).toEqual(nobodyAuthor);

    const found: Item[] = (await (await api('/sites/blog/comments?status=all&q=orphan')).json())
      .comments;
    expect(found.map((c) => c.id)).toEqual([nobody]);
    expect(found[0]?.author).toMatchObject(nobodyAuthor);

    const one: Item = await (await api(`/sites/blog/comments/${nobody}`)).json();
    expect(one.author).toMatchObject(nobodyAuthor);
    // Nobody to ban: the dashboard offers no Ban for it, and the server refuses one.
    const ban = await api(`/sites/blog/comments/${nobody}/ban`, {});
    expect(ban.status).toBe(409);
  });
});
