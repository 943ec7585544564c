/** Who holds which role on which site (table `site_members`, joined with `admins`). */
import type { SiteRole } from '../../contract/dashboard.ts';
import type { Db } from '../store/db.ts';

/** Grants `role` on the site, replacing the admin's current role there. */
export async function upsertSiteMember(
  db: Db,
  member: { adminId: string; siteId: string; role: SiteRole },
): Promise<void> {
  await db
    .insertInto('site_members')
    .values({ admin_id: member.adminId, site_id: member.siteId, role: member.role })
    .onConflict((oc) => oc.columns(['admin_id', 'site_id']).doUpdateSet({ role: member.role }))
    .execute();
}

/** site id → role, for every site the admin has a role on. */
export async function rolesOfAdmin(db: Db, adminId: string): Promise<Map<string, SiteRole>> {
  const rows = await db
    .selectFrom('site_members')
    .select(['site_id', 'role'])
    .where('admin_id', '=', adminId)
    .execute();
  return new Map(rows.map((m) => [m.site_id, m.role]));
}

/** The site's members (email and role), by email. */
export async function listSiteMembers(
  db: Db,
  siteId: string,
  only?: { role: SiteRole },
): Promise<{ email: string; role: SiteRole }[]> {
  let query = db
    .selectFrom('site_members')
    .innerJoin('admins', 'admins.id', 'site_members.admin_id')
    .select(['admins.email', 'site_members.role'])
    .where('site_members.site_id', '=', siteId);
  if (only) query = query.where('site_members.role', '=', only.role);
  return query.orderBy('admins.email').execute();
}

/** One admin's membership of the site, by their email. */
export async function findSiteMember(
  db: Db,
  siteId: string,
  email: string,
): Promise<{ adminId: string; role: SiteRole } | undefined> {
  const row = await db
    .selectFrom('site_members')
    .innerJoin('admins', 'admins.id', 'site_members.admin_id')
    .select(['site_members.admin_id', 'site_members.role'])
    .where('site_members.site_id', '=', siteId)
    .where('admins.email', '=', email)
    .executeTakeFirst();
  return row && { adminId: row.admin_id, role: row.role };
}

export async function deleteSiteMember(db: Db, siteId: string, adminId: string): Promise<void> {
  await db
    .deleteFrom('site_members')
    .where('site_id', '=', siteId)
    .where('admin_id', '=', adminId)
    .execute();
}
