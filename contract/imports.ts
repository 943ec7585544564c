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

/** Things in an export that are not comments Parley keeps: the keys of `ImportSummary.skipped`. */
export const SKIPPED_KINDS = ['pingbacks', 'trackbacks'] as const;
export type SkippedKind = (typeof SKIPPED_KINDS)[number];

/**
 * Why one comment of a file could not be imported, as data: the dashboard
 * words it in the owner's language, the CLI in English (server/imports/refusals.ts).
 */
export type ImportRefusal =
  /** No id of its own in the file (WXR wp:comment_id, Disqus dsq:id). */
  | { code: 'noId'; params: Record<string, never> }
  /** Its post or thread has no address; `thread`: the Disqus thread's id, when known. */
  | { code: 'noPage'; params: { thread?: string } }
  /** A status Parley does not know (WXR comment_approved, Isso mode). */
  | { code: 'unknownStatus'; params: { status: string } }
  | { code: 'noDate'; params: Record<string, never> }
  /** A Parley export entry that is not a comment. */
  | { code: 'notAComment'; params: Record<string, never> }
  /** A Parley export comment whose page is not in the file. */
  | { code: 'unknownPage'; params: { page: string } }
  | { code: 'emptyText'; params: Record<string, never> }
  /** Its page address (`url`) is not a URL. */
  | { code: 'badPageUrl'; params: { url: string } };

/**
 * What was wrong with an import (an import error's `detail`: a refused
 * file, too large a file, a bad mapping, a stop part way), as data for the
 * dashboard's words. `error` is a parser's own
 * message, technical and untranslated.
 */
export type ImportFailure =
  | { code: 'notGzip'; params: { error: string } }
  | { code: 'doctype'; params: { line: number; column: number } }
  | { code: 'badXml'; params: { error: string; line: number; column: number } }
  | { code: 'notFormat'; params: { format: ImportFormat } }
  | { code: 'notJson'; params: { error: string } }
  /** A line of a line-per-comment backup (Remark42) that is not a comment. */
  | { code: 'badLine'; params: { line: number } }
  | { code: 'empty'; params: Record<string, never> }
  /** The upload passed the size limit (`import_too_large`), in whole megabytes. */
  | { code: 'tooLarge'; params: { limitMb: number } }
  /** An address mapping that is not old=new with two URLs (`invalid_body` on `mapUrl`). */
  | { code: 'badMapping'; params: { mapping: string } }
  /** The import stopped past its first batch (`internal_error`): what was stored stays. */
  | { code: 'stopped'; params: { batches: number; imported: number; read: number } };

export interface ImportSummary {
  format: ImportFormat;
  dryRun: boolean;
  /** Comments stored (or, in a dry run, that would be). */
  imported: number;
  /** Comments this site already has from an earlier import of the same source. */
  alreadyPresent: number;
  /** Things that are not comments Parley keeps, counted by kind (pingbacks…). */
  skipped: Partial<Record<SkippedKind, number>>;
  refused: { count: number; examples: ({ sourceId: string } & ImportRefusal)[] };
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
  | { type: 'error'; error: { code: string; message: string; detail?: ImportFailure } };
