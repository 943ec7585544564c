/**
 * Site owners and moderators: accounts (email + scrypt password), their role
 * per site, and dashboard sessions (a first-party cookie on Parley's origin).
 */

import type { SiteRole } from '../../contract/dashboard.ts';
import { randomSecret, sha256 } from '../auth/crypto.ts';
import { AppError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { newId } from '../store/ids.ts';
import {
  deleteAdminSession,
  findAdminByEmail,
  findAdminBySession,
  insertAdmin,
  insertAdminSession,
} from './admin.repository.ts';
import { rolesOfAdmin, upsertSiteMember } from './member.repository.ts';
import { decoyHash, hashPassword, verifyPassword } from './password.ts';

export const ADMIN_SESSION_DAYS = 7;
export const MIN_PASSWORD_LENGTH = 12;

export interface AdminContext {
  adminId: string;
  email: string;
  /** site id → role; everything is checked per site. */
  roles: Map<string, SiteRole>;
}

// Checked when the email is unknown, so such a login costs the same time.
const DECOY_HASH = decoyHash();

/** Creates the admin (or keeps the existing one) and grants `role` on `siteId`. */
export async function grantSiteRole(
  db: Db,
  input: { email: string; password?: string | undefined; siteId: string; role: SiteRole },
): Promise<{ adminId: string; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  let admin = await findAdminByEmail(db, email);
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
    admin = {
      id: newId(),
      email,
      password_hash: await hashPassword(input.password),
      created_at: new Date().toISOString(),
    };
    await insertAdmin(db, admin);
    created = true;
  }
  await upsertSiteMember(db, { adminId: admin.id, siteId: input.siteId, role: input.role });
  return { adminId: admin.id, created };
}

/** Checks email and password; returns a new session token (stored hashed). */
export async function logIn(db: Db, email: string, password: string): Promise<string> {
  const admin = await findAdminByEmail(db, email);
  const ok = await verifyPassword(password, admin?.password_hash ?? DECOY_HASH);
  if (!admin || !ok) throw new AppError(401, 'unauthorized', 'Wrong email or password');
  const token = randomSecret();
  const now = Date.now();
  await insertAdminSession(db, {
    id: newId(),
    admin_id: admin.id,
    token_hash: sha256(token),
    created_at: new Date(now).toISOString(),
    expires_at: new Date(now + ADMIN_SESSION_DAYS * 86_400_000).toISOString(),
  });
  return token;
}

export async function logOut(db: Db, token: string): Promise<void> {
  await deleteAdminSession(db, sha256(token));
}

/** The admin behind a session token, with their roles, or 401. */
export async function adminForToken(db: Db, token: string): Promise<AdminContext> {
  const row = await findAdminBySession(db, sha256(token));
  if (!row || row.expires_at <= new Date().toISOString()) {
    throw new AppError(401, 'unauthorized', 'Please sign in to the dashboard');
  }
  return { adminId: row.id, email: row.email, roles: await rolesOfAdmin(db, row.id) };
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
