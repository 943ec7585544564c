/**
 * `admins add|list|remove`: who may use the dashboard, for which site.
 */
import { type Command, Option } from 'commander';
import { deleteAdminByEmail, listAdminsWithRoles } from '../../admin/admin.repository.ts';
import { grantSiteRole } from '../../admin/admin.service.ts';
import { randomSecret } from '../../auth/crypto.ts';
import { findSite } from '../../sites/site.repository.ts';
import type { CliContext } from '../context.ts';
import { CliError } from '../errors.ts';

interface AddOptions {
  site: string;
  role: 'owner' | 'moderator';
  password?: string;
}

async function addAdmin(context: CliContext, email: string, options: AddOptions): Promise<void> {
  await context.withDb(async (db) => {
    if (!(await findSite(db, options.site))) {
      throw new CliError(`No site with id "${options.site}". See: npm run parley -- sites list`);
    }
    const generated = options.password ? undefined : randomSecret(18);
    const { created } = await grantSiteRole(db, {
      email,
      password: options.password ?? generated,
      siteId: options.site,
      role: options.role,
    });
    context.print(
      created && generated
        ? `Created ${email} as ${options.role} of ${options.site}. Password (shown once): ${generated}`
        : `${email} is now ${options.role} of ${options.site}.`,
    );
  });
}

export function adminsCommand(program: Command, context: CliContext): void {
  const admins = program
    .command('admins')
    .description('who may use the dashboard (PUBLIC_URL/admin), for which site')
    .addHelpText(
      'after',
      '\nExample (the first owner of a site):\n  npm run parley -- admins add you@blog.example --site blog',
    );

  admins
    .command('add')
    .description(
      'give someone the dashboard of a site; a new admin without --password gets a random one, printed once',
    )
    .argument('<email>', 'their email address (they sign in with it)')
    .requiredOption('--site <id>', 'the site they moderate')
    .addOption(
      new Option('--role <role>', 'owner (settings, members) or moderator (comments only)')
        .choices(['owner', 'moderator'])
        .default('owner'),
    )
    .option('--password <password>', 'their password, at least 12 characters (new admins only)')
    .action((email: string, options: AddOptions) => addAdmin(context, email, options));

  admins
    .command('list')
    .description('show every admin and their sites')
    .action(() =>
      context.withDb(async (db) => {
        const rows = await listAdminsWithRoles(db);
        context.print(
          rows.length === 0
            ? 'No admins yet. Add one with: npm run parley -- admins add <email> --site <id>'
            : rows.map((r) => `${r.email}\t${r.site_id ?? '-'}\t${r.role ?? '-'}`).join('\n'),
        );
      }),
    );

  admins
    .command('remove')
    .description('delete an admin and their dashboard sessions')
    .argument('<email>', 'their email address')
    .action((email: string) =>
      context.withDb(async (db) => {
        if (!(await deleteAdminByEmail(db, email))) throw new CliError(`No admin "${email}".`);
        context.print(`Removed ${email}.`);
      }),
    );
}
