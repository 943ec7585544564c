import { ControlledTransaction } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { moderate } from '../admin/queue.service.ts';
import { banCommentAuthor } from '../admin/site-settings.service.ts';
import { runCli } from '../cli/program.ts';
import { createLogger } from '../logger.ts';
import { buildComment } from '../test/factories.ts';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';
import { claimUnpublished, deletePublishedBefore } from './event.repository.ts';
import { type CommentEvent, isCommentEvent, type ParleyEvent } from './event.types.ts';
import { createEvents, type Events } from './events.ts';
import { createMemoryLog } from './memory-log.ts';
import { recordEvent } from './record.ts';
import { CLAIM_LEASE_MS, createRelay, type OnceHandler, RENEW_OWN_AFTER_MS } from './relay.ts';
import { publishOwnEvents, writeTransaction } from './transaction.ts';

const PAGE = 'https://blog.example/post';
const quiet = createLogger({ logLevel: 'silent' });

describe.each(DIALECTS)('the event stream on %s', (dialect) => {
  let server: TestServer;
  let seen: ParleyEvent[] = [];
  let n = 0;
  const extra: Events[] = [];

  const post = async (body: Record<string, unknown> = {}) => {
    const res = await fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        site: 'blog',
        page: PAGE,
        pageUrl: PAGE,
        pageTitle: 'A post',
        body: `Comment number ${n++}`,
        author: { name: 'Reader', email: 'reader@example.com' },
        ...body,
      }),
    });
    expect(res.status).toBe(201);
    return { comment: (await res.json()).comment, cookie: res.headers.get('set-cookie') ?? '' };
  };
  const commentEvents = () => seen.filter((e): e is CommentEvent => e.type.startsWith('comment.'));
  const outbox = () => server.parley.db.selectFrom('events').selectAll().orderBy('id').execute();
  /** Another Events on the same store, as a second instance (or a restarted one) would have. */
  const anotherInstance = async (instanceId: string) => {
    // Its own Db object: the server's commits don't wake it, as with another process.
    const events = createEvents(server.parley.db.withoutPlugins(), {
      logger: quiet,
      pollMs: 60_000,
      retentionHours: 24,
      instanceId,
    });
    extra.push(events);
    return events;
  };

  /**
   * Records a page.changed that a relay claimed at `at` and never published
   * (in one transaction, so the server's own relay can't take it first).
   */
  const claimedByDeadRelay = (pageKey: string, at: string) =>
    writeTransaction(server.parley.db.withoutPlugins(), async (tx) => {
      await recordEvent(tx, { type: 'page.changed', siteId: 'blog', pageKey });
      const claimed = await claimUnpublished(tx, {
        by: 'dead-relay',
        at,
        staleBefore: new Date(0).toISOString(),
        limit: 100,
      });
      expect(claimed.map((r) => r.page_key)).toEqual([pageKey]);
    });

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.buildSite();
    server.parley.events.subscribe((event) => seen.push(event));
  });
  afterAll(async () => {
    for (const events of extra) await events.stop();
    await server.stop();
  });
  beforeEach(() => {
    seen = [];
  });

  it('announces a posted comment once, after the commit, in the public shape (no email)', async () => {
    const { comment } = await post({ author: { name: 'Ann', email: 'ann@example.com' } });
    await expect.poll(() => commentEvents().length).toBe(1);
    const [event] = commentEvents();
    expect(event).toMatchObject({
      type: 'comment.created',
      siteId: 'blog',
      pageKey: PAGE,
      page: { url: PAGE, title: 'A post' },
      comment: { id: comment.id, status: 'approved', previousStatus: null },
    });
    expect(event?.comment.public).toMatchObject({ id: comment.id, html: comment.html });
    expect(JSON.stringify(event)).not.toContain('ann@example.com');
    expect(event?.comment.public).not.toHaveProperty('source');
    // Marked published once its handlers ran (a moment after subscribers had it).
    await server.parley.events.flush();
    const rows = await outbox();
    expect(rows.at(-1)?.published_at).not.toBeNull();
  });

  it('announces an edit and a deletion by the author', async () => {
    const { comment, cookie } = await post();
    const edit = await fetch(`${server.url}/api/v1/comments/${comment.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ body: 'Edited text' }),
    });
    expect(edit.status).toBe(200);
    const del = await fetch(`${server.url}/api/v1/comments/${comment.id}`, {
      method: 'DELETE',
      headers: { cookie },
    });
    expect(del.status).toBe(204);
    await expect
      .poll(() => commentEvents().map((e) => e.type))
      .toEqual(['comment.created', 'comment.edited', 'comment.deleted']);
    const [, edited, deleted] = commentEvents();
    expect(edited?.comment.public?.html).toContain('Edited text');
    expect(deleted?.comment).toMatchObject({ id: comment.id, public: null });
  });

  it('announces moderators’ decisions and bans, one event per comment that changed', async () => {
    const a = await buildComment(server.parley.db, { site: 'blog', status: 'pending' });
    const b = await buildComment(server.parley.db, { site: 'blog', status: 'approved' });
    await moderate(server.parley.db, 'blog', [a, b], 'approve');
    await expect.poll(() => commentEvents().length).toBe(1);
    expect(commentEvents()[0]?.comment).toMatchObject({
      id: a,
      status: 'approved',
      previousStatus: 'pending',
    });
    await banCommentAuthor(server.parley.db, 'blog', b);
    await expect
      .poll(() => commentEvents().map((e) => [e.type, e.comment.id, e.comment.status]))
      .toContainEqual(['comment.status-changed', b, 'spam']);
  });

  it('records an event only with the change: a failed write leaves none, and outside a transaction it refuses', async () => {
    const before = (await outbox()).length;
    await expect(
      writeTransaction(server.parley.db, async (tx) => {
        await recordEvent(tx, { type: 'site.changed', siteId: 'blog' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await outbox()).length).toBe(before);
    await expect(
      recordEvent(server.parley.db, { type: 'site.changed', siteId: 'blog' }),
    ).rejects.toThrow(/inside the transaction/);
  });

  it('writes this instance’s events already claimed by its relay, in the write’s own transaction', async () => {
    const claimedInside = await writeTransaction(server.parley.db, async (tx) => {
      await recordEvent(tx, { type: 'page.changed', siteId: 'blog', pageKey: 'claimed-inside' });
      const row = await tx
        .selectFrom('events')
        .selectAll()
        .where('page_key', '=', 'claimed-inside')
        .executeTakeFirstOrThrow();
      return row.claimed_by;
    });
    expect(claimedInside).toMatch(/:own$/);
    await expect
      .poll(() => seen.map((e) => ('pageKey' in e ? e.pageKey : null)))
      .toContain('claimed-inside');
    await server.parley.events.flush();
    const row = (await outbox()).find((r) => r.page_key === 'claimed-inside');
    expect(row?.published_at).not.toBeNull();
  });

  it('loses nothing when an instance dies between its commit and publishing: its claim expires, another relay publishes', async () => {
    // A second instance's Db whose relay dies right after the commit (publishes nothing).
    const dying = server.parley.db.withoutPlugins();
    const undo = publishOwnEvents(dying, { claimant: 'dead-instance:own', committed: () => {} });
    await writeTransaction(dying, (tx) =>
      recordEvent(tx, { type: 'page.changed', siteId: 'blog', pageKey: 'died-after-commit' }),
    );
    undo();
    const keys = () => seen.flatMap((e) => ('pageKey' in e ? [e.pageKey] : []));
    // While its claim holds, no other relay takes it (once, not twice).
    await server.parley.events.flush();
    expect(keys()).not.toContain('died-after-commit');
    // Its lease runs out.
    await server.parley.db
      .updateTable('events')
      .set({ claimed_at: new Date(Date.now() - CLAIM_LEASE_MS - 1000).toISOString() })
      .where('page_key', '=', 'died-after-commit')
      .execute();
    await server.parley.events.flush();
    expect(keys().filter((k) => k === 'died-after-commit')).toEqual(['died-after-commit']);
    const row = (await outbox()).find((r) => r.page_key === 'died-after-commit');
    expect(row?.published_at).not.toBeNull();
  });

  it('publishes an own event once when it waited in its relay’s queue past its lease (another relay took it over)', async () => {
    // Instance one: its own Db and relay, whose once-only handler (SMTP) hangs on one event.
    const dbOne = server.parley.db.withoutPlugins();
    const ran: string[] = [];
    let smtpBack!: () => void;
    const smtpHangs = new Promise<void>((resolve) => {
      smtpBack = resolve;
    });
    const emailer =
      (instance: string): OnceHandler =>
      async (event) => {
        if (!('pageKey' in event)) return;
        ran.push(`${instance}:${event.pageKey}`);
        if (event.pageKey === 'smtp-hangs') await smtpHangs;
      };
    const relayOne = createRelay(
      dbOne,
      createMemoryLog({ capacity: 100 }),
      new Map([['email', emailer('one')]]),
      { instanceId: 'one', logger: quiet },
    );
    // Instance two: another relay on the same store.
    const relayTwo = createRelay(
      server.parley.db.withoutPlugins(),
      createMemoryLog({ capacity: 100 }),
      new Map([['email', emailer('two')]]),
      { instanceId: 'two', logger: quiet },
    );
    const undo = publishOwnEvents(dbOne, {
      claimant: relayOne.ownClaim,
      committed: (rows) => void relayOne.publishOwn(rows),
    });
    /** An own event of instance one, written (and claimed) `ago` ms ago. */
    const writtenAgo = async (pageKey: string, ago: number) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() - ago);
      try {
        await writeTransaction(dbOne, (tx) =>
          recordEvent(tx, { type: 'page.changed', siteId: 'blog', pageKey }),
        );
      } finally {
        vi.useRealTimers();
      }
    };
    const startedAt = new Date().toISOString();
    try {
      // Relay one is busy: the handler of its first event hangs.
      await writeTransaction(dbOne, (tx) =>
        recordEvent(tx, { type: 'page.changed', siteId: 'blog', pageKey: 'smtp-hangs' }),
      );
      await expect.poll(() => ran).toEqual(['one:smtp-hangs']);
      // Meanwhile two more commits wait in its queue; by the time it gets to
      // them, one's lease has run out and the other's is near its end.
      await writtenAgo('lease-ran-out', CLAIM_LEASE_MS + 1000);
      await writtenAgo('lease-nearly-out', RENEW_OWN_AFTER_MS + 5000);
      // Instance two's poll (or the server's own) takes over the stale claim, and publishes it.
      await relayTwo.flush();
      // SMTP comes back: relay one goes on with its queue.
      smtpBack();
      await relayOne.flush();
      await server.parley.events.flush();
    } finally {
      undo();
    }
    const publishedBy = (pageKey: string) => [
      ...ran.filter((r) => r.endsWith(`:${pageKey}`)).map((r) => r.split(':')[0]),
      ...seen.filter((e) => 'pageKey' in e && e.pageKey === pageKey).map(() => 'server'),
    ];
    // Once, and not by relay one (its claim was gone).
    expect(publishedBy('lease-ran-out')).toHaveLength(1);
    expect(publishedBy('lease-ran-out')).not.toContain('one');
    // Still relay one's: renewed, so nobody took it; published once, by relay one.
    expect(publishedBy('lease-nearly-out')).toEqual(['one']);
    const rows = await outbox();
    const row = (pageKey: string) => rows.find((r) => r.page_key === pageKey);
    expect(row('lease-ran-out')?.claimed_by).not.toBe(relayOne.ownClaim);
    expect(row('lease-ran-out')?.published_at).not.toBeNull();
    expect(row('lease-nearly-out')).toMatchObject({ claimed_by: relayOne.ownClaim });
    expect(row('lease-nearly-out')?.claimed_at?.localeCompare(startedAt)).toBeGreaterThan(-1);
    await expect
      .poll(
        async () => (await outbox()).find((r) => r.page_key === 'lease-nearly-out')?.published_at,
      )
      .not.toBeNull();
  });

  it('publishes each of many concurrent posts once, and marks them all', async () => {
    const before = (await outbox()).length;
    const posted = await Promise.all(Array.from({ length: 20 }, () => post()));
    await expect.poll(() => commentEvents().length).toBe(20);
    await server.parley.events.flush();
    const ids = commentEvents().map((e) => e.comment.id);
    expect(new Set(ids)).toEqual(new Set(posted.map((p) => p.comment.id)));
    const rows = (await outbox()).slice(before);
    expect(rows).toHaveLength(20);
    expect(rows.filter((r) => r.published_at === null)).toEqual([]);
  });

  it('commits concurrent writes each on its own: one that fails loses none of the others', async () => {
    const before = (await outbox()).length;
    const keys = Array.from({ length: 8 }, (_, i) => `group-${i}`);
    const inGroup: boolean[] = [];
    const results = await Promise.allSettled(
      keys.map((pageKey, i) =>
        writeTransaction(server.parley.db, async (tx) => {
          // On SQLite, writes of one turn of the event loop share a commit, each in a savepoint.
          inGroup[i] = tx instanceof ControlledTransaction;
          await recordEvent(tx, { type: 'page.changed', siteId: 'blog', pageKey });
          if (i === 3) throw new Error('write 3 failed');
          return pageKey;
        }),
      ),
    );
    if (dialect === 'sqlite') expect(inGroup).toEqual(Array(8).fill(true));
    const written = keys.filter((_, i) => i !== 3);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)))).toEqual(
      keys.map((k, i) => (i === 3 ? 'Error: write 3 failed' : k)),
    );
    // The failed write's event went with it; every other one is stored, and announced once.
    const rows = (await outbox()).slice(before);
    // (PostgreSQL runs them side by side: in any order.)
    expect(rows.map((r) => r.page_key).sort()).toEqual(written);
    const announced = () =>
      seen.flatMap((e) => ('pageKey' in e && e.pageKey?.startsWith('group-') ? [e.pageKey] : []));
    await expect.poll(() => announced().length).toBe(written.length);
    expect(announced().sort()).toEqual(written);
    await server.parley.events.flush();
    expect((await outbox()).slice(before).filter((r) => r.published_at === null)).toEqual([]);
    // A write alone runs in a plain transaction, as it did before writes were grouped.
    const alone = await writeTransaction(
      server.parley.db,
      async (tx) => tx instanceof ControlledTransaction,
    );
    expect(alone).toBe(false);
  });

  it('delivers an event whose relay died after the commit (a live relay takes it over)', async () => {
    // Committed, and claimed by a relay that died before publishing it.
    await claimedByDeadRelay('orphan', new Date(Date.now() - 5 * 60_000).toISOString());
    await server.parley.events.flush();
    expect(seen).toContainEqual(
      expect.objectContaining({ type: 'page.changed', pageKey: 'orphan' }),
    );
    const row = (await outbox()).find((r) => r.page_key === 'orphan');
    expect(row?.published_at).not.toBeNull();
  });

  it('publishes what the CLI writes to a running server', async () => {
    const { database } = server.parley.config;
    const env =
      database.kind === 'postgres'
        ? { DATABASE_URL: database.url }
        : { SQLITE_PATH: database.path };
    const code = await runCli(
      ['sites', 'add', 'blog', '--origin', 'https://blog.example', '--name', 'Renamed'],
      { env, stdout: () => {}, stderr: () => {} },
    );
    expect(code).toBe(0);
    // Picked up by the server's poll (EVENT_POLL_MS), not by a wake-up.
    await expect.poll(() => seen.map((e) => e.type), { timeout: 5000 }).toContain('site.changed');
  });

  it('resumes after an event id, across a restart too; an id it no longer holds asks for a reload', async () => {
    const first = await post();
    await expect.poll(() => commentEvents().length).toBe(1);
    const resumeFrom = commentEvents()[0]?.id as string;
    const second = await post();
    const third = await post();
    await expect.poll(() => commentEvents().length).toBe(3);

    const missed = await server.parley.events.since(resumeFrom);
    expect(missed?.filter(isCommentEvent).map((e) => e.comment)).toEqual([
      expect.objectContaining({ id: second.comment.id }),
      expect.objectContaining({ id: third.comment.id }),
    ]);
    expect(first.comment.id).not.toBe(second.comment.id);

    // A restarted instance holds the same history (from the outbox, once marked published).
    await server.parley.events.flush();
    const restarted = await anotherInstance('restarted');
    await restarted.start();
    expect((await restarted.since(resumeFrom))?.map((e) => e.id)).toEqual(missed?.map((e) => e.id));
    expect(await restarted.since('no-such-event')).toBeNull();
    await restarted.stop();
  });

  it('forgets published events past retention, never unpublished ones', async () => {
    await claimedByDeadRelay('unpublished', new Date().toISOString());
    const oneHourAhead = new Date(Date.now() + 3_600_000).toISOString();
    const forgotten = await deletePublishedBefore(server.parley.db, oneHourAhead);
    expect(forgotten).toBeGreaterThan(0);
    expect((await outbox()).map((r) => r.page_key)).toEqual(['unpublished']);
  });
});
