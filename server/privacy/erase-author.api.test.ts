/**
 * An owner erases everything of one email or one identity on their site
 * (issue 12); moderators and other sites' owners can't.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardLogin, grantTeam } from '../test/dashboard.ts';
import { buildComment, signInReader } from '../test/factories.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

describe.each(DIALECTS)('owners erase an author, on %s', (dialect) => {
  let server: TestServer;
  let owner: string;
  let moderator: string;
  let otherOwner: string;

  const login = (email: string) => dashboardLogin(server.url, email);

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.buildSite();
    await server.buildSite({ id: 'other', origins: ['https://other.example'] });
    const db = server.parley.db;
    await grantTeam(db, [
      ['owner@blog.example', 'blog', 'owner'],
      ['mod@blog.example', 'blog', 'moderator'],
      ['owner@other.example', 'other', 'owner'],
    ]);
    owner = await login('owner@blog.example');
    moderator = await login('mod@blog.example');
    otherOwner = await login('owner@other.example');
  }, 60_000);
  afterAll(() => server?.stop());

  const erase = (cookie: string, body: unknown, site = 'blog') =>
    fetch(`${server.url}/admin/api/sites/${site}/erase`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });

  const commentsOf = (email: string) =>
    server.parley.db
      .selectFrom('comments')
      .select(['site_id', 'author_name'])
      .where('author_email', '=', email)
      .execute();

  it('removes every comment of an email on this site, and only this site', async () => {
    const db = server.parley.db;
    await buildComment(db, { site: 'blog', email: 'erase@example.com', name: 'Eve' });
    await buildComment(db, { site: 'blog', email: 'erase@example.com', name: 'Eve' });
    await buildComment(db, { site: 'other', email: 'erase@example.com', name: 'Eve' });
    const res = await erase(owner, { email: 'Erase@Example.com' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ site: 'blog', comments: 'remove', affected: 2 });
    expect(await commentsOf('erase@example.com')).toEqual([
      { site_id: 'other', author_name: 'Eve' },
    ]);
  });

  it('anonymises an identity’s comments when asked, and deletes the identity', async () => {
    const { identity, token } = await signInReader(
      server.parley.db,
      server.parley.config.authSecret,
      {
        siteId: 'blog',
        providerUserId: `erased-${dialect}`,
        displayName: 'Erased Reader',
      },
    );
    const posted = await fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        site: 'blog',
        page: 'https://blog.example/p',
        pageUrl: 'https://blog.example/p',
        pageTitle: 'P',
        body: 'Hi',
      }),
    });
    expect(posted.status).toBe(201);
    const res = await erase(owner, { identityId: identity.id, comments: 'anonymise' });
    expect(await res.json()).toMatchObject({ affected: 1, comments: 'anonymise' });
    const left = await server.parley.db
      .selectFrom('identities')
      .select('id')
      .where('id', '=', identity.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('refuses moderators, other sites’ owners, identities from elsewhere and bad bodies', async () => {
    const db = server.parley.db;
    await buildComment(db, { site: 'blog', email: 'keep@example.com' });
    expect((await erase(moderator, { email: 'keep@example.com' })).status).toBe(403);
    // Another site's owner is not told this site exists (the dashboard's rule).
    expect((await erase(otherOwner, { email: 'keep@example.com' })).status).toBe(404);
    const stranger = await signInReader(db, server.parley.config.authSecret, {
      siteId: 'other',
      providerUserId: `stranger-${dialect}`,
      displayName: 'Stranger',
    });
    const foreign = await erase(owner, { identityId: stranger.identity.id });
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).error.code).toBe('author_unknown');
    for (const body of [
      {},
      { email: 'not an email' },
      { email: 'a@b.example', identityId: 'x' },
      { email: 'a@b.example', comments: 'all' },
    ]) {
      const res = await erase(owner, body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_body');
    }
    expect(await commentsOf('keep@example.com')).toHaveLength(1);
  });
});
