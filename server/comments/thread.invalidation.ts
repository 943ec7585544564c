/**
 * What keeps the thread cache fresh: the one event stream (server/events/).
 * Every change to what readers see records an event in its transaction
 * (post, edit, delete, approve, spam, trash, ban, settings, imports, a
 * reader's data deletion); each event drops the cached pages (and counts)
 * it makes stale. With REDIS_URL every instance sees every event, writes
 * made by the CLI included (the relay publishes what it wrote), so every
 * instance drops its copy.
 */
import type { NewEvent, ParleyEvent } from '../events/event.types.ts';
import type { Events } from '../events/events.ts';
import { onCommit } from '../events/transaction.ts';
import type { Db } from '../store/db.ts';
import type { ThreadCache } from './thread.cache.ts';

/** Drops what `event` makes stale: its page, or the whole site for a site-wide change. */
export function invalidateFor(cache: ThreadCache, event: ParleyEvent | NewEvent): void {
  cache.invalidate(event.siteId, 'pageKey' in event ? event.pageKey : null);
}

/**
 * Subscribes `cache` to the event stream; returns an unsubscribe.
 *
 * Also drops entries synchronously when a write of this instance commits,
 * for read-your-writes: the stream delivers an event only after the relay
 * has claimed it from the outbox (another round trip to the store, done
 * after the commit), so without this a reader (or moderator) who writes and
 * then reads at once could be served the page cached before their write.
 * The event still arrives afterwards and drops the page again (idempotent,
 * and it marks any build that read the store before the commit as stale).
 * Other instances get only the event, within the relay's latency.
 */
export function invalidateOnChange(db: Db, events: Pick<Events, 'subscribe'>, cache: ThreadCache) {
  const unsubscribe = events.subscribe((event) => invalidateFor(cache, event));
  const stopLocal = onCommit(db, (recorded) => {
    for (const event of recorded) invalidateFor(cache, event);
  });
  return () => {
    unsubscribe();
    stopLocal();
  };
}
