/**
 * `export <site> --format json|wxr [--out file]`: every comment of a site,
 * to a file or stdout. The file holds commenters' emails and IP addresses,
 * and the command says so.
 */

import { once } from 'node:events';
import { createWriteStream, existsSync, rmSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { EXPORT_FORMATS, type ExportFormat, exportSite } from '../../exports/export.service.ts';
import type { CliContext } from '../context.ts';
import { usageError } from '../errors.ts';

interface ExportOptions {
  format: ExportFormat;
  out?: string;
}

const PRIVATE_DATA =
  'It holds commenters’ email and IP addresses: keep it private and delete it when you are done.';

export function exportCommand(program: Command, context: CliContext): void {
  program
    .command('export')
    .description("write a site's pages and comments to a file (JSON or WordPress WXR)")
    .argument('<site>', 'the site id')
    .addOption(
      new Option('--format <format>', 'json (Parley, with pages and settings) or wxr (WordPress)')
        .choices(EXPORT_FORMATS)
        .default('json'),
    )
    .option('--out <file>', 'write to this new file (default: standard output)')
    .addHelpText(
      'after',
      '\nExamples:\n  npm run parley -- export blog --format json --out blog.json\n  npm run parley -- export blog --format wxr > blog.xml',
    )
    .action((siteId: string, options: ExportOptions) =>
      context.withDb(async (db) => {
        if (!options.out) {
          await exportSite(db, siteId, options.format, (chunk) => context.write(chunk));
          context.progress(`Exported site ${siteId}. ${PRIVATE_DATA}`);
          return;
        }
        if (existsSync(options.out))
          throw usageError(`${options.out} exists already: name a new file`);
        // Only the owner may read it: it holds emails and IP addresses.
        const file = createWriteStream(options.out, { flags: 'wx', mode: 0o600 });
        try {
          const counts = await exportSite(db, siteId, options.format, async (chunk) => {
            if (!file.write(chunk)) await once(file, 'drain');
          });
          file.end();
          await once(file, 'finish');
          context.print(
            `Wrote ${counts.pages} pages and ${counts.comments} comments of site ${siteId} to ${options.out}.\n${PRIVATE_DATA}`,
          );
        } catch (err) {
          file.destroy();
          rmSync(options.out, { force: true });
          throw err;
        }
      }),
    );
}
