import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadBootstrap } from '../../contract/api.ts';
import {
  FAKE_AKISMET_KEY,
  type FakeAkismet,
  SPAM_AUTHOR,
  startFakeAkismet,
} from '../moderation/test/fake-akismet.ts';
import { dashboardLogin, grantTeam } from '../test/dashboard.ts';
import { buildComment, signInReader as signIn } from '../test/factories.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

const PUBLIC_URL = 'https://comments.example';
const PAGE = 'https://blog.example/post';

describe.each(DIALECTS)('site settings, bans, members and Akismet feedback on %s', (dialect) => {
  let server: TestServer;
  let akismet: FakeAkismet;
  let owner: string;
  let moderator: string;
  let otherModerator: string;
  let readerToken: string;

  const login = (email: string, password?: string) => dashboardLogin(server.url, email, password);

  const call = (
    method: string,
    path: string,
    auth: { cookie?: string; bearer?: string } = {},
    body?: unknown,
  ) =>
    fetch(`${server.url}/admin/api${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(auth.cookie ? { cookie: auth.cookie } : {}),
        ...(auth.bearer ? { authorization: `Bearer ${auth.bearer}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const getSettings = async (cookie: string) =>
    (await call('GET', '/sites/blog/settings', { cookie })).json();
  const putSettings = (cookie: string, body: unknown) =>
    call('PUT', '/sites/blog/settings', { cookie }, body);
  const statusOf = async (id: string) =>
    (
      await server.parley.db
        .selectFrom('comments')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;

  /** A guest's comment stored directly (no pipeline), for the dashboard to act on. */
  const seedComment = (site: string, email = 'guest@example.com') =>
    buildComment(server.parley.db, { site, email, userAgent: 'Test/1' });

  /** A signed-in reader of the blog (a Twitter identity) and their access token. */
  const signInReader = (providerUserId: string, displayName: string) =>
    signIn(server.parley.db, server.parley.config.authSecret, {
      siteId: 'blog',
      providerUserId,
      displayName,
    });

  let n = 0;
  const postComment = (author: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        site: 'blog',
        page: PAGE,
        pageUrl: PAGE,
        pageTitle: 'A post',
        body: `A comment, number ${n++}`,
        ...(author ? { author } : {}),
      }),
    });

  beforeAll(async () => {
    akismet = await startFakeAkismet();
    server = await startTestServer(dialect, {
      AKISMET_URL: akismet.endpoint,
      AKISMET_TEST: 'true',
      PUBLIC_URL,
    });
    await server.buildSite({ id: 'blog', origins: ['https://blog.example'] });
    await server.buildSite({ id: 'other', name: 'Other', origins: ['https://other.example'] });
    const db = server.parley.db;
    await grantTeam(db, [
      ['owner@blog.example', 'blog', 'owner'],
      ['mod@blog.example', 'blog', 'moderator'],
      ['owner@other.example', 'other', 'owner'],
      ['mod@other.example', 'other', 'moderator'],
    ]);
    owner = await login('owner@blog.example');
    moderator = await login('mod@blog.example');
    otherModerator = await login('mod@other.example');
    readerToken = (await signInReader('1001', 'Reader')).token;
    // Seven scrypt hashes and logins: past the 10 s default on a loaded machine.
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await akismet?.close();
  });

  it('enforces the permission model on every new endpoint', async () => {
    const guest = await seedComment('blog', 'perm@example.com');
    const endpoints: { method: string; path: string; body?: unknown; ownerOnly: boolean }[] = [
      { method: 'GET', path: '/sites/blog/settings', ownerOnly: false },
      { method: 'PUT', path: '/sites/blog/settings', body: {}, ownerOnly: true },
      { method: 'GET', path: `/sites/blog/comments/${guest}`, ownerOnly: false },
      { method: 'POST', path: `/sites/blog/comments/${guest}/ban`, ownerOnly: false },
      { method: 'GET', path: '/sites/blog/members', ownerOnly: true },
      {
        method: 'POST',
        path: '/sites/blog/members',
        body: { email: 'perm.mod@blog.example', role: 'moderator' },
        ownerOnly: true,
      },
      { method: 'DELETE', path: '/sites/blog/members/perm.mod@blog.example', ownerOnly: true },
    ];
    for (const { method, path, body, ownerOnly } of endpoints) {
      const what = `${method} ${path}`;
      for (const auth of [{}, { bearer: readerToken }, { cookie: 'parley_admin=forged' }]) {
        const res = await call(method, path, auth, body);
        expect(res.status, what).toBe(401);
        expect((await res.json()).error.code, what).toBe('unauthorized');
      }
      const elsewhere = await call(method, path, { cookie: otherModerator }, body);
      expect(elsewhere.status, what).toBe(404);
      expect(await elsewhere.text(), what).not.toMatch(/perm@example\.com|owner@blog/);

      const asModerator = await call(method, path, { cookie: moderator }, body);
      if (ownerOnly) {
        expect(asModerator.status, what).toBe(403);
        expect((await asModerator.json()).error.code, what).toBe('forbidden');
      } else {
        expect(asModerator.status, what).toBe(200);
      }
      const asOwner = await call(method, path, { cookie: owner }, body);
      expect(asOwner.status, what).toBeLessThan(300);
    }
  });

  it('shows owners the settings and the embed snippet; moderators see the Akismet key masked', async () => {
    expect(
      (await putSettings(owner, { settings: { moderation: { akismetKey: 'abcdef123456' } } }))
        .status,
    ).toBe(200);
    const asOwner = await getSettings(owner);
    expect(asOwner).toEqual({
      site: { id: 'blog', name: 'My blog', origins: ['https://blog.example'] },
      settings: expect.objectContaining({
        maxDepth: 5,
        privacyUrl: null,
        editWindowMinutes: 15,
        signInProviders: null,
        moderation: expect.objectContaining({ mode: 'none', akismetKey: 'abcdef123456' }),
      }),
      embedSnippet: `<div id="parley-thread"></div>\n<script src="${PUBLIC_URL}/embed.js" data-site="blog" async></script>`,
      version: expect.any(Number),
    });
    const asModerator = await getSettings(moderator);
    expect(asModerator.settings.moderation.akismetKey).toBe('••••3456');
    expect({
      ...asModerator,
      settings: {
        ...asModerator.settings,
        moderation: { ...asModerator.settings.moderation, akismetKey: null },
      },
    }).toEqual({
      ...asOwner,
      settings: {
        ...asOwner.settings,
        moderation: { ...asOwner.settings.moderation, akismetKey: null },
      },
    });
    await putSettings(owner, { settings: { moderation: { akismetKey: null } } });
    expect((await getSettings(moderator)).settings.moderation.akismetKey).toBeNull();
  });

  it('saves settings, and the widget’s iframe page reflects them', async () => {
    // npm test builds the widget before running these.
    if (!existsSync('dist/widget/.vite/manifest.json'))
      throw new Error('Build the widget first: npm run build');
    const res = await putSettings(owner, {
      name: 'Renamed blog',
      origins: ['https://blog.example', 'https://www.blog.example/some/path'],
      settings: {
        maxDepth: 2,
        privacyUrl: 'https://blog.example/privacy',
        editWindowMinutes: 30,
        signInProviders: ['twitter'],
        language: 'fr',
        moderation: { linkLimit: 4, akismetKey: FAKE_AKISMET_KEY },
      },
    });
    expect(res.status).toBe(200);
    const saved = await res.json();
    expect(saved.site).toEqual({
      id: 'blog',
      name: 'Renamed blog',
      origins: ['https://blog.example', 'https://www.blog.example'],
    });
    expect(saved.settings).toMatchObject({
      maxDepth: 2,
      privacyUrl: 'https://blog.example/privacy',
      editWindowMinutes: 30,
      signInProviders: ['twitter'],
      language: 'fr',
      // The rest of moderation keeps its values.
      moderation: { mode: 'none', linkLimit: 4, minFormSeconds: 0, akismetKey: FAKE_AKISMET_KEY },
    });
    expect(await getSettings(owner)).toEqual(saved);

    const frame = await fetch(
      `${server.url}/embed/thread?${new URLSearchParams({
        site: 'blog',
        page: PAGE,
        url: PAGE,
        title: 'A post',
        origin: 'https://www.blog.example',
      })}`,
    );
    expect(frame.status).toBe(200);
    const html = await frame.text();
    const boot = JSON.parse(
      html.match(/<script id="parley-bootstrap" type="application\/json">([^<]*)<\/script>/)?.[1] ??
        'null',
    ) as ThreadBootstrap;
    expect(boot).toMatchObject({
      maxDepth: 2,
      hostOrigin: 'https://www.blog.example',
      privacy: { akismet: true, privacyUrl: 'https://blog.example/privacy' },
      locale: 'fr',
    });
    expect(html).toContain('<html lang="fr" dir="ltr"');

    // Back to how the other tests expect the blog.
    await putSettings(owner, {
      name: 'My blog',
      origins: ['https://blog.example'],
      settings: {
        maxDepth: 5,
        privacyUrl: null,
        language: null,
        moderation: { akismetKey: null, linkLimit: 0 },
      },
    });
  });

  it('refuses invalid settings with a 400 naming the field, and changes nothing', async () => {
    const before = await getSettings(owner);
    for (const [body, field] of [
      [{ settings: { moderation: { linkLimit: -1 } } }, 'settings.moderation.linkLimit'],
      [{ settings: { privacyUrl: 'javascript:alert(1)' } }, 'settings.privacyUrl'],
      [{ settings: { maxDepth: 11 } }, 'settings.maxDepth'],
      [{ settings: { language: 'klingon' } }, 'settings.language'],
      [{ settings: { signInProviders: ['myspace'] } }, 'settings.signInProviders.0'],
      [{ settings: { moderation: { mode: 'sometimes' } } }, 'settings.moderation.mode'],
      [
        { settings: { moderation: { blocklist: { ips: ['300.1.1.1'] } } } },
        'settings.moderation.blocklist.ips.0',
      ],
      [{ origins: [] }, 'origins'],
      [{ origins: ['ftp://blog.example'] }, 'origins.0'],
      [{ name: '' }, 'name'],
    ] as const) {
      const res = await putSettings(owner, body);
      expect(res.status, field).toBe(400);
      const { error } = await res.json();
      expect(error, field).toMatchObject({ code: 'invalid_body', field });
      // Written for a person: the path travels in `field`, never in the message.
      expect(error.message, field).not.toContain(field);
      expect(error.message, field).toMatch(/^[A-Z]/);
    }
    const empty = await (await putSettings(owner, { origins: [] })).json();
    expect(empty.error.message).toContain('at least one origin');
    expect(await getSettings(owner)).toEqual(before);
  });

  it('refuses a field it does not know with a 400 naming it, instead of ignoring it', async () => {
    const before = await getSettings(owner);
    for (const [body, named] of [
      [{ settings: { akismetKey: 'abc123' } }, 'settings.akismetKey'],
      [{ settings: { moderation: { akismet: 'abc123' } } }, 'settings.moderation.akismet'],
      [{ colour: 'red' }, 'colour'],
    ] as const) {
      const res = await putSettings(owner, body);
      expect(res.status, named).toBe(400);
      const { error } = await res.json();
      expect(error.code, named).toBe('invalid_body');
      expect(error.message, named).toBe(`Unknown field: ${named}`);
    }
    expect(await getSettings(owner)).toEqual(before);
  });

  it('bans a guest: their email joins the blocklist, the comment goes to spam, later comments are held', async () => {
    const id = await seedComment('blog', 'troll@example.com');
    const res = await call('POST', `/sites/blog/comments/${id}/ban`, { cookie: moderator });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ banned: { kind: 'email', label: 'troll@example.com' } });
    expect(await statusOf(id)).toBe('spam');
    // Idempotent: banning again adds nothing.
    const again = await call('POST', `/sites/blog/comments/${id}/ban`, { cookie: owner });
    expect(await again.json()).toEqual({ banned: { kind: 'email', label: 'troll@example.com' } });
    const { blocklist } = (await getSettings(owner)).settings.moderation;
    expect(blocklist.emails.filter((e: string) => e === 'troll@example.com')).toHaveLength(1);

    // The blocklist's action is "hold": the next comment waits for a moderator.
    const next = await postComment({ name: 'Troll', email: 'troll@example.com' });
    expect(next.status).toBe(201);
    const { comment } = await next.json();
    expect(await statusOf(comment.id)).toBe('pending');
  });

  it('bans a signed-in reader by identity: they can no longer post', async () => {
    const troll = await signInReader('666', 'Troll');
    const auth = { authorization: `Bearer ${troll.token}` };
    const first = await postComment(undefined, auth);
    expect(first.status).toBe(201);
    const { comment } = await first.json();

    const res = await call('POST', `/sites/blog/comments/${comment.id}/ban`, { cookie: moderator });
    expect(await res.json()).toEqual({ banned: { kind: 'identity', label: 'Troll (twitter)' } });
    expect(await statusOf(comment.id)).toBe('spam');
    const { blocklist } = (await getSettings(owner)).settings.moderation;
    expect(blocklist.identities).toContain(troll.identity.id);

    const refused = await postComment(undefined, auth);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('banned');
  });

  it('bans nobody through another site’s comment', async () => {
    const foreign = await seedComment('other', 'foreign@example.com');
    const res = await call('POST', `/sites/blog/comments/${foreign}/ban`, { cookie: owner });
    expect(res.status).toBe(404);
    expect(await statusOf(foreign)).toBe('approved');
    const { blocklist } = (await getSettings(owner)).settings.moderation;
    expect(blocklist.emails).not.toContain('foreign@example.com');
    expect((await call('GET', `/sites/blog/comments/${foreign}`, { cookie: owner })).status).toBe(
      404,
    );
  });

  it('shows one comment as the queue does', async () => {
    const id = await seedComment('blog', 'one@example.com');
    const res = await call('GET', `/sites/blog/comments/${id}`, { cookie: moderator });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id,
      status: 'approved',
      html: '<p>Seeded comment</p>',
      source: 'Seeded comment',
      createdAt: expect.any(String),
      author: {
        name: 'Guest',
        email: 'one@example.com',
        url: null,
        provider: 'guest',
        ip: '203.0.113.9',
      },
      page: { url: 'https://blog.example/p', title: 'P' },
      parent: null,
      reasons: [],
    });
    expect((await call('GET', '/sites/blog/comments/nope', { cookie: moderator })).status).toBe(
      404,
    );
  });

  it('lets owners add moderators (a new one gets a password once), and keeps the last owner', async () => {
    const members = async () =>
      (await call('GET', '/sites/blog/members', { cookie: owner })).json();
    expect(await members()).toEqual([
      { email: 'owner@blog.example', role: 'owner' },
      { email: 'mod@blog.example', role: 'moderator' },
    ]);

    const added = await call(
      'POST',
      '/sites/blog/members',
      { cookie: owner },
      {
        email: ' New.Mod@Blog.example ',
        role: 'moderator',
      },
    );
    expect(added.status).toBe(201);
    const created = await added.json();
    expect(created).toEqual({
      email: 'new.mod@blog.example',
      role: 'moderator',
      password: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/),
    });
    const newCookie = await login('new.mod@blog.example', created.password);
    const me = await (await call('GET', '/me', { cookie: newCookie })).json();
    expect(me.sites).toEqual([{ id: 'blog', name: 'My blog', role: 'moderator' }]);

    // Adding again, or an admin of another site, grants the role and reveals no password.
    const repeat = await call(
      'POST',
      '/sites/blog/members',
      { cookie: owner },
      {
        email: 'new.mod@blog.example',
        role: 'moderator',
      },
    );
    expect(repeat.status).toBe(200);
    expect(await repeat.json()).toEqual({ email: 'new.mod@blog.example', role: 'moderator' });
    const existing = await call(
      'POST',
      '/sites/blog/members',
      { cookie: owner },
      {
        email: 'owner@other.example',
        role: 'moderator',
      },
    );
    expect(await existing.json()).toEqual({ email: 'owner@other.example', role: 'moderator' });
    expect(await members()).toEqual([
      { email: 'owner@blog.example', role: 'owner' },
      { email: 'mod@blog.example', role: 'moderator' },
      { email: 'new.mod@blog.example', role: 'moderator' },
      { email: 'owner@other.example', role: 'moderator' },
    ]);

    const bad = await call(
      'POST',
      '/sites/blog/members',
      { cookie: owner },
      {
        email: 'not an email',
        role: 'moderator',
      },
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: 'invalid_body', field: 'email' });

    // Removed: the session stays, but the site is gone from it.
    const removed = await call('DELETE', '/sites/blog/members/New.Mod%40blog.example', {
      cookie: owner,
    });
    expect(removed.status).toBe(204);
    expect((await (await call('GET', '/me', { cookie: newCookie })).json()).sites).toEqual([]);
    expect((await call('GET', '/sites/blog/comments', { cookie: newCookie })).status).toBe(404);
    expect(
      (await call('DELETE', '/sites/blog/members/new.mod@blog.example', { cookie: owner })).status,
    ).toBe(404);
    await call('DELETE', '/sites/blog/members/owner@other.example', { cookie: owner });

    // The last owner can neither be removed nor demoted.
    const lastOwner = await call('DELETE', '/sites/blog/members/owner@blog.example', {
      cookie: owner,
    });
    expect(lastOwner.status).toBe(409);
    expect((await lastOwner.json()).error.code).toBe('last_owner');
    const demoted = await call(
      'POST',
      '/sites/blog/members',
      { cookie: owner },
      {
        email: 'owner@blog.example',
        role: 'moderator',
      },
    );
    expect(demoted.status).toBe(409);
    expect((await demoted.json()).error.code).toBe('last_owner');

    // With a second owner, either may go.
    await call(
      'POST',
      '/sites/blog/members',
      { cookie: owner },
      { email: 'co@blog.example', role: 'owner' },
    );
    expect(
      (await call('DELETE', '/sites/blog/members/co@blog.example', { cookie: owner })).status,
    ).toBe(204);
    expect(await members()).toEqual([
      { email: 'owner@blog.example', role: 'owner' },
      { email: 'mod@blog.example', role: 'moderator' },
    ]);
  });

  it('keeps every change when owners and a ban write the settings at once; a stale form gets a 409', async () => {
    const before = await getSettings(owner);
    const troll = await seedComment('blog', 'racing@example.com');
    // Three writers read the same version and write different things at once.
    const [renamed, deeper, ban] = await Promise.all([
      putSettings(owner, { name: 'Renamed at once' }),
      putSettings(owner, { settings: { maxDepth: 4 } }),
      call('POST', `/sites/blog/comments/${troll}/ban`, { cookie: moderator }),
    ]);
    expect([renamed.status, deeper.status, ban.status]).toEqual([200, 200, 200]);
    const after = await getSettings(owner);
    expect(after.site.name).toBe('Renamed at once');
    expect(after.settings.maxDepth).toBe(4);
    expect(after.settings.moderation.blocklist.emails).toContain('racing@example.com');
    expect(after.version).toBe(before.version + 3);

    // A form loaded before those changes may not overwrite them blindly.
    const stale = await putSettings(owner, {
      version: before.version,
      settings: { editWindowMinutes: 30 },
    });
    expect(stale.status).toBe(409);
    const { error } = await stale.json();
    expect(error).toMatchObject({ code: 'settings_changed' });
    expect(error.message).toMatch(/Someone else changed these settings/);
    expect(await getSettings(owner)).toEqual(after);

    // The current version saves, and the answer carries the next one.
    const fresh = await putSettings(owner, {
      version: after.version,
      name: before.site.name,
      settings: { maxDepth: before.settings.maxDepth },
    });
    expect(fresh.status).toBe(200);
    expect((await fresh.json()).version).toBe(after.version + 1);

    for (const version of [-1, 1.5, 'seven', null]) {
      const res = await putSettings(owner, { version, name: 'Never' });
      expect(res.status, String(version)).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: 'invalid_body', field: 'version' });
    }
    expect((await getSettings(owner)).site.name).toBe(before.site.name);
  });

  it('reads Akismet’s spam call from the stored decision, not from its wording', async () => {
    await putSettings(owner, { settings: { moderation: { akismetKey: FAKE_AKISMET_KEY } } });
    // Reworded reasons (a translated or older text): the decision is what counts.
    const calledSpam = await buildComment(server.parley.db, {
      site: 'blog',
      status: 'spam',
      name: 'Reworded',
      reasons: [{ check: 'akismet', decision: 'spam', reason: 'Akismet a dit : spam' }],
    });
    const held = await buildComment(server.parley.db, {
      site: 'blog',
      status: 'pending',
      name: 'Held',
      reasons: [{ check: 'akismet', decision: 'hold', reason: 'Akismet: spam' }],
    });
    const from = akismet.calls.length;
    const act = (ids: string[], action: string) =>
      call('POST', '/sites/blog/comments/actions', { cookie: moderator }, { ids, action });
    expect((await act([calledSpam, held], 'approve')).status).toBe(200);
    await expect
      .poll(() => akismet.calls.slice(from).filter((c) => c.method !== 'comment-check').length)
      .toBe(1);
    const told = akismet.calls.slice(from).filter((c) => c.method !== 'comment-check');
    expect(told.map((c) => [c.method, c.fields.comment_author])).toEqual([
      ['submit-ham', 'Reworded'],
    ]);

    // The queue shows each reason with its decision.
    const queue = await (
      await call('GET', '/sites/blog/comments?status=all&limit=200', { cookie: moderator })
    ).json();
    const item = queue.comments.find((i: { id: string }) => i.id === calledSpam);
    // An old prose reason no pattern reads stays as its text.
    expect(item.reasons).toEqual([
      {
        check: 'akismet',
        decision: 'spam',
        code: 'legacy',
        params: { text: 'Akismet a dit : spam' },
      },
    ]);
    await putSettings(owner, { settings: { moderation: { akismetKey: null } } });
  });

  it('tells Akismet when a moderator overrules it, after answering, and never fails the action', async () => {
    await putSettings(owner, { settings: { moderation: { akismetKey: FAKE_AKISMET_KEY } } });
    const newCalls = (from: number) =>
      akismet.calls.slice(from).filter((c) => c.method !== 'comment-check');
    const act = (ids: string[], action: string) =>
      call('POST', '/sites/blog/comments/actions', { cookie: moderator }, { ids, action });

    // Akismet called it spam; the moderator approves it: submit-ham.
    const spam = (
      await (await postComment({ name: SPAM_AUTHOR, email: 'spam@example.com' })).json()
    ).comment;
    expect(await statusOf(spam.id)).toBe('spam');
    let from = akismet.calls.length;
    expect(await (await act([spam.id], 'approve')).json()).toEqual({ updated: 1 });
    await expect.poll(() => newCalls(from).length).toBe(1);
    expect(newCalls(from)[0]).toMatchObject({
      method: 'submit-ham',
      fields: {
        api_key: FAKE_AKISMET_KEY,
        blog: 'https://blog.example',
        permalink: PAGE,
        comment_type: 'comment',
        comment_author: SPAM_AUTHOR,
        comment_author_email: 'spam@example.com',
        comment_content: expect.stringMatching(/^A comment, number/),
        is_test: '1',
      },
    });
    expect(newCalls(from)[0]?.fields.user_ip).toBeTruthy();

    // Akismet let it through; the moderator files it as spam: submit-spam. Twice
    // (bulk, with the other one already approved) tells Akismet once.
    const missed = (
      await (await postComment({ name: 'Sneaky', email: 'sneaky@example.com' })).json()
    ).comment;
    expect(await statusOf(missed.id)).toBe('approved');
    from = akismet.calls.length;
    await act([missed.id], 'spam');
    await act([missed.id, spam.id], 'approve');
    await act([missed.id], 'spam');
    await expect.poll(() => newCalls(from).length).toBe(2);
    expect(newCalls(from).map((c) => [c.method, c.fields.comment_author])).toEqual([
      ['submit-spam', 'Sneaky'],
      // Approved again, then spam again: Akismet never called it spam, so this is news.
      ['submit-spam', 'Sneaky'],
    ]);

    // Trash and repeats say nothing; an approve after that tells ham again only
    // for the comment Akismet had called spam.
    from = akismet.calls.length;
    await act([spam.id], 'trash');
    await act([missed.id], 'spam');
    await act([spam.id], 'restore');
    await expect.poll(() => newCalls(from).length).toBe(1);
    expect(newCalls(from).map((c) => [c.method, c.fields.comment_author])).toEqual([
      ['submit-ham', SPAM_AUTHOR],
    ]);

    // Akismet down: the action still succeeds.
    akismet.mode = 'error';
    from = akismet.calls.length;
    const down = await act([spam.id], 'spam');
    expect(await down.json()).toEqual({ updated: 1 });
    expect(await statusOf(spam.id)).toBe('spam');
    const downMissed = await act([missed.id], 'approve');
    expect(downMissed.status).toBe(200);
    const failing = await act([missed.id], 'spam');
    expect(await failing.json()).toEqual({ updated: 1 });
    await expect.poll(() => newCalls(from).length).toBe(1);
    expect(newCalls(from)[0]?.method).toBe('submit-spam');
    akismet.mode = 'normal';

    // No key, no feedback.
    await putSettings(owner, { settings: { moderation: { akismetKey: null } } });
    from = akismet.calls.length;
    await act([missed.id], 'approve');
    await act([missed.id], 'spam');
    const sentinel = await seedComment('blog', 'sentinel@example.com');
    await putSettings(owner, { settings: { moderation: { akismetKey: FAKE_AKISMET_KEY } } });
    await act([sentinel], 'spam');
    await expect.poll(() => newCalls(from).length).toBe(1);
    expect(newCalls(from)[0]?.fields.comment_author_email).toBe('sentinel@example.com');
    await putSettings(owner, { settings: { moderation: { akismetKey: null } } });
  });
});
