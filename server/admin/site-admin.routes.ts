import { Router } from 'express';
import { NewMember, SiteSettingsUpdate } from '../../contract/dashboard.schema.ts';
import { EraseAuthorBody } from '../../contract/reader-data.schema.ts';
import type { Config } from '../config.ts';
import { requireJson, validate } from '../http/validate.ts';
import { eraseAuthor } from '../privacy/erase-author.ts';
import { requireSite } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';
import { type AdminGuards, adminOf } from './admin.middleware.ts';
import { requireRole } from './admin.service.ts';
import { addMember, listMembers, removeMember } from './members.service.ts';
import { presentSiteSettings, updateSiteSettings } from './site-settings.service.ts';

/**
 * A site's settings (moderators read, owners change) and its members
 * (owners only), under /admin/api/sites/:site.
 */
export function siteAdminRoutes(db: Db, config: Config, guards: AdminGuards): Router {
  const router = Router();
  const { signedIn, moderatorOf, ownerOf, json } = guards;
  const base = '/admin/api/sites/:site';

  router.get(`${base}/settings`, signedIn, moderatorOf, async (req, res) => {
    const siteId = String(req.params.site);
    const role = requireRole(adminOf(res), siteId, ['owner', 'moderator']);
    res.json(presentSiteSettings(await requireSite(db, siteId), role, config.publicUrl));
  });

  router.put(
    `${base}/settings`,
    signedIn,
    ownerOf,
    requireJson,
    json,
    validate({ body: SiteSettingsUpdate }, async ({ body, req, res }) => {
      const site = await updateSiteSettings(db, String(req.params.site), body);
      res.json(presentSiteSettings(site, 'owner', config.publicUrl));
    }),
  );

  router.get(`${base}/members`, signedIn, ownerOf, async (req, res) => {
    res.json(await listMembers(db, String(req.params.site)));
  });

  router.post(
    `${base}/members`,
    signedIn,
    ownerOf,
    requireJson,
    json,
    validate({ body: NewMember }, async ({ body, req, res }) => {
      const member = await addMember(db, String(req.params.site), body);
      res.status(member.password ? 201 : 200).json(member);
    }),
  );

  // Erasure on request (issue 12): everything of one email or one identity on this site.
  router.post(
    `${base}/erase`,
    signedIn,
    ownerOf,
    requireJson,
    json,
    validate({ body: EraseAuthorBody }, async ({ body, req, res }) => {
      const siteId = String(req.params.site);
      res.json(await eraseAuthor(db, config.authSecret, siteId, body));
    }),
  );

  router.delete(`${base}/members/:email`, signedIn, ownerOf, async (req, res) => {
    const email = String(req.params.email).trim().toLowerCase();
    await removeMember(db, String(req.params.site), email);
    res.status(204).end();
  });

  return router;
}
