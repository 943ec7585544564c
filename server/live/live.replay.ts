/**
 * What a reader resuming from `Last-Event-ID` (or the iframe page's `since`)
 * is told of what it missed on its page. Not the missed events one by one:
 * the log keeps a comment's every published state, so replaying it would
 * hand out the text of a comment since removed (spam, trash, its author's
 * deletion) or edited, to anyone who asks from far enough back (`0`, the
 * log's beginning). A resume carries no more than a fresh read of the
 * thread would: each comment where it ended up.
 */
import type { LiveMessage } from '../../contract/live.ts';
import type { ParleyEvent } from '../events/event.types.ts';
import { liveMessageFor, pageOf } from './live.presenter.ts';

export interface Replay {
  /** Every missed event of the page (whether told or folded into a later one). */
  seen: string[];
  /** The messages to send, each with the SSE id to resume from after it. */
  messages: { id: string; message: LiveMessage }[];
}

/**
 * Each comment's latest message, in the place (and with the id) of its
 * first: ids stay in log order, so a reader cut off halfway resumes from a
 * point before anything it was not told. `appeared` is the first message's
 * (whether the reader had the comment before the gap); a comment that
 * appeared and went within the gap is not mentioned at all.
 */
export function replayOf(missed: readonly ParleyEvent[], site: string, page: string): Replay {
  const seen: string[] = [];
  const slots: (Replay['messages'][number] | null)[] = [];
  const first = new Map<string, { slot: number; id: string; appeared: boolean }>();
  for (const event of missed) {
    if (event.siteId !== site || pageOf(event) !== page) continue;
    seen.push(event.id);
    const message = liveMessageFor(event);
    if (!message) continue;
    const comment =
      message.type === 'comment'
        ? message.comment.id
        : message.type === 'remove'
          ? message.id
          : null;
    const earlier = comment === null ? undefined : first.get(comment);
    if (comment === null || !earlier) {
      if (comment !== null) {
        const appeared = message.type === 'comment' && message.appeared;
        first.set(comment, { slot: slots.length, id: event.id, appeared });
      }
      slots.push({ id: event.id, message });
      continue;
    }
    const { slot, id, appeared } = earlier;
    if (message.type === 'comment') slots[slot] = { id, message: { ...message, appeared } };
    // Gone again: a reader who had it is told so; one who never had it, nothing.
    else slots[slot] = appeared ? null : { id, message };
  }
  return { seen, messages: slots.filter((s) => s !== null) };
}
