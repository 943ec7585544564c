/**
 * Behind a reverse proxy, the client's address comes from X-Forwarded-For,
 * which the client itself can also write. A proxy appends the address it saw,
 * so only the right-most entries (as many as there are trusted proxies) are
 * true; a left-most entry chosen by the client must never become its IP, or
 * every per-IP limit is one header away from useless.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/test-server.ts';

const PAGE = 'https://blog.example/post';
/** What the proxy saw: the attacker's real address, appended after whatever they sent. */
const REAL_CLIENT = '198.51.100.7';
let spoofCounter = 0;
/** A fresh forged left-most address per request, the way an attacker walks past a limit. */
const spoofedChain = () => `203.0.113.${++spoofCounter % 250}, ${REAL_CLIENT}`;

// Each trusted-proxy form Express documents: a hop count, an address range, a list.
const SETTINGS = ['1', '127.0.0.1/8', '10.0.0.0/8, 127.0.0.1, ::1'];

describe.each(SETTINGS)('TRUST_PROXY=%s', (trustProxy) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', {
      TRUST_PROXY: trustProxy,
      COMMENT_RATE_LIMIT: '2',
      AUTH_RATE_LIMIT: '3',
      TWITTER_CONSUMER_KEY: 'tw-key',
      TWITTER_CONSUMER_SECRET: 'tw-secret',
    });
    await server.buildSite();
  });
  afterAll(() => server.stop());

  it('a forged X-Forwarded-For does not walk past the comment flood limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${server.url}/api/v1/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': spoofedChain() },
        body: JSON.stringify({
          site: 'blog',
          page: PAGE,
          pageUrl: PAGE,
          body: `Flood ${i}`,
          // A new author each time: only the IP ties these posts together.
          author: { name: 'Flooder', email: `flood${i}@example.com` },
        }),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 429, 429]);
    const stored = await server.parley.db.selectFrom('comments').select('ip').execute();
    expect(stored.map((r) => r.ip)).toEqual([REAL_CLIENT, REAL_CLIENT]);
  });

  it('a forged X-Forwarded-For does not walk past the sign-in ticket limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.url}/api/v1/auth/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': spoofedChain() },
        body: JSON.stringify({ site: 'blog', provider: 'twitter', challenge: 'a'.repeat(43) }),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
  });

  it('a forged X-Forwarded-For does not walk past the dashboard login limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.url}/admin/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': spoofedChain() },
        body: JSON.stringify({ email: 'owner@blog.example', password: `guess-number-${i}` }),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('a client that sends no header is still limited by its own address', async () => {
    // Every request above came through "the proxy" at 127.0.0.1 for REAL_CLIENT;
    // a direct request is a different client with a budget of its own.
    const res = await fetch(`${server.url}/admin/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@blog.example', password: 'another-guess-1' }),
    });
    expect(res.status).toBe(401);
  });
});

describe('TRUST_PROXY unset', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { COMMENT_RATE_LIMIT: '2' });
    await server.buildSite();
  });
  afterAll(() => server.stop());

  it('ignores X-Forwarded-For altogether: the socket address is the client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${server.url}/api/v1/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': spoofedChain() },
        body: JSON.stringify({
          site: 'blog',
          page: PAGE,
          pageUrl: PAGE,
          body: `Direct ${i}`,
          author: { name: 'Direct', email: `direct${i}@example.com` },
        }),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 429]);
    const stored = await server.parley.db.selectFrom('comments').select('ip').execute();
    expect(stored.map((r) => r.ip)).toEqual(['127.0.0.1', '127.0.0.1']);
  });
});
