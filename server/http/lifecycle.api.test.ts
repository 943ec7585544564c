/**
 * What a load balancer and an orchestrator see: /healthz and /readyz, and a
 * graceful stop (requests in flight finish, live streams end with a retry
 * hint, nothing new is accepted).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSse } from '../live/test/sse-client.ts';
import {
  FAKE_AKISMET_KEY,
  type FakeAkismet,
  startFakeAkismet,
} from '../moderation/test/fake-akismet.ts';
import { startTestServer, type TestServer } from '../test/test-server.ts';

const PAGE = 'https://blog.example/post';

describe('health and graceful shutdown', () => {
  let server: TestServer;
  let akismet: FakeAkismet;

  beforeAll(async () => {
    akismet = await startFakeAkismet();
    server = await startTestServer('sqlite', { AKISMET_URL: akismet.endpoint });
    await server.buildSite({ settings: { moderation: { akismetKey: FAKE_AKISMET_KEY } } });
  });
  afterAll(async () => {
    await server.stop();
    await akismet.close();
  });

  it('says it is alive and ready (store reachable, no Redis configured)', async () => {
    const alive = await fetch(`${server.url}/healthz`);
    expect(alive.status).toBe(200);
    expect(await alive.json()).toEqual({ ok: true });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, store: true, redis: null, draining: false });
  });

  it('on stop, finishes the request in flight, ends live streams with a retry hint, then refuses', async () => {
    const stream = await openSse(
      `${server.url}/api/v1/events?site=blog&page=${encodeURIComponent(PAGE)}`,
    );
    await expect.poll(() => stream.messages.map((m) => m.data.type)).toContain('ready');
    // Akismet takes 1.5 s: the post is still being checked when stop begins.
    akismet.mode = 'slow';
    akismet.slowMs = 1_500;
    const inFlight = fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        site: 'blog',
        page: PAGE,
        pageUrl: PAGE,
        pageTitle: 'A post',
        body: 'Posted as the server stops',
        author: { name: 'Late', email: 'late@example.com' },
      }),
    });
    await expect.poll(() => akismet.calls.length).toBeGreaterThan(0);
    const stopped = server.parley.stop();

    await stream.ended;
    expect(stream.raw()).toMatch(/retry: \d+\n\n$/);
    const answer = await inFlight;
    expect(answer.status).toBe(201);
    await stopped;
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
