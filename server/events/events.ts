/**
 * The one place where changes are announced (issue 10). Writes record
 * events in their transaction (`recordEvent`, `recordCommentEvent`, inside
 * `writeTransaction`); this module publishes them after the commit and lets
 * the rest of the server listen. See docs/architecture.md, "Events".
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../logger.ts';
import type { Db } from '../store/db.ts';
import { deletePublishedBefore, listRecentlyPublished } from './event.repository.ts';
import type { ParleyEvent } from './event.types.ts';
import { createMemoryLog, type EventLog } from './memory-log.ts';
import { createRelay, eventOfRow, type OnceHandler } from './relay.ts';
import { publishOwnEvents } from './transaction.ts';

export type EventHandler = (event: ParleyEvent) => void;

export interface Events {
  /**
   * Calls `handler` on this instance for every event published by any
   * instance (or by the CLI), in publication order: cache invalidation,
   * live views. Synchronous and quick; an event may come twice (after a
   * relay crash), so handlers must be idempotent. Returns an unsubscribe.
   */
  subscribe(handler: EventHandler): () => void;
  /**
   * Registers a side effect that must happen once however many instances
   * run (a moderator email): only the instance that publishes an event runs
   * it. Register before start().
   */
  handleOnce(name: string, handler: OnceHandler): void;
  /**
   * Events published after `lastId` (a previous event's id), oldest first;
   * null when the log no longer holds `lastId`, or more than `max` events
   * came after it: the reader must reload.
   */
  since(lastId: string, max?: number): Promise<ParleyEvent[] | null>;
  /** The newest published event's id (null when none is kept). */
  lastId(): Promise<string | null>;
  /**
   * The id of the newest event this instance has handed to its subscribers
   * (null before start, or while the log is empty). What this instance's
   * caches hold reflects every event up to it; an event newer in a shared
   * log may not have reached this instance yet. A view read after this id
   * resumes from it (the iframe page's liveFrom).
   */
  deliveredId(): string | null;
  /** Publishes whatever the outbox holds now; resolves when that is done. */
  flush(): Promise<void>;
  start(): Promise<void>;
  /** Publishes what is pending, then stops polling. */
  stop(): Promise<void>;
}

export interface EventsOptions {
  logger: Logger;
  /** How often to look for events written elsewhere (the CLI, a relay that died). */
  pollMs: number;
  /** How long published events are kept, in the outbox and for resuming. */
  retentionHours: number;
  /** Where published events go; default an in-process log (one instance). */
  log?: EventLog;
  /** Names this instance's claims; default host, pid and a random tag. */
  instanceId?: string;
}

/**
 * A reader further behind than this many events (every site's) gets a reset
 * and reloads its thread (one cached read) instead of a replay. Reading the
 * whole log (10,000 events) back from Redis cost ~170 ms of CPU per
 * connection, and a kept id (good for an hour) made every reconnection ask
 * for that: a cheap way to keep the server busy.
 */
export const MAX_REPLAY_EVENTS = 500;
/**
 * Events kept in memory for resuming (when REDIS_URL is unset): twice what a
 * resume may replay (MAX_REPLAY_EVENTS); one further behind gets a reset
 * however long the log. It was 10,000, each with its comment: megabytes
 * that no reader could use since the cap (memory, issue 10).
 */
export const MEMORY_LOG_CAPACITY = 2 * MAX_REPLAY_EVENTS;
const RETENTION_SWEEP_MS = 10 * 60_000;

export function createEvents(db: Db, options: EventsOptions): Events {
  const { logger } = options;
  const instanceId =
    options.instanceId ??
    `${hostname().slice(0, 32)}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const subscribers = new Set<EventHandler>();
  const onceHandlers = new Map<string, OnceHandler>();
  let log: EventLog | undefined = options.log;
  let relay: ReturnType<typeof createRelay> | undefined;
  const timers: NodeJS.Timeout[] = [];
  let stopCommitListener = () => {};
  let delivered: string | null = null;

  function deliver(event: ParleyEvent): void {
    delivered = event.id;
    for (const handler of subscribers) {
      try {
        handler(event);
      } catch (err) {
        logger.warn({ err, event: event.id }, 'event subscriber failed');
      }
    }
  }

  const retentionCutoff = () =>
    new Date(Date.now() - options.retentionHours * 3_600_000).toISOString();

  async function sweep(): Promise<void> {
    try {
      const deleted = await deletePublishedBefore(db, retentionCutoff());
      if (deleted > 0) logger.debug({ deleted }, 'old events forgotten');
    } catch (err) {
      logger.warn({ err }, 'could not forget old events');
    }
  }

  const started = () => {
    if (!log || !relay) throw new Error('events not started');
    return { log, relay };
  };

  return {
    subscribe(handler) {
      subscribers.add(handler);
      return () => subscribers.delete(handler);
    },
    handleOnce(name, handler) {
      onceHandlers.set(name, handler);
    },
    since: (lastId, max) => started().log.since(lastId, max),
    lastId: () => started().log.lastId(),
    deliveredId: () => delivered,
    flush: () => started().relay.flush(),
    async start() {
      if (!log) {
        // One instance: resume across a restart from what the outbox still holds.
        const seed = await listRecentlyPublished(db, retentionCutoff(), MEMORY_LOG_CAPACITY);
        log = createMemoryLog({ capacity: MEMORY_LOG_CAPACITY, seed: seed.map(eventOfRow) });
      }
      // Nothing was cached before this: the log's head is where this instance starts.
      delivered = await log.lastId();
      await log.start(deliver);
      relay = createRelay(db, log, onceHandlers, { instanceId, logger });
      const r = relay;
      // What this instance writes is written claimed by its relay and handed
      // to it at the commit; the poll finds everything else.
      stopCommitListener = publishOwnEvents(db, {
        claimant: r.ownClaim,
        committed: (rows) => void r.publishOwn(rows),
      });
      timers.push(setInterval(() => void r.flush(), options.pollMs));
      timers.push(setInterval(() => void sweep(), RETENTION_SWEEP_MS));
      for (const t of timers) t.unref();
      await sweep();
      await r.flush();
    },
    async stop() {
      stopCommitListener();
      for (const t of timers.splice(0)) clearInterval(t);
      if (relay) await relay.flush();
      await log?.stop();
    },
  };
}
