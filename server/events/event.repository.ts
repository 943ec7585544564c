/** The outbox table's queries (server/events/). */
import type { EventRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import { prepared } from '../store/prepared.ts';

interface NewEvent {
  type: string;
  site_id: string;
  page_key: string | null;
  payload: string;
  claimed_by: string | null;
  created_at: string;
  claimed_at: string | null;
}

// Run by every write: compiled once (store/prepared.ts).
const insertEventRow = prepared((db, v: NewEvent) =>
  db.insertInto('events').values(v).returningAll(),
);

/**
 * Writes an event to the outbox; returns its row. `claimed_by` set: the
 * event is claimed from the start by that relay (transaction.ts, OwnRelay).
 */
export async function insertEvent(
  db: Db,
  event: {
    type: string;
    site_id: string;
    page_key: string | null;
    payload: string;
    claimed_by: string | null;
  },
): Promise<EventRow> {
  const now = new Date().toISOString();
  const [row] = await insertEventRow(db, {
    ...event,
    created_at: now,
    claimed_at: event.claimed_by === null ? null : now,
  });
  if (!row) throw new Error('the event insert returned no row');
  return row;
}

/**
 * Claims up to `limit` unpublished events for one relay, oldest first, and
 * returns them: those nobody claimed, and those whose claim is older than
 * `staleBefore` (their relay died). On PostgreSQL two relays racing for the
 * same rows serialise on the row locks, and the loser's re-checked WHERE
 * skips what the winner took, so each event has one claimant.
 */
export async function claimUnpublished(
  db: Db,
  claim: { by: string; at: string; staleBefore: string; limit: number },
): Promise<EventRow[]> {
  const rows = await db
    .updateTable('events')
    .set({ claimed_by: claim.by, claimed_at: claim.at })
    .where('published_at', 'is', null)
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_at', '<', claim.staleBefore)]))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('events')
        .select('id')
        .where('published_at', 'is', null)
        .where((w) => w.or([w('claimed_by', 'is', null), w('claimed_at', '<', claim.staleBefore)]))
        .orderBy('id')
        .limit(claim.limit),
    )
    .returningAll()
    .execute();
  return rows.sort((a, b) => Number(a.id) - Number(b.id));
}

/**
 * Renews the claim `claimedBy` holds on these events (claimed_at = `at`)
 * and returns the ids it still held: not those another relay took over
 * (after the claim's lease ran out), nor those published already. On
 * PostgreSQL a relay taking them at the same moment serialises on the row
 * locks: either it took them (not returned here) or it sees the renewed
 * claim and leaves them.
 */
export async function renewClaims(
  db: Db,
  ids: readonly (number | string)[],
  claimedBy: string,
  at: string,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('events')
    .set({ claimed_at: at })
    .where('id', 'in', [...ids])
    .where('claimed_by', '=', claimedBy)
    .where('published_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => String(r.id));
}

/** Marks events as published by the relay holding their claim (not those another took over). */
export async function markPublished(
  db: Db,
  ids: readonly (number | string)[],
  claimedBy: string,
  at: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('events')
    .set({ published_at: at })
    .where('id', 'in', [...ids])
    .where('claimed_by', '=', claimedBy)
    .where('published_at', 'is', null)
    .execute();
}

/** The latest published events (publication order), to resume from after a restart. */
export async function listRecentlyPublished(
  db: Db,
  since: string,
  limit: number,
): Promise<EventRow[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('published_at', '>=', since)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse();
}

/** Retention: forgets events published before `before`; returns how many. */
export async function deletePublishedBefore(db: Db, before: string): Promise<number> {
  const result = await db
    .deleteFrom('events')
    .where('published_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
