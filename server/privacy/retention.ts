/**
 * IP addresses and user agents are kept only as long as they help against
 * spam: each site's `requestDataRetentionDays` (default 60), then erased
 * (issue 12; WordPress leaves this to plugins). The job is idempotent, so
 * every instance may run it; it does nothing where nothing is due.
 */
import { recordEvent } from '../events/record.ts';
import { writeTransaction } from '../events/transaction.ts';
import type { Logger } from '../logger.ts';
import { listSites } from '../sites/site.repository.ts';
import type { Db } from '../store/db.ts';
import { deleteGuestTokensExpiredBefore } from './guest-link.repository.ts';
import { eraseRequestDataBefore, listPagesWithRequestDataBefore } from './retention.repository.ts';

const DAY_MS = 24 * 3600_000;
/** How often the job looks: hourly is well inside a retention counted in days. */
export const RETENTION_INTERVAL_MS = 3600_000;

/** Erases what is due on every site; returns how many comments lost their IP and user agent. */
export async function eraseExpiredRequestData(db: Db, now = Date.now()): Promise<number> {
  let erased = 0;
  // Guests' data links and page sessions are dead an hour after they are made.
  await deleteGuestTokensExpiredBefore(db, new Date(now - DAY_MS).toISOString());
  for (const site of await listSites(db)) {
    const cutoff = new Date(now - site.settings.requestDataRetentionDays * DAY_MS).toISOString();
    erased += await writeTransaction(db, async (tx) => {
      // Readers never see an IP, but moderators' views and any cache of a
      // page must not keep one past its time: the erasure is announced like
      // every other write (issue 10), once per page, in its transaction.
      const pages = await listPagesWithRequestDataBefore(tx, site.id, cutoff);
      if (pages.length === 0) return 0;
      for (const page of pages) {
        await recordEvent(tx, { type: 'page.changed', siteId: site.id, pageKey: page.page_key });
      }
      return eraseRequestDataBefore(tx, site.id, cutoff);
    });
  }
  return erased;
}

/** Runs the job now and then every `intervalMs`; its stop function waits for a run in progress. */
export function startRetentionJob(
  db: Db,
  logger: Pick<Logger, 'info' | 'warn'>,
  intervalMs = RETENTION_INTERVAL_MS,
): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = eraseExpiredRequestData(db)
      .then((erased) => {
        if (erased > 0)
          logger.info({ erased }, 'erased IP addresses and user agents past retention');
      })
      .catch((err: unknown) => logger.warn({ err }, 'retention job failed'));
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    return running;
  };
}
