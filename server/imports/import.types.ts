/**
 * What every import format yields, one item at a time, so the service can
 * store them in bounded batches whatever the source looks like.
 */
import type { CommentStatus } from '../../contract/dashboard.ts';
import type { ImportRefusal, SkippedKind } from '../../contract/imports.ts';

export { IMPORT_FORMATS, type ImportFormat } from '../../contract/imports.ts';

/** A comment as the source had it, before Parley renders or stores anything. */
export interface SourceComment {
  /** The source's own id; with the format it makes re-imports idempotent. */
  sourceId: string;
  /** The source id of the comment this replies to, if any. */
  parentSourceId: string | null;
  /** `key` when the source knows the thread id (Parley's own export); else the URL is the key. */
  page: { url: string; title: string; key?: string };
  author: { name: string; email: string | null; url: string | null; ip: string | null };
  /** HTML (WordPress, Disqus, Remark42) is converted to text first; Markdown is taken as is. */
  body: { html: string } | { markdown: string };
  status: CommentStatus;
  /** ISO 8601 UTC. */
  createdAt: string;
  /** The source shows it as deleted: imported as a placeholder without text or author. */
  deleted: boolean;
  /** What only Parley's own export carries, kept so a round trip loses nothing. */
  parley?: {
    updatedAt: string;
    editedAt: string | null;
    deletedAt: string | null;
    userAgent: string | null;
    provider: string;
    avatarUrl: string | null;
    /** A nameless author imported from elsewhere before (`author.anonymous`), not nobody. */
    anonymous?: boolean;
  };
}

/** One thing read from the source. */
export type SourceItem =
  | { kind: 'comment'; comment: SourceComment }
  /** Not a comment Parley keeps (a pingback, a trackback): counted by reason. */
  | { kind: 'skip'; reason: SkippedKind }
  /** A comment that can't be imported (no date, no page…), with why. */
  | ({ kind: 'refuse'; sourceId: string } & ImportRefusal);

/** Reads a file of one format, item by item, in the order of the file. */
export type FormatReader = (path: string, limits: ReadLimits) => AsyncIterable<SourceItem>;

export interface ReadLimits {
  /** Refuse a file (or its decompressed content) larger than this. */
  maxBytes: number;
}
