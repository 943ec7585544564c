/**
 * Site owner's command line: `npm run parley -- sites add|list|remove ...`.
 * Uses the same config, store and services as the server.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { deleteAdminByEmail, listAdminsWithRoles } from '../admin/admin.repository.ts';
import { grantSiteRole } from '../admin/admin.service.ts';
import { randomSecret } from '../auth/crypto.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { deleteSite, findSite, listSites } from '../sites/site.repository.ts';
import { saveSite } from '../sites/site.service.ts';
import { createDb, type Db, migrateToLatest } from '../store/db.ts';

const USAGE = `Usage: npm run parley -- <command>

  sites add <id> --origin <url> [--origin <url>...] [--name <name>] [--depth <1-10>]
            [--moderation none|first-time|all] [--min-form-seconds <n>] [--link-limit <n>]
            [--privacy-url <url>]
      Register a site (or update it: origins are replaced, other settings kept).
  sites list
      Show every site with its origins and settings.
  sites remove <id>
      Delete a site and all of its pages and comments.
  admins add <email> --site <id> [--role owner|moderator] [--password <pw>]
      Give someone the dashboard for a site (owner by default). A new admin
      without --password gets a random one, printed once.
  admins list
      Show every admin and their sites.
  admins remove <email>
      Delete an admin and their dashboard sessions.`;

class UsageError extends Error {}

async function sites(db: Db, argv: string[]): Promise<string> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      origin: { type: 'string', multiple: true },
      name: { type: 'string' },
      depth: { type: 'string' },
      moderation: { type: 'string' },
      'min-form-seconds': { type: 'string' },
      'link-limit': { type: 'string' },
      'privacy-url': { type: 'string' },
    },
  });
  const [action, id] = positionals;
  const num = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  if (action === 'list') {
    const all = await listSites(db);
    if (all.length === 0)
      return 'No sites yet. Add one with: npm run parley -- sites add <id> --origin <url>';
    return all
      .map(
        (s) =>
          `${s.id}\t${s.name}\t${s.origins.join(' ')}\tdepth=${s.settings.maxDepth}\tmoderation=${s.settings.moderation.mode}`,
      )
      .join('\n');
  }
  if (!id) throw new UsageError(`sites ${action ?? ''}: missing <id>`);
  if (action === 'add') {
    if (!values.origin?.length)
      throw new UsageError('sites add: at least one --origin is required');
    const site = await saveSite(db, {
      id,
      name: values.name ?? id,
      origins: values.origin,
      settings: {
        maxDepth: num(values.depth),
        privacyUrl: values['privacy-url'],
        moderation: {
          mode: values.moderation as 'none' | 'first-time' | 'all' | undefined,
          minFormSeconds: num(values['min-form-seconds']),
          linkLimit: num(values['link-limit']),
        },
      },
    });
    return `Saved site ${site.id} (${site.name}) for ${site.origins.join(', ')}.\nEmbed it with:\n  <div id="parley-thread"></div>\n  <script src="${loadConfig().publicUrl}/embed.js" data-site="${site.id}" async></script>`;
  }
  if (action === 'remove') {
    if (!(await deleteSite(db, id))) throw new UsageError(`No site with id "${id}"`);
    return `Removed site ${id} and its comments.`;
  }
  throw new UsageError(`Unknown command: sites ${action ?? ''}`);
}

async function admins(db: Db, argv: string[]): Promise<string> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { site: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } },
  });
  const [action, email] = positionals;
  if (action === 'list') {
    const rows = await listAdminsWithRoles(db);
    if (rows.length === 0)
      return 'No admins yet. Add one with: npm run parley -- admins add <email> --site <id>';
    return rows.map((r) => `${r.email}\t${r.site_id ?? '-'}\t${r.role ?? '-'}`).join('\n');
  }
  if (!email) throw new UsageError(`admins ${action ?? ''}: missing <email>`);
  if (action === 'add') {
    if (!values.site) throw new UsageError('admins add: --site is required');
    const role = values.role ?? 'owner';
    if (role !== 'owner' && role !== 'moderator')
      throw new UsageError('admins add: --role is owner or moderator');
    if (!(await findSite(db, values.site)))
      throw new UsageError(`No site with id "${values.site}"`);
    const generated = values.password ? undefined : randomSecret(18);
    const { created } = await grantSiteRole(db, {
      email,
      password: values.password ?? generated,
      siteId: values.site,
      role,
    });
    return created && generated
      ? `Created ${email} as ${role} of ${values.site}. Password (shown once): ${generated}`
      : `${email} is now ${role} of ${values.site}.`;
  }
  if (action === 'remove') {
    if (!(await deleteAdminByEmail(db, email))) throw new UsageError(`No admin "${email}"`);
    return `Removed ${email}.`;
  }
  throw new UsageError(`Unknown command: admins ${action ?? ''}`);
}

async function main(argv: string[]): Promise<number> {
  const [group, ...rest] = argv;
  if (group !== 'sites' && group !== 'admins') {
    console.log(USAGE);
    return group === undefined || group === 'help' || group === '--help' ? 0 : 2;
  }
  const db = createDb(loadConfig().database);
  try {
    await migrateToLatest(db);
    console.log(await (group === 'sites' ? sites(db, rest) : admins(db, rest)));
    return 0;
  } finally {
    await db.destroy();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof z.ZodError) {
    console.error(err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  } else if (err instanceof AppError) {
    console.error(err.message);
  } else if (err instanceof UsageError || err instanceof ConfigError) {
    console.error(`${err.message}\n\n${USAGE}`);
  } else {
    console.error(err);
  }
  process.exitCode = 2;
}
