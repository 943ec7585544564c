/**
 * Publishes what the outbox holds: claims unpublished events (one claimant
 * per event across every instance), hands them to the log (which delivers
 * them to every instance's subscribers), runs the once-only handlers, then
 * marks them published. A relay that dies after claiming leaves its claim to
 * expire; another relay then publishes those events again (at least once:
 * subscribers must be idempotent).
 *
 * What this instance writes is written already claimed by its relay
 * (`ownClaim`, in the write's own transaction) and handed to it at the
 * commit: a guest POST no longer pays a claim statement (and its commit) of
 * its own, and its published mark is shared with the other events of the
 * same moment (MARK_DELAY_MS).
 * If the process dies before publishing them, their claim expires like any
 * other and another relay (or this one, restarted) publishes them. Their
 * lease runs from the INSERT: one that waited here long (RENEW_OWN_AFTER_MS)
 * has its claim renewed before it is published, and is dropped if another
 * relay took it over meanwhile (it published it).
 */
import type { Logger } from '../logger.ts';
import type { EventRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import { claimUnpublished, markPublished, renewClaims } from './event.repository.ts';
import type { ParleyEvent } from './event.types.ts';
import type { EventLog } from './memory-log.ts';

/** A claim older than this is taken over: its relay died (or hung past the handlers' timeout). */
export const CLAIM_LEASE_MS = 60_000;
/** Once-only handlers get this long per batch; it must stay under the lease. */
export const ONCE_HANDLER_TIMEOUT_MS = 30_000;
/**
 * An own event's lease runs from its INSERT, not from when this relay gets
 * to it: one that waited in memory (behind slow handlers, a backlog) longer
 * than this has its claim renewed before it is published, and is dropped if
 * the claim is no longer this relay's (another relay took it over once the
 * lease ran out, and published it). Younger ones keep enough of their lease
 * for the handlers' timeout and this margin (10 s) to publish and mark them:
 * the usual post pays no renewal statement.
 */
export const RENEW_OWN_AFTER_MS = CLAIM_LEASE_MS - ONCE_HANDLER_TIMEOUT_MS - 10_000;
const BATCH = 100;
/**
 * How long this relay's own published events may wait to be marked
 * published. A crash in that moment publishes them again after the lease,
 * as a crash while their handlers run always could (at least once).
 */
const MARK_DELAY_MS = 20;

export type OnceHandler = (event: ParleyEvent) => Promise<void>;

/** The event a row of the outbox holds, with the row's id. */
export function eventOfRow(row: EventRow): ParleyEvent {
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  return {
    ...payload,
    id: String(row.id),
    type: row.type,
    siteId: row.site_id,
    at: row.created_at,
  } as ParleyEvent;
}

export interface Relay {
  /** Publishes everything unpublished now; resolves when the outbox is drained. */
  flush(): Promise<void>;
  /**
   * The claim this relay's own events are written with (transaction.ts
   * OwnRelay): committed, they come straight to `publishOwn`.
   */
  readonly ownClaim: string;
  /**
   * Publishes committed events written claimed by `ownClaim`, without
   * claiming them from the store again. Several commits that arrive while a
   * batch is being published go out together, marked in one statement.
   */
  publishOwn(rows: readonly EventRow[]): Promise<void>;
}

export function createRelay(
  db: Db,
  log: EventLog,
  onceHandlers: ReadonlyMap<string, OnceHandler>,
  options: { instanceId: string; logger: Logger },
): Relay {
  let claims = 0;
  const ownClaim = `${options.instanceId}:own`;
  // Committed with ownClaim, not yet published. Lost with the process: the
  // claim then expires (CLAIM_LEASE_MS) and any relay's poll takes them.
  const own: EventRow[] = [];

  async function runOnceHandlers(events: readonly ParleyEvent[]): Promise<void> {
    const work = events.flatMap((event) =>
      [...onceHandlers].map(([name, handler]) =>
        handler(event).catch((err: unknown) =>
          options.logger.warn({ err, handler: name, event: event.id }, 'event handler failed'),
        ),
      ),
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        options.logger.warn({ events: events.length }, 'once-only event handlers timed out');
        resolve();
      }, ONCE_HANDLER_TIMEOUT_MS);
    });
    await Promise.race([Promise.all(work), timeout]);
    clearTimeout(timer);
  }

  /** Publishes claimed rows (oldest first), runs the once-only handlers, marks them published. */
  async function publish(rows: readonly EventRow[], by: string): Promise<void> {
    const events = rows.map(eventOfRow);
    await log.publish(events);
    await runOnceHandlers(events);
    await markPublished(
      db,
      rows.map((r) => r.id),
      by,
      new Date().toISOString(),
    );
  }

  // Own events published, not yet marked: marked together within
  // MARK_DELAY_MS (one statement and commit for all the posts of that
  // moment, not one each), and at once by flush() and stop().
  let unmarked: (number | string)[] = [];
  let markTimer: NodeJS.Timeout | null = null;
  let marking: Promise<void> = Promise.resolve();

  function markOwnNow(): Promise<void> {
    if (markTimer) clearTimeout(markTimer);
    markTimer = null;
    const ids = unmarked;
    unmarked = [];
    if (ids.length > 0) {
      marking = marking.then(() =>
        markPublished(db, ids, ownClaim, new Date().toISOString()).catch((err: unknown) =>
          // Still claimed: published again once the claim expires (at least once).
          options.logger.warn({ err, events: ids.length }, 'could not mark events published'),
        ),
      );
    }
    return marking;
  }

  /**
   * Of these own rows, those this relay still holds the claim on, the ones
   * that waited long enough to be near their lease's end renewed first.
   */
  async function stillClaimed(rows: readonly EventRow[]): Promise<EventRow[]> {
    const now = Date.now();
    const old = new Set(
      rows
        .filter((r) => r.claimed_at === null || Date.parse(r.claimed_at) < now - RENEW_OWN_AFTER_MS)
        .map((r) => String(r.id)),
    );
    if (old.size === 0) return [...rows];
    const renewed = new Set(await renewClaims(db, [...old], ownClaim, new Date(now).toISOString()));
    const kept = rows.filter((r) => !old.has(String(r.id)) || renewed.has(String(r.id)));
    if (kept.length < rows.length) {
      options.logger.info(
        { events: rows.length - kept.length },
        'own events taken over by another relay after their lease ran out: not published again',
      );
    }
    return kept;
  }

  /** One batch of this relay's own committed events; returns how many it took from the queue. */
  async function publishOwnBatch(): Promise<number> {
    const taken = own.splice(0, BATCH).sort((a, b) => Number(a.id) - Number(b.id));
    if (taken.length === 0) return 0;
    const rows = await stillClaimed(taken);
    if (rows.length === 0) return taken.length;
    const events = rows.map(eventOfRow);
    await log.publish(events);
    await runOnceHandlers(events);
    unmarked.push(...rows.map((r) => r.id));
    markTimer ??= setTimeout(() => void markOwnNow(), MARK_DELAY_MS).unref();
    return taken.length;
  }

  /** One batch claimed from the store; returns how many events it published. */
  async function publishBatch(): Promise<number> {
    const by = `${options.instanceId}:${++claims}`;
    const now = Date.now();
    const rows = await claimUnpublished(db, {
      by,
      at: new Date(now).toISOString(),
      staleBefore: new Date(now - CLAIM_LEASE_MS).toISOString(),
      limit: BATCH,
    });
    if (rows.length > 0) await publish(rows, by);
    return rows.length;
  }

  let running: Promise<void> | null = null;
  // What the running loop must still do: this relay's own events, or the store too.
  let wanted: 'own' | 'all' | null = null;

  function drain(scope: 'own' | 'all'): Promise<void> {
    wanted = wanted === 'all' || scope === 'all' ? 'all' : 'own';
    if (running) return running;
    running = (async () => {
      while (wanted) {
        const now = wanted;
        wanted = null;
        while ((await publishOwnBatch()) > 0);
        if (now === 'all') {
          await markOwnNow();
          while ((await publishBatch()) === BATCH);
        }
      }
    })()
      .catch((err: unknown) => options.logger.warn({ err }, 'could not publish events'))
      .finally(() => {
        running = null;
        // Asked for after the loop's last look (or while a batch failed): go again.
        // Own events left by a failure wait for the next commit or poll.
        if (wanted) void drain(wanted);
      });
    return running;
  }

  return {
    ownClaim,
    flush: () => drain('all'),
    publishOwn(rows) {
      own.push(...rows);
      return drain('own');
    },
  };
}
