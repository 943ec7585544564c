/**
 * The one place an import tells the rest of Parley that comments appeared
 * or moved: a `page.changed` event for each page a batch touched, recorded
 * in the batch's own transaction (the outbox, server/events/). Caches drop
 * those pages' threads and open widgets reload them, on every instance; an
 * import run by the CLI reaches running servers through their relay's poll.
 * One event per page, not per comment: a live view gains nothing from
 * hearing of 500 old comments one by one.
 */
import { recordEvent } from '../events/record.ts';
import type { Db } from '../store/db.ts';

export async function announceImportedPages(
  tx: Db,
  siteId: string,
  pageKeys: Iterable<string>,
): Promise<void> {
  for (const pageKey of new Set(pageKeys)) {
    await recordEvent(tx, { type: 'page.changed', siteId, pageKey });
  }
}
