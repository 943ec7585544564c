/**
 * `import <format> <file> --site <id>`: another system's comments into a
 * site, with progress on stderr and a summary on stdout.
 */
import { existsSync, statSync } from 'node:fs';
import { Argument, type Command, Option } from 'commander';
import { IMPORT_FORMAT_NAMES as FORMAT_NAMES } from '../../../contract/imports.ts';
import { withAuthSecret } from '../../auth/auth-secret.service.ts';
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_MAX_BYTES,
  type ImportProgress,
  type ImportSummary,
  importComments,
  type UrlMapping,
} from '../../imports/import.service.ts';
import { IMPORT_FORMATS } from '../../imports/import.types.ts';
import { englishRefusal } from '../../imports/refusals.ts';
import type { CliContext } from '../context.ts';
import { CliError, usageError } from '../errors.ts';

interface ImportOptions {
  site: string;
  dryRun?: boolean;
  mapUrl?: string[];
  batchSize?: string;
  maxSize?: string;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

function parseMapping(text: string): UrlMapping {
  const at = text.indexOf('=');
  const from = text.slice(0, at).trim();
  const to = text.slice(at + 1).trim();
  if (at < 0 || !URL.canParse(from) || !URL.canParse(to)) {
    throw usageError(
      `--map-url takes old=new, two URLs, such as https://old.example=https://new.example; not "${text}"`,
    );
  }
  return { from, to };
}

function positiveInt(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw usageError(`${flag} must be a whole number of at least 1`);
  return n;
}

/** The summary as the site owner reads it. */
export function describeSummary(summary: ImportSummary): string {
  const verb = summary.dryRun ? 'Would import' : 'Imported';
  const lines = [
    `${verb} ${summary.imported} comments${summary.dryRun ? '' : ` in ${summary.batches} ${summary.batches === 1 ? 'batch' : 'batches'}`}.`,
    `Already present (imported before): ${summary.alreadyPresent}.`,
  ];
  for (const [kind, n] of Object.entries(summary.skipped)) lines.push(`Skipped ${kind}: ${n}.`);
  lines.push(`Refused: ${summary.refused.count}.`);
  for (const r of summary.refused.examples) lines.push(`  ${r.sourceId}: ${englishRefusal(r)}`);
  if (summary.refused.count > summary.refused.examples.length) {
    lines.push(`  … and ${summary.refused.count - summary.refused.examples.length} more`);
  }
  if (summary.offOrigin > 0) {
    lines.push(
      `${summary.offOrigin} comments are on pages outside the site's origins, so its widget won't show them: import again with --map-url https://old.example=https://new.example.`,
    );
  }
  if (summary.dryRun) lines.push('Dry run: nothing was stored.');
  return lines.join('\n');
}

function progressLine(p: ImportProgress): string {
  if (p.phase === 'checking') {
    return p.total === null
      ? `Checking the file: ${p.read} comments so far…`
      : `The file holds ${p.total} comments.`;
  }
  return `Importing: ${p.read}/${p.total} read, ${p.imported} stored, ${p.alreadyPresent} already present (batch ${p.batches})`;
}

export function importCommand(program: Command, context: CliContext): void {
  program
    .command('import')
    .description(
      "import another system's comments into a site (idempotent: importing again adds nothing)",
    )
    .addArgument(
      new Argument(
        '<format>',
        `what the file is: ${IMPORT_FORMATS.map((f) => `${f} (${FORMAT_NAMES[f]})`).join(', ')}`,
      ).choices(IMPORT_FORMATS),
    )
    .argument('<file>', 'the export file')
    .requiredOption('--site <id>', 'the site to import into')
    .option('--dry-run', 'read and check everything, count what would be imported, store nothing')
    .option(
      '--map-url <old=new>',
      'rewrite page addresses starting with old (repeat for more)',
      collect,
    )
    .option('--batch-size <n>', `comments per transaction (default ${DEFAULT_BATCH_SIZE})`)
    .option('--max-size <MB>', `refuse a larger file (default ${DEFAULT_MAX_BYTES / 1024 / 1024})`)
    .addOption(new Option('--quiet', 'no progress lines').default(false))
    .addHelpText(
      'after',
      '\nExamples:\n  npm run parley -- import wxr wordpress.xml --site blog --dry-run\n  npm run parley -- import disqus disqus.xml --site blog --map-url http://old.example=https://blog.example',
    )
    .action((format: string, file: string, options: ImportOptions & { quiet: boolean }) =>
      context.withDb(async (db, config) => {
        if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`No file at ${file}`);
        const mapUrls = (options.mapUrl ?? []).map(parseMapping);
        const batchSize = positiveInt('--batch-size', options.batchSize, DEFAULT_BATCH_SIZE);
        const maxMb = positiveInt('--max-size', options.maxSize, DEFAULT_MAX_BYTES / 1024 / 1024);
        let last = 0;
        const summary = await importComments(db, {
          siteId: options.site,
          format,
          path: file,
          dryRun: options.dryRun === true,
          mapUrls,
          batchSize,
          maxBytes: maxMb * 1024 * 1024,
          // The only command that needs the secret: the server's, made and
          // kept in the store if AUTH_SECRET is unset (auth-secret.service.ts).
          // No other command writes it, so a store whose operator removed
          // the row after setting AUTH_SECRET everywhere stays without it.
          avatarSecret: (await withAuthSecret(db, config)).authSecret,
          onProgress: (p) => {
            // A line a second at most, and always the phase's last.
            const now = Date.now();
            if (options.quiet || (now - last < 1000 && p.read !== p.total)) return;
            last = now;
            context.progress(progressLine(p));
          },
        });
        context.print(describeSummary(summary));
      }),
    );
}
