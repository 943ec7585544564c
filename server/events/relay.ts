/**
 * Publishes what the outbox holds: claims unpublished events (one claimant
 * per event across every instance), hands them to the log (which delivers
 * them to every instance's subscribers), runs the once-only handlers, then
 * marks them published. A relay that dies after claiming leaves its claim to
 * expire; another relay then publishes those events again (at least once:
 * subscribers must be idempotent).
 */
import type { Logger } from '../logger.ts';
import type { EventRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import { claimUnpublished, markPublished } from './event.repository.ts';
import type { ParleyEvent } from './event.types.ts';
import type { EventLog } from './memory-log.ts';

/** A claim older than this is taken over: its relay died (or hung past the handlers' timeout). */
export const CLAIM_LEASE_MS = 60_000;
/** Once-only handlers get this long per batch; it must stay under the lease. */
export const ONCE_HANDLER_TIMEOUT_MS = 30_000;
const BATCH = 100;

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
}

export function createRelay(
  db: Db,
  log: EventLog,
  onceHandlers: ReadonlyMap<string, OnceHandler>,
  options: { instanceId: string; logger: Logger },
): Relay {
  let claims = 0;

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

  /** One batch; returns how many events it published. */
  async function publishBatch(): Promise<number> {
    const by = `${options.instanceId}:${++claims}`;
    const now = Date.now();
    const rows = await claimUnpublished(db, {
      by,
      at: new Date(now).toISOString(),
      staleBefore: new Date(now - CLAIM_LEASE_MS).toISOString(),
      limit: BATCH,
    });
    if (rows.length === 0) return 0;
    const events = rows.map(eventOfRow);
    await log.publish(events);
    await runOnceHandlers(events);
    await markPublished(
      db,
      rows.map((r) => r.id),
      by,
      new Date().toISOString(),
    );
    return rows.length;
  }

  let running: Promise<void> | null = null;
  let again = false;

  return {
    flush() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          while ((await publishBatch()) === BATCH);
        } while (again);
      })()
        .catch((err: unknown) => options.logger.warn({ err }, 'could not publish events'))
        .finally(() => {
          running = null;
        });
      return running;
    },
  };
}
