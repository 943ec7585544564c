/**
 * Who may run a site's dashboard: its owners and moderators, managed by its
 * owners. A site always keeps at least one owner.
 */

import type { NewMember } from '../../contract/dashboard.schema.ts';
import type { AddedMember, Member } from '../../contract/dashboard.ts';
import { randomSecret } from '../auth/crypto.ts';
import { AppError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { grantSiteRole } from './admin.service.ts';
import { deleteSiteMember, findSiteMember, listSiteMembers } from './member.repository.ts';

/** The site's owners, then its moderators, by email. */
export async function listMembers(db: Db, siteId: string): Promise<Member[]> {
  const rows = await listSiteMembers(db, siteId);
  return rows.sort((a, b) => Number(a.role !== 'owner') - Number(b.role !== 'owner'));
}

/** 409 `last_owner` when `email` is the site's only owner (it may not lose that role). */
async function keepAnOwner(db: Db, siteId: string, email: string): Promise<void> {
  const owners = await listSiteMembers(db, siteId, { role: 'owner' });
  if (owners.length === 1 && owners[0]?.email === email) {
    throw new AppError(
      409,
      'last_owner',
      'A site needs at least one owner: add another owner before removing this one',
    );
  }
}

/**
 * Grants `role` on the site. A new email gets an admin account with a random
 * password, returned here once for the owner to pass on (only its hash is kept).
 */
export async function addMember(db: Db, siteId: string, member: NewMember): Promise<AddedMember> {
  return db.transaction().execute(async (tx) => {
    if (member.role !== 'owner') await keepAnOwner(tx, siteId, member.email);
    const password = randomSecret(18);
    const { created } = await grantSiteRole(tx, { ...member, siteId, password });
    return { email: member.email, role: member.role, ...(created ? { password } : {}) };
  });
}

/** Takes the admin's role on the site away; 404 when they have none, 409 for the last owner. */
export async function removeMember(db: Db, siteId: string, email: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const member = await findSiteMember(tx, siteId, email);
    if (!member) throw new AppError(404, 'not_found', `${email} has no role on this site`);
    if (member.role === 'owner') await keepAnOwner(tx, siteId, email);
    await deleteSiteMember(tx, siteId, member.adminId);
  });
}
