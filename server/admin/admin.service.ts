/**
 * Site owners and moderators: accounts (email + scrypt password), their role
 * per site, and dashboard sessions (a first-party cookie on Parley's origin).
 */

import type { SiteRole } from '../../contract/dashboard.ts';
import { randomSecret, sha256 } from '../auth/crypto.ts';
import { AppError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { newId } from '../store/ids.ts';
import { hashPassword, verifyPassword } from './password.ts';

export const ADMIN_SESSION_DAYS = 7;
export const MIN_PASSWORD_LENGTH = 12;

export interface AdminContext {
  adminId: string;
  email: string;
  /** site id → role; everything is checked per site. */
  roles: Map<string, SiteRole>;
}

// A real hash of nothing, so a login for an unknown email costs the same time.
const DECOY_HASH = hashPassword(randomSecret());

/** Creates the admin (or keeps the existing one) and grants `role` on `siteId`. */
export async function grantSiteRole(
  db: Db,
  input: { email: string; password?: string | undefined; siteId: string; role: SiteRole },
): Promise<{ adminId: string; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  let admin = await db
    .selectFrom('admins')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  let created = false;
  if (!admin) {
    if (!input.password || input.password.length < MIN_PASSWORD_LENGTH) {
      throw new AppError(
        400,
        'invalid_body',
        `A new admin needs a password of at least ${MIN_PASSWORD_LENGTH} characters`,
        'password',
      );
    }
    admin = { id: newId() };
    await db
      .insertInto('admins')
      .values({
        id: admin.id,
        email,
        password_hash: await hashPassword(input.password),
        created_at: new Date().toISOString(),
      })
      .execute();
    created = true;
  }
  await db
    .insertInto('site_members')
    .values({ admin_id: admin.id, site_id: input.siteId, role: input.role })
    .onConflict((oc) => oc.columns(['admin_id', 'site_id']).doUpdateSet({ role: input.role }))
    .execute();
  return { adminId: admin.id, created };
}

/** Checks email and password; returns a new session token (stored hashed). */
export async function logIn(db: Db, email: string, password: string): Promise<string> {
  const admin = await db
    .selectFrom('admins')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  const ok = await verifyPassword(password, admin?.password_hash ?? (await DECOY_HASH));
  if (!admin || !ok) throw new AppError(401, 'unauthorized', 'Wrong email or password');
  const token = randomSecret();
  const now = Date.now();
  await db
    .insertInto('admin_sessions')
    .values({
      id: newId(),
      admin_id: admin.id,
      token_hash: sha256(token),
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + ADMIN_SESSION_DAYS * 86_400_000).toISOString(),
    })
    .execute();
  return token;
}

export async function logOut(db: Db, token: string): Promise<void> {
  await db.deleteFrom('admin_sessions').where('token_hash', '=', sha256(token)).execute();
}

/** The admin behind a session token, with their roles, or 401. */
export async function adminForToken(db: Db, token: string): Promise<AdminContext> {
  const row = await db
    .selectFrom('admin_sessions')
    .innerJoin('admins', 'admins.id', 'admin_sessions.admin_id')
    .select(['admins.id', 'admins.email', 'admin_sessions.expires_at'])
    .where('admin_sessions.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= new Date().toISOString()) {
    throw new AppError(401, 'unauthorized', 'Please sign in to the dashboard');
  }
  const members = await db
    .selectFrom('site_members')
    .selectAll()
    .where('admin_id', '=', row.id)
    .execute();
  return {
    adminId: row.id,
    email: row.email,
    roles: new Map(members.map((m) => [m.site_id, m.role])),
  };
}

/**
 * Throws unless the admin has one of `roles` on the site. Someone with no
 * role there gets the same 404 as for a site that doesn't exist, so a
 * moderator of site A learns nothing about site B.
 */
export function requireRole(
  admin: AdminContext,
  siteId: string,
  roles: readonly SiteRole[],
): SiteRole {
  const role = admin.roles.get(siteId);
  if (!role) throw new AppError(404, 'unknown_site', `No site with id "${siteId}"`);
  if (!roles.includes(role))
    throw new AppError(403, 'forbidden', 'Only the site’s owners can do that');
  return role;
}
