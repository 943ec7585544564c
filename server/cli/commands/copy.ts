/**
 * `copy --from <store> --to <store>`: moves a whole installation (every site,
 * comment, identity, session, setting and admin) to another store, e.g. from
 * the embedded SQLite file to PostgreSQL when a site outgrows one machine.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../../config.ts';
import { copyStore } from '../../store/copy.service.ts';
import { createDb, migrateToLatest } from '../../store/db.ts';
import type { CliContext } from '../context.ts';
import { CliError, usageError } from '../errors.ts';

type Store = Config['database'];

/** `sqlite:<path>` or a `postgres://` URL, as the user wrote it. */
function parseStore(flag: string, text: string): Store {
  if (text.startsWith('sqlite:')) {
    const path = text.slice('sqlite:'.length);
    if (!path) throw usageError(`${flag} needs a file: sqlite:./data/parley.sqlite`);
    return { kind: 'sqlite', path: resolve(path) };
  }
  if (/^postgres(ql)?:\/\//.test(text)) return { kind: 'postgres', url: text };
  throw usageError(`${flag} must be sqlite:<file> or a postgres://… URL, not "${text}"`);
}

/** How a store is named in what we print: never with its password. */
function describeStore(store: Store): string {
  if (store.kind === 'sqlite') return `sqlite:${store.path}`;
  const url = new URL(store.url);
  if (url.password) url.password = '***';
  return url.href;
}

async function copy(context: CliContext, options: { from: string; to: string }): Promise<void> {
  const from = parseStore('--from', options.from);
  const to = parseStore('--to', options.to);
  if (describeStore(from) === describeStore(to)) {
    throw usageError('--from and --to name the same store');
  }
  // Never create an empty source by mistyping its path.
  if (from.kind === 'sqlite' && !existsSync(from.path)) {
    throw new CliError(`No SQLite store at ${from.path}`);
  }
  const source = createDb(from);
  const target = createDb(to);
  try {
    await migrateToLatest(source);
    await migrateToLatest(target);
    context.print(`Copying ${describeStore(from)} to ${describeStore(to)}…`);
    const tables = await copyStore(source, target, (t) =>
      context.print(`  ${t.name.padEnd(24)} ${t.rows.toLocaleString('en-US')}`),
    );
    const total = tables.reduce((sum, t) => sum + t.rows, 0);
    context.print(
      `Copied ${total.toLocaleString('en-US')} rows in ${tables.length} tables. ` +
        `Point ${to.kind === 'postgres' ? 'DATABASE_URL' : 'SQLITE_PATH'} at the new store and restart Parley.`,
    );
    if (tables.some((t) => t.name === 'secrets' && t.rows > 0)) {
      // Said because it replaced any secret the target had made for itself (copy.service.ts).
      context.print(
        'The secret kept in the store (used while AUTH_SECRET is unset) came along: readers stay signed in and emailed links keep working.',
      );
    }
  } finally {
    await Promise.all([source.destroy(), target.destroy()]);
  }
}

export function copyCommand(program: Command, context: CliContext): void {
  program
    .command('copy')
    .description(
      'copy a whole installation to another, empty store (e.g. SQLite to PostgreSQL) without losing a comment, identity or setting',
    )
    .requiredOption('--from <store>', 'the store to copy: sqlite:<file> or postgres://…')
    .requiredOption('--to <store>', 'an empty store to copy into: sqlite:<file> or postgres://…')
    .addHelpText(
      'after',
      '\nExample:\n  npm run parley -- copy --from sqlite:./data/parley.sqlite --to postgres://parley@db.internal/parley\n\nThe copy is one transaction on the target: if it fails, the target stays empty.\nThe secret kept in the source (used while AUTH_SECRET is unset) replaces one the target made for itself.\nThe source is read as one consistent snapshot; stop writing to it (or stop Parley) to copy the latest comments.',
    )
    .action((options: { from: string; to: string }) => copy(context, options));
}
