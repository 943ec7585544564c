/** Facebook's data deletion callback, over HTTP against the real app. */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIdentityByProvider, upsertIdentity } from '../identities/identity.repository.ts';
import { newId } from '../store/ids.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import { verifySignedRequest } from './facebook-deletion.service.ts';

const APP_SECRET = 'fb-secret';
const FACEBOOK_ENV = {
  FACEBOOK_APP_ID: 'fb-app',
  FACEBOOK_APP_SECRET: APP_SECRET,
  PUBLIC_URL: 'https://comments.example',
};

/** What Facebook POSTs: base64url(HMAC-SHA256(payload)) "." base64url(JSON). */
function signedRequest(payload: Record<string, unknown>, secret = APP_SECRET): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${createHmac('sha256', secret).update(body).digest('base64url')}.${body}`;
}

const now = () => Math.floor(Date.now() / 1000);
const payloadFor = (userId: string, issuedAt = now()) => ({
  algorithm: 'HMAC-SHA256',
  expires: 0,
  issued_at: issuedAt,
  user_id: userId,
});

describe('verifySignedRequest', () => {
  it('accepts a good one and refuses forged, expired, future and odd ones', () => {
    expect(verifySignedRequest(signedRequest(payloadFor('42')), APP_SECRET)).toMatchObject({
      userId: '42',
    });
    const refuse = (value: string) =>
      expect(() => verifySignedRequest(value, APP_SECRET)).toThrow(
        expect.objectContaining({ status: 400, code: 'invalid_signed_request' }),
      );
    refuse(signedRequest(payloadFor('42'), 'someone-else'));
    refuse(signedRequest(payloadFor('42', now() - 3601)));
    refuse(signedRequest(payloadFor('42', now() + 301)));
    refuse(signedRequest({ ...payloadFor('42'), algorithm: 'HMAC-SHA1' }));
    refuse(signedRequest({ algorithm: 'HMAC-SHA256', issued_at: now() }));
    refuse('no-dot');
    refuse('a.b.c');
    const [sig, body] = signedRequest(payloadFor('42')).split('.');
    const other = Buffer.from(JSON.stringify(payloadFor('43'))).toString('base64url');
    refuse(`${sig}.${other}`);
    refuse(`${sig}.${body}x`);
  });
});

describe.each(DIALECTS)('Facebook data deletion on %s', (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect, FACEBOOK_ENV);
    await server.buildSite();
  });
  afterAll(() => server?.stop());

  const post = (body: string) =>
    fetch(`${server.url}/auth/facebook/deletion`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });

  async function facebookAuthorWithComments(userId: string, count: number) {
    const db = server.parley.db;
    const identity = await upsertIdentity(
      db,
      {
        provider: 'facebook',
        providerUserId: userId,
        displayName: 'Ada Lovelace',
        username: null,
        avatarUrl: 'https://cdn.example/ada.jpg',
        profileUrl: null,
        email: 'ada@example.com',
      },
      'k'.repeat(32),
    );
    // Rows written directly: this test is about deletion, not about posting.
    const at = new Date().toISOString();
    const pageId = newId();
    await db
      .insertInto('pages')
      .values({
        id: pageId,
        site_id: 'blog',
        page_key: `https://blog.example/${userId}`,
        url: `https://blog.example/${userId}`,
        title: 'Post',
        created_at: at,
      })
      .execute();
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = newId();
      ids.push(id);
      await db
        .insertInto('comments')
        .values({
          id,
          site_id: 'blog',
          page_id: pageId,
          parent_id: null,
          root_id: id,
          depth: 1,
          body_source: `Comment ${i}`,
          body_html: `<p>Comment ${i}</p>`,
          author_name: 'Ada Lovelace',
          author_email: 'ada@example.com',
          author_url: 'https://ada.example',
          author_provider: 'facebook',
          ip: '203.0.113.7',
          user_agent: 'Ada’s browser',
          created_at: at,
          updated_at: at,
          identity_id: identity.id,
          author_avatar_url: 'https://cdn.example/ada.jpg',
        })
        .execute();
    }
    await db
      .insertInto('sessions')
      .values({
        id: `s-${userId}`,
        identity_id: identity.id,
        site_id: 'blog',
        refresh_hash: `hash-${userId}`,
        previous_refresh_hash: null,
        created_at: at,
        refreshed_at: at,
        expires_at: new Date(Date.now() + 86_400_000).toISOString(),
        revoked_at: null,
      })
      .execute();
    return { identity, ids };
  }

  it('anonymises the comments, deletes identity and sessions, and shows a status page', async () => {
    const { identity, ids } = await facebookAuthorWithComments('100000000000001', 2);
    const res = await post(
      new URLSearchParams({
        signed_request: signedRequest(payloadFor('100000000000001')),
      }).toString(),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { url: string; confirmation_code: string };
    expect(body.confirmation_code).toMatch(/^[\w-]{16}$/);
    expect(body.url).toBe(
      `https://comments.example/auth/facebook/deletion/${body.confirmation_code}`,
    );

    const db = server.parley.db;
    expect(await findIdentityByProvider(db, 'facebook', '100000000000001')).toBeUndefined();
    const sessions = await db
      .selectFrom('sessions')
      .select('id')
      .where('identity_id', '=', identity.id)
      .execute();
    expect(sessions).toEqual([]);
    const comments = await db
      .selectFrom('comments')
      .selectAll()
      .where('id', 'in', ids)
      .orderBy('body_source')
      .execute();
    expect(comments).toHaveLength(2);
    for (const [i, comment] of comments.entries()) {
      expect(comment).toMatchObject({
        // Nobody behind it: no name stored, the reader's language names it.
        author_name: '',
        author_url: null,
        author_email: null,
        author_avatar_url: null,
        identity_id: null,
        // Where they commented from goes with them, as for a reader's own deletion.
        ip: null,
        user_agent: null,
        body_source: `Comment ${i}`,
      });
    }

    const status = await fetch(`${server.url}/auth/facebook/deletion/${body.confirmation_code}`);
    expect(status.status).toBe(200);
    expect(status.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await status.text();
    const today = new Date().toLocaleDateString('en', { dateStyle: 'long', timeZone: 'UTC' });
    expect(html).toContain(`Your data was deleted on ${today}.`);
    expect(html).toContain('2 comments anonymised.');

    // In the reader's language, with its plural: Arabic says "two comments" in one word.
    const inArabic = await fetch(`${server.url}/auth/facebook/deletion/${body.confirmation_code}`, {
      headers: { 'accept-language': 'ar-EG,ar;q=0.9,en;q=0.5' },
    });
    const arabic = await inArabic.text();
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain('أُخفيت هوية تعليقين.');
  });

  it('answers a request for someone Parley never saw (nothing to delete)', async () => {
    const res = await post(`signed_request=${signedRequest(payloadFor('999'))}`);
    expect(res.status).toBe(200);
    const { confirmation_code } = (await res.json()) as { confirmation_code: string };
    const status = await fetch(`${server.url}/auth/facebook/deletion/${confirmation_code}`);
    expect(await status.text()).toContain('0 comments anonymised.');
  });

  it('refuses forged and expired signed requests with 400 and deletes nothing', async () => {
    await facebookAuthorWithComments('100000000000002', 1);
    for (const signed of [
      signedRequest(payloadFor('100000000000002'), 'not-the-app-secret'),
      signedRequest(payloadFor('100000000000002', now() - 2 * 3600)),
    ]) {
      const res = await post(new URLSearchParams({ signed_request: signed }).toString());
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'invalid_signed_request',
      );
    }
    const missing = await post('');
    expect(missing.status).toBe(400);
    expect(
      await findIdentityByProvider(server.parley.db, 'facebook', '100000000000002'),
    ).toBeDefined();
  });

  it('answers 404 for an unknown confirmation code', async () => {
    const res = await fetch(`${server.url}/auth/facebook/deletion/nope`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  });
});

describe('Facebook data deletion without Facebook configured', () => {
  it('answers 404', async () => {
    const server = await startTestServer('sqlite');
    try {
      const res = await fetch(`${server.url}/auth/facebook/deletion`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `signed_request=${signedRequest(payloadFor('1'))}`,
      });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'unknown_provider',
      );
    } finally {
      await server.stop();
    }
  });
});
