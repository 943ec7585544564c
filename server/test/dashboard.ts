/**
 * The dashboard's people, for tests over real HTTP: grant roles with one
 * known password, then sign in as the dashboard does (POST /admin/api/login)
 * and keep the session cookie.
 */
import { expect } from 'vitest';
import type { SiteRole } from '../../contract/dashboard.ts';
import { grantSiteRole } from '../admin/admin.service.ts';
import type { Db } from '../store/db.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

/** Gives each `[email, siteId, role]` its role, all with TEST_PASSWORD. */
export async function grantTeam(
  db: Db,
  members: readonly (readonly [email: string, siteId: string, role: SiteRole])[],
): Promise<void> {
  for (const [email, siteId, role] of members) {
    await grantSiteRole(db, { email, password: TEST_PASSWORD, siteId, role });
  }
}

/** A dashboard login attempt: its status and the session cookie it set (`name=value`), if any. */
export async function tryDashboardLogin(baseUrl: string, email: string, password = TEST_PASSWORD) {
  const res = await fetch(`${baseUrl}/admin/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const setCookie = res.headers.getSetCookie()[0] ?? '';
  return { status: res.status, cookie: setCookie.split(';')[0] ?? '', setCookie };
}

/** Signs in to the dashboard (it must succeed); returns the cookie header. */
export async function dashboardLogin(
  baseUrl: string,
  email: string,
  password = TEST_PASSWORD,
): Promise<string> {
  const { status, cookie } = await tryDashboardLogin(baseUrl, email, password);
  expect(status).toBe(204);
  return cookie;
}
