/**
 * The published events of one instance, in publication order, kept for
 * resuming (`Last-Event-ID`) for a while: the log when REDIS_URL is unset.
 */
import type { ParleyEvent } from './event.types.ts';

/** The position before the first event ever published. */
export const BEGINNING = '0';

export interface EventLog {
  /** Appends published events and hands each to `deliver` (this instance's subscribers). */
  publish(events: readonly ParleyEvent[]): Promise<void>;
  /**
   * The events published after the one with `lastId`, oldest first; null when
   * `lastId` is not (or no longer) in the log, or when more than `max` came
   * after it: the reader must reload. `BEGINNING` (what a reader gets while
   * the log is empty) asks for all of it. Never reads more than `max` + 1.
   */
  since(lastId: string, max?: number): Promise<ParleyEvent[] | null>;
  /** The newest event's id, or null when the log is empty. */
  lastId(): Promise<string | null>;
  /** Starts delivering to `deliver` (the log's readers on this instance). */
  start(deliver: (event: ParleyEvent) => void): Promise<void>;
  stop(): Promise<void>;
}

export interface MemoryLogOptions {
  /** How many events to keep. */
  capacity: number;
  /** Events published before the process started, oldest first (from the outbox). */
  seed?: readonly ParleyEvent[];
}

export function createMemoryLog(options: MemoryLogOptions): EventLog {
  let entries: ParleyEvent[] = [...(options.seed ?? [])].slice(-options.capacity);
  let deliver: (event: ParleyEvent) => void = () => {};
  let trimmed = false;

  return {
    async publish(events) {
      entries.push(...events);
      // Trimmed in steps, not per event, so publishing stays O(1) amortised.
      if (entries.length > options.capacity * 1.25) {
        entries = entries.slice(-options.capacity);
        trimmed = true;
      }
      for (const event of events) deliver(event);
    },
    async since(lastId, max = Number.POSITIVE_INFINITY) {
      if (lastId === BEGINNING) return trimmed || entries.length > max ? null : [...entries];
      // Readers resume near the end: search backwards, no further than `max`.
      for (let i = entries.length - 1; i >= 0 && entries.length - 1 - i <= max; i--) {
        if (entries[i]?.id === lastId) return entries.slice(i + 1);
      }
      return null;
    },
    async lastId() {
      return entries.at(-1)?.id ?? null;
    },
    async start(handler) {
      deliver = handler;
    },
    async stop() {
      deliver = () => {};
    },
  };
}
