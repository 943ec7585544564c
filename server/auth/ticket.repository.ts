/** Every query on `login_tickets` (rules live in ticket.service.ts). */
import type { LoginTicketRow, TicketStatus } from '../store/database.ts';
import type { Db } from '../store/db.ts';

export async function insertTicket(db: Db, row: LoginTicketRow): Promise<void> {
  await db.insertInto('login_tickets').values(row).execute();
}

export async function findTicketRow(db: Db, id: string): Promise<LoginTicketRow | undefined> {
  return db.selectFrom('login_tickets').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function saveTicketHandshake(db: Db, id: string, handshake: string): Promise<void> {
  await db.updateTable('login_tickets').set({ handshake }).where('id', '=', id).execute();
}

/** Binds a pending, unbound ticket; false when it was bound (or finished) meanwhile. */
export async function bindTicketRow(db: Db, id: string, bindingHash: string): Promise<boolean> {
  const result = await db
    .updateTable('login_tickets')
    .set({ binding_hash: bindingHash })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('binding_hash', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Moves a ticket from `from` to a new status with the given fields, in one
 * conditional update (so two racing requests can't both do it); true when
 * this call made the change.
 */
export async function moveTicket(
  db: Db,
  id: string,
  from: TicketStatus,
  to: Partial<Pick<LoginTicketRow, 'identity_id' | 'code_hash' | 'failure' | 'handshake'>> & {
    status: TicketStatus;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('login_tickets')
    .set(to)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
