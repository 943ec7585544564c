/**
 * Site owner's command line: `npm run parley -- sites add|list|remove ...`.
 * Uses the same config, store and services as the server.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../config.ts';
import { deleteSite, listSites } from '../sites/site.repository.ts';
import { saveSite } from '../sites/site.service.ts';
import { createDb, type Db, migrateToLatest } from '../store/db.ts';

const USAGE = `Usage: npm run parley -- <command>

  sites add <id> --origin <url> [--origin <url>...] [--name <name>] [--depth <1-10>]
      Register a site (or update it: origins are replaced, other settings kept).
  sites list
      Show every site with its origins and settings.
  sites remove <id>
      Delete a site and all of its pages and comments.`;

class UsageError extends Error {}

async function sites(db: Db, argv: string[]): Promise<string> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      origin: { type: 'string', multiple: true },
      name: { type: 'string' },
      depth: { type: 'string' },
    },
  });
  const [action, id] = positionals;
  if (action === 'list') {
    const all = await listSites(db);
    if (all.length === 0)
      return 'No sites yet. Add one with: npm run parley -- sites add <id> --origin <url>';
    return all
      .map((s) => `${s.id}\t${s.name}\t${s.origins.join(' ')}\tdepth=${s.settings.maxDepth}`)
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
      settings: values.depth === undefined ? {} : { maxDepth: Number(values.depth) },
    });
    return `Saved site ${site.id} (${site.name}) for ${site.origins.join(', ')}.\nEmbed it with:\n  <div id="parley-thread"></div>\n  <script src="${loadConfig().publicUrl}/embed.js" data-site="${site.id}" async></script>`;
  }
  if (action === 'remove') {
    if (!(await deleteSite(db, id))) throw new UsageError(`No site with id "${id}"`);
    return `Removed site ${id} and its comments.`;
  }
  throw new UsageError(`Unknown command: sites ${action ?? ''}`);
}

async function main(argv: string[]): Promise<number> {
  const [group, ...rest] = argv;
  if (group !== 'sites') {
    console.log(USAGE);
    return group === undefined || group === 'help' || group === '--help' ? 0 : 2;
  }
  const db = createDb(loadConfig().database);
  try {
    await migrateToLatest(db);
    console.log(await sites(db, rest));
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
  } else if (err instanceof UsageError || err instanceof ConfigError) {
    console.error(`${err.message}\n\n${USAGE}`);
  } else {
    console.error(err);
  }
  process.exitCode = 2;
}
