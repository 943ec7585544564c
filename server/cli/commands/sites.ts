/**
 * `sites add|list|remove`: register the sites whose pages embed Parley.
 */
import { type Command, Option } from 'commander';
import type { EnvConfig } from '../../config.ts';
import type { FieldLabels } from '../../http/issue-message.ts';
import { findSite, listSites } from '../../sites/site.repository.ts';
import type { NewSite } from '../../sites/site.schema.ts';
import { removeSite, saveSite } from '../../sites/site.service.ts';
import type { CliContext } from '../context.ts';
import { CliError, inUserWords, usageError } from '../errors.ts';

/** What a bad value is called here: the flag the user typed. */
const LABELS: FieldLabels = {
  id: 'The site id',
  name: '--name',
  origins: '--origin',
  'origins[]': '--origin',
  'settings.maxDepth': '--depth',
  'settings.privacyUrl': '--privacy-url',
  'settings.moderation.mode': '--moderation',
  'settings.moderation.minFormSeconds': '--min-form-seconds',
  'settings.moderation.linkLimit': '--link-limit',
};

interface AddOptions {
  origin?: string[];
  name?: string;
  depth?: string;
  moderation?: 'none' | 'first-time' | 'all';
  minFormSeconds?: string;
  linkLimit?: string;
  privacyUrl?: string;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];
// Numbers stay strings until the site schema checks them, so `--depth abc`
// reads "--depth must be a number" like every other bad value.
const asNumber = (value: string | undefined) => (value === undefined ? undefined : Number(value));

/** The snippet a site owner pastes, with where it assumed Parley is when PUBLIC_URL is unset. */
function embedSnippet(config: EnvConfig, siteId: string): string {
  const lines = [
    'Embed it with:',
    '  <div id="parley-thread"></div>',
    `  <script src="${config.publicUrl}/embed.js" data-site="${siteId}" async></script>`,
  ];
  if (!config.publicUrlConfigured) {
    lines.push(
      `PUBLIC_URL is not set, so this assumes Parley at ${config.publicUrl}: set PUBLIC_URL to the address readers reach it at.`,
    );
  }
  return lines.join('\n');
}

async function addSite(context: CliContext, id: string, options: AddOptions): Promise<void> {
  const origins = options.origin ?? [];
  if (origins.length === 0) {
    throw usageError('sites add needs at least one --origin <url> (repeat it for more origins)');
  }
  await context.withDb(async (db, config) => {
    const existing = await findSite(db, id);
    const input: NewSite = {
      id,
      // Updating a site without --name keeps its name; a new one is named after its id.
      name: options.name ?? existing?.name ?? id,
      origins,
      settings: {
        maxDepth: asNumber(options.depth),
        privacyUrl: options.privacyUrl,
        moderation: {
          mode: options.moderation,
          minFormSeconds: asNumber(options.minFormSeconds),
          linkLimit: asNumber(options.linkLimit),
        },
      },
    };
    const site = await saveSite(db, input).catch((err) => inUserWords(err, input, LABELS));
    context.print(
      `${existing ? 'Updated' : 'Added'} site ${site.id} (${site.name}) for ${site.origins.join(', ')}.\n${embedSnippet(config, site.id)}`,
    );
  });
}

export function sitesCommand(program: Command, context: CliContext): void {
  const sites = program
    .command('sites')
    .description('register the sites whose pages embed Parley')
    .addHelpText(
      'after',
      '\nExamples:\n  npm run parley -- sites add blog --origin https://blog.example --name "My blog"\n  npm run parley -- sites list',
    );

  sites
    .command('add')
    .description(
      'register a site, or update one: its origins are replaced, settings not given are kept',
    )
    .argument('<id>', 'the site id: lower-case letters, digits and dashes (data-site on the page)')
    .option('--origin <url>', 'an origin its pages are served from (repeat for more)', collect)
    .option('--name <name>', 'its name in the dashboard (default: the id; kept on update)')
    .option('--depth <1-10>', 'how deep replies nest (default 5)')
    .addOption(
      new Option(
        '--moderation <mode>',
        'which comments wait for a moderator (default first-time)',
      ).choices(['none', 'first-time', 'all']),
    )
    .option(
      '--min-form-seconds <n>',
      'hold comments posted faster than this after the form showed (default 3, 0: off)',
    )
    .option('--link-limit <n>', 'hold comments with this many links or more (default 2, 0: off)')
    .option('--privacy-url <url>', 'where "Learn how your comment data is processed" links to')
    .addHelpText(
      'after',
      '\nExample:\n  npm run parley -- sites add blog --origin https://blog.example --origin https://www.blog.example \\\n    --name "My blog" --moderation first-time --link-limit 2',
    )
    .action((id: string, options: AddOptions) => addSite(context, id, options));

  sites
    .command('list')
    .description('show every site with its origins and settings')
    .action(() =>
      context.withDb(async (db) => {
        const all = await listSites(db);
        context.print(
          all.length === 0
            ? 'No sites yet. Add one with: npm run parley -- sites add <id> --origin <url>'
            : all
                .map(
                  (s) =>
                    `${s.id}\t${s.name}\t${s.origins.join(' ')}\tdepth=${s.settings.maxDepth}\tmoderation=${s.settings.moderation.mode}`,
                )
                .join('\n'),
        );
      }),
    );

  sites
    .command('remove')
    .description('delete a site with all of its pages and comments')
    .argument('<id>', 'the site id')
    .action((id: string) =>
      context.withDb(async (db) => {
        if (!(await removeSite(db, id))) throw new CliError(`No site with id "${id}".`);
        context.print(`Removed site ${id} and its comments.`);
      }),
    );
}
