import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantSiteRole } from '../admin/admin.service.ts';
import { createApp, type ParleyApp } from '../app.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../notifications/smtp-test-server.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

const PAGE = 'https://blog.example/post';

describe.each(DIALECTS)('two instances on one %s store', (dialect) => {
  let a: TestServer;
  let b: ParleyApp;
  let bUrl: string;
  let smtp: TestSmtpServer;
  let n = 0;

  const post = async (baseUrl: string) => {
    const res = await fetch(`${baseUrl}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        site: 'blog',
        page: PAGE,
        pageUrl: PAGE,
        pageTitle: 'A post',
        body: `Held comment ${n++}`,
        author: { name: 'Reader', email: 'reader@example.com' },
      }),
    });
    expect(res.status).toBe(201);
    return (await res.json()).comment as { id: string; status?: string };
  };

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    a = await startTestServer(dialect, { SMTP_URL: smtp.url });
    await a.buildSite({ settings: { moderation: { mode: 'all' } } });
    await grantSiteRole(a.parley.db, {
      email: 'mod@blog.example',
      password: 'a long enough password',
      siteId: 'blog',
      role: 'moderator',
    });
    // The second instance: the same configuration, its own process state.
    b = createApp(a.parley.config);
    bUrl = (await b.start()).url;
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
    await smtp.close();
  });

  it('emails the moderators of a held comment once, whichever instance took it', async () => {
    const onA = await post(a.url);
    const onB = await post(bUrl);
    expect([onA.status, onB.status]).toEqual(['pending', 'pending']);
    await expect.poll(() => smtp.received.length).toBe(2);
    // Both relays look at the outbox again: nothing is left for either to send.
    await Promise.all([a.parley.events.flush(), b.events.flush()]);
    const unpublished = await a.parley.db
      .selectFrom('events')
      .select('id')
      .where('published_at', 'is', null)
      .execute();
    expect(unpublished).toEqual([]);
    expect(smtp.received.map((m) => m.rcptTo)).toEqual([
      ['mod@blog.example'],
      ['mod@blog.example'],
    ]);
    expect(smtp.received.map((m) => m.raw.includes(onA.id))).toContain(true);
    expect(smtp.received.map((m) => m.raw.includes(onB.id))).toContain(true);
  });
});
