/**
 * Imports and exports as they cross the wire (the dashboard's upload and
 * download, docs/api.md) and as the CLI reports them. No zod here: the
 * dashboard imports the constants at run time.
 */

/** The systems Parley imports from (`import <format>`, `?format=`). */
export const IMPORT_FORMATS = ['wxr', 'disqus', 'parley', 'remark42', 'isso'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What each format is, for `--help` and the dashboard's choice. */
export const IMPORT_FORMAT_NAMES: Readonly<Record<ImportFormat, string>> = {
  wxr: 'WordPress export (WXR, .xml)',
  disqus: 'Disqus XML export',
  parley: "Parley's own JSON export",
  remark42: 'Remark42 backup (.gz or plain)',
  isso: 'Isso SQLite database',
};

export const EXPORT_FORMATS = ['json', 'wxr'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ImportProgress {
  /** `checking`: reading the file through once; `importing`: storing batches. */
  phase: 'checking' | 'importing';
  /** Comments read so far in this phase. */
  read: number;
  /** Comments in the file (known once checking is done). */
  total: number | null;
  imported: number;
  alreadyPresent: number;
  batches: number;
}

export interface ImportSummary {
  format: ImportFormat;
  dryRun: boolean;
  /** Comments stored (or, in a dry run, that would be). */
  imported: number;
  /** Comments this site already has from an earlier import of the same source. */
  alreadyPresent: number;
  /** Things that are not comments Parley keeps, counted by kind (pingbacks…). */
  skipped: Record<string, number>;
  refused: { count: number; examples: { sourceId: string; reason: string }[] };
  /** Imported comments whose page is not on one of the site's origins (see --map-url). */
  offOrigin: number;
  batches: number;
}

/**
 * One line of the dashboard import's answer (`application/x-ndjson`):
 * progress lines as it goes, then exactly one summary or error line.
 */
export type ImportStreamLine =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'summary'; summary: ImportSummary }
  | { type: 'error'; error: { code: string; message: string } };
