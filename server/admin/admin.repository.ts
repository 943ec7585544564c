/** Dashboard accounts and their sessions (tables `admins`, `admin_sessions`). */
import type { Insertable, Selectable } from 'kysely';
import type { AdminSessionsTable, AdminsTable } from '../store/database.ts';
import type { Db } from '../store/db.ts';

/** Emails are kept lower-cased and trimmed; look them up the same way. */
const normalEmail = (email: string) => email.trim().toLowerCase();

export async function findAdminByEmail(
  db: Db,
  email: string,
): Promise<Selectable<AdminsTable> | undefined> {
  return db
    .selectFrom('admins')
    .selectAll()
    .where('email', '=', normalEmail(email))
    .executeTakeFirst();
}

export async function insertAdmin(db: Db, admin: Insertable<AdminsTable>): Promise<void> {
  await db.insertInto('admins').values(admin).execute();
}

/** Deletes the account (its roles and sessions go with it); false when there was none. */
export async function deleteAdminByEmail(db: Db, email: string): Promise<boolean> {
  const result = await db
    .deleteFrom('admins')
    .where('email', '=', normalEmail(email))
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every admin with each of their roles (one row per role; site and role null for none), by email. */
export async function listAdminsWithRoles(
  db: Db,
): Promise<{ email: string; site_id: string | null; role: string | null }[]> {
  return db
    .selectFrom('admins')
    .leftJoin('site_members', 'site_members.admin_id', 'admins.id')
    .select(['admins.email', 'site_members.site_id', 'site_members.role'])
    .orderBy('admins.email')
    .execute();
}

export async function insertAdminSession(
  db: Db,
  session: Insertable<AdminSessionsTable>,
): Promise<void> {
  await db.insertInto('admin_sessions').values(session).execute();
}

export async function deleteAdminSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('admin_sessions').where('token_hash', '=', tokenHash).execute();
}

/** The admin a session token (hashed) belongs to, with the session's expiry. */
export async function findAdminBySession(
  db: Db,
  tokenHash: string,
): Promise<{ id: string; email: string; expires_at: string } | undefined> {
  return db
    .selectFrom('admin_sessions')
    .innerJoin('admins', 'admins.id', 'admin_sessions.admin_id')
    .select(['admins.id', 'admins.email', 'admin_sessions.expires_at'])
    .where('admin_sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
}
