/**
 * `backup <file>`: a consistent copy of the SQLite store, safe while the
 * server runs. PostgreSQL has pg_dump for that.
 */
import type { Command } from 'commander';
import { backupSqlite } from '../../store/backup.ts';
import type { CliContext } from '../context.ts';
import { CliError } from '../errors.ts';

export function backupCommand(program: Command, context: CliContext): void {
  program
    .command('backup')
    .description('write a consistent copy of the SQLite store (safe while the server runs)')
    .argument('<file>', 'where to write the copy (a new file)')
    .addHelpText(
      'after',
      '\nExample:\n  npm run parley -- backup backups/parley-$(date +%F).sqlite',
    )
    .action(async (file: string) => {
      const { database } = context.config();
      if (database.kind === 'postgres') {
        throw new CliError(
          'The store is PostgreSQL (DATABASE_URL): back it up with pg_dump, e.g. pg_dump --format=custom "$DATABASE_URL" > parley.dump; restore with pg_restore.',
        );
      }
      const result = await backupSqlite(database.path, file);
      context.print(
        [
          `Backed up ${database.path} to ${result.path} (${result.pages} pages).`,
          'It holds commenters’ emails and IP addresses, and (while AUTH_SECRET is unset) the secret that',
          'signs readers’ sessions and emailed links: keep it as private as the store.',
          `To restore: stop Parley, replace ${database.path} with a copy of the backup`,
          `(and delete ${database.path}-wal and ${database.path}-shm if they exist), then start Parley.`,
        ].join('\n'),
      );
    });
}
