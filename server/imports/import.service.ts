/**
 * Imports another system's comments into a site (issue 12). The file is
 * read twice, both times as a stream: first to check that it parses (a
 * malformed file changes nothing) and to count its comments, then to store
 * them in batches of `batchSize`, one short transaction each, so the store
 * stays usable for other sites while a big import runs. Every comment keeps
 * an import key (format + its id there): importing the same file again adds
 * nothing, and an import that stopped resumes where it was when run again.
 * Imported comments keep their dates, thread and status from the source and
 * never go through the spam pipeline; their text is rendered by Parley.
 */

import type { ImportProgress, ImportRefusal, ImportSummary } from '../../contract/imports.ts';
import { withoutUnsafeChars } from '../../contract/unsafe-chars.ts';
import { backfillAvatarKeys } from '../avatars/avatar-backfill.ts';
import { NO_AUTHOR } from '../comments/comment.repository.ts';
import { renderCommentBody } from '../comments/render.ts';
import { AppError } from '../errors.ts';
import { writeTransaction } from '../events/transaction.ts';
import { ensurePage, findPage } from '../pages/page.repository.ts';
import type { Site } from '../sites/site.schema.ts';
import { isOnSiteOrigins, requireSite } from '../sites/site.service.ts';
import type { NewComment } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import { newId } from '../store/ids.ts';
import { announceImportedPages } from './announce.ts';
import { READERS } from './formats/index.ts';
import { htmlToSource } from './html-to-source.ts';
import {
  findCommentPlace,
  findImportedComment,
  findImportedIds,
  insertImportedComment,
  listWaitingReplies,
  settleWaitingReply,
} from './import.repository.ts';
import { IMPORT_FORMATS, type ImportFormat, type SourceComment } from './import.types.ts';

export type { ImportProgress, ImportSummary };

export const DEFAULT_BATCH_SIZE = 500;
/** The largest file the CLI takes unless told otherwise (decompressed). */
export const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024;
/** How many refusals the summary lists one by one (all are counted). */
const REFUSALS_LISTED = 20;

/** `--map-url old=new`: page URLs starting with `from` start with `to` instead. */
export interface UrlMapping {
  from: string;
  to: string;
}

export interface ImportOptions {
  siteId: string;
  format: string;
  path: string;
  dryRun?: boolean;
  mapUrls?: UrlMapping[];
  batchSize?: number;
  maxBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * The server's AUTH_SECRET: imported comments get their Parley-served
   * pictures (avatar keys) at once instead of at the server's next start.
   */
  avatarSecret?: string;
}

/** Thrown past the first batch: what was stored stays, and running the import again resumes. */
function stoppedError(summary: ImportSummary, read: number, cause: unknown): AppError {
  const why = cause instanceof Error ? cause.message : String(cause);
  return new AppError(
    500,
    'internal_error',
    `The import stopped after ${summary.batches} batches (${summary.imported} comments stored, ` +
      `${read} read): ${why}. Run the same import again to resume: comments already imported are skipped.`,
  ).withDetail({
    code: 'stopped',
    params: { batches: summary.batches, imported: summary.imported, read },
  });
}

export function isImportFormat(format: string): format is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(format);
}

/** Imports the file; resolves with the summary, or throws an AppError saying what is wrong. */
export async function importComments(db: Db, options: ImportOptions): Promise<ImportSummary> {
  const { format } = options;
  if (!isImportFormat(format)) {
    throw new AppError(
      400,
      'unknown_import_format',
      `Unknown import format "${format}": use one of ${IMPORT_FORMATS.join(', ')}`,
    );
  }
  const site = await requireSite(db, options.siteId);
  const read = READERS[format];
  const limits = { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES };
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const report = options.onProgress ?? (() => {});
  const summary: ImportSummary = {
    format,
    dryRun: options.dryRun === true,
    imported: 0,
    alreadyPresent: 0,
    skipped: {},
    refused: { count: 0, examples: [] },
    offOrigin: 0,
    batches: 0,
  };
  const progress = (phase: ImportProgress['phase'], count: number, total: number | null) =>
    report({
      phase,
      read: count,
      total,
      imported: summary.imported,
      alreadyPresent: summary.alreadyPresent,
      batches: summary.batches,
    });

  // Pass 1: the whole file parses, or nothing is written.
  let total = 0;
  for await (const item of read(options.path, limits)) {
    if (item.kind !== 'comment') continue;
    total++;
    if (total % batchSize === 0) progress('checking', total, null);
  }
  progress('checking', total, total);

  // Pass 2: store in batches.
  const writer = new BatchWriter(db, site, format, options.mapUrls ?? [], summary);
  let count = 0;
  let batch: SourceComment[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    try {
      await writer.write(batch);
    } catch (err) {
      if (summary.batches === 0 || summary.dryRun) throw err;
      throw stoppedError(summary, count, err);
    }
    batch = [];
    progress('importing', count, total);
  };
  for await (const item of read(options.path, limits)) {
    if (item.kind === 'skip')
      summary.skipped[item.reason] = (summary.skipped[item.reason] ?? 0) + 1;
    else if (item.kind === 'refuse') {
      const { kind: _, ...refusal } = item;
      refuse(summary, refusal);
    } else {
      count++;
      batch.push(item.comment);
      if (batch.length >= batchSize) await flush();
    }
  }
  await flush();
  if (!summary.dryRun) await settleWaitingReplies(db, site, format, batchSize);
  if (!summary.dryRun && options.avatarSecret !== undefined) {
    await backfillAvatarKeys(db, options.avatarSecret);
  }
  return summary;
}

function refuse(
  summary: ImportSummary,
  refusal: ImportSummary['refused']['examples'][number],
): void {
  summary.refused.count++;
  if (summary.refused.examples.length < REFUSALS_LISTED) summary.refused.examples.push(refusal);
}

interface Placed {
  id: string;
  page_id: string;
  depth: number;
  parent_id: string | null;
  /** Its thread's top-level comment (the read path pages by it). */
  root_id: string;
}

/** Stores one batch at a time; remembers nothing across batches but a few page ids. */
class BatchWriter {
  readonly #db: Db;
  readonly #site: Site;
  readonly #source: string;
  readonly #maps: UrlMapping[];
  readonly #summary: ImportSummary;
  /** Page key → page id, for the pages of the current batch. */
  #pages = new Map<string, string>();

  constructor(db: Db, site: Site, source: string, maps: UrlMapping[], summary: ImportSummary) {
    this.#db = db;
    this.#site = site;
    this.#source = source;
    this.#maps = maps;
    this.#summary = summary;
  }

  async write(batch: SourceComment[]): Promise<void> {
    if (this.#summary.dryRun) {
      await this.#store(this.#db, batch, false);
      this.#summary.batches++;
      return;
    }
    await writeTransaction(this.#db, async (trx) => {
      const pageKeys = await this.#store(trx, batch, true);
      await announceImportedPages(trx, this.#site.id, pageKeys);
    });
    this.#summary.batches++;
    this.#pages.clear();
  }

  /** Stores (or, for a dry run, only checks) a batch; returns the keys of the pages it wrote to. */
  async #store(db: Db, batch: SourceComment[], write: boolean): Promise<string[]> {
    const siteId = this.#site.id;
    const present = await findImportedIds(
      db,
      siteId,
      this.#source,
      batch.map((c) => c.sourceId),
    );
    // Replies whose parent is earlier in this same batch find it here.
    const placed = new Map<string, Placed>();
    const pageKeys = new Set<string>();
    for (const comment of batch) {
      if (present.has(comment.sourceId)) {
        this.#summary.alreadyPresent++;
        continue;
      }
      present.add(comment.sourceId);
      const refusal = whyRefused(comment);
      if (refusal) {
        refuse(this.#summary, { sourceId: comment.sourceId, ...refusal });
        continue;
      }
      const pageUrl = this.#pageUrl(comment.page.url);
      if (!pageUrl) {
        refuse(this.#summary, {
          sourceId: comment.sourceId,
          code: 'badPageUrl',
          params: { url: comment.page.url },
        });
        continue;
      }
      if (!isOnSiteOrigins(this.#site, pageUrl)) this.#summary.offOrigin++;
      this.#summary.imported++;
      if (!write) continue;

      const pageKey = comment.page.key ? this.#mapped(comment.page.key) : pageUrl;
      const pageId = await this.#pageId(db, pageKey, pageUrl, comment.page.title);
      pageKeys.add(pageKey);
      const parent = await this.#parent(db, comment, pageId, placed);
      const row = toRow(comment, { siteId, pageId, parent });
      await insertImportedComment(db, row, {
        source: this.#source,
        sourceId: comment.sourceId,
        waitingForParent: parent === 'waiting' ? comment.parentSourceId : null,
      });
      placed.set(comment.sourceId, {
        id: row.id,
        page_id: pageId,
        depth: row.depth,
        parent_id: row.parent_id ?? null,
        root_id: row.root_id,
      });
    }
    return [...pageKeys];
  }

  #mapped(url: string): string {
    for (const { from, to } of this.#maps) {
      if (url.startsWith(from)) return to + url.slice(from.length);
    }
    return url;
  }

  /** The page's address after --map-url, absolute (a path is on the site's first origin), no fragment. */
  #pageUrl(raw: string): string | null {
    const mapped = this.#mapped(raw.trim());
    const url = URL.parse(mapped, this.#site.origins[0]);
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
    url.hash = '';
    return url.href;
  }

  async #pageId(db: Db, pageKey: string, url: string, title: string): Promise<string> {
    const cached = this.#pages.get(pageKey);
    if (cached) return cached;
    const page =
      (await findPage(db, this.#site.id, pageKey)) ??
      (await ensurePage(db, {
        siteId: this.#site.id,
        pageKey,
        url,
        title: withoutUnsafeChars(title).slice(0, 500),
      }));
    this.#pages.set(pageKey, page.id);
    return page.id;
  }

  /**
   * Where a reply hangs: under its parent when that is on the same page
   * (climbing past the site's reply depth as the widget does), top-level when
   * the parent is elsewhere or gone, 'waiting' when it is later in the file.
   */
  async #parent(
    db: Db,
    comment: SourceComment,
    pageId: string,
    placed: Map<string, Placed>,
  ): Promise<Placed | null | 'waiting'> {
    if (!comment.parentSourceId) return null;
    const parent =
      placed.get(comment.parentSourceId) ??
      (await findImportedComment(db, this.#site.id, this.#source, comment.parentSourceId));
    if (!parent) {
      // Never imported, or imported then removed by a moderator: is its key there?
      const known = await findImportedIds(db, this.#site.id, this.#source, [
        comment.parentSourceId,
      ]);
      return known.size > 0 ? null : 'waiting';
    }
    if (parent.page_id !== pageId) return null;
    return climbToDepth(db, parent, this.#site.settings.maxDepth);
  }
}

async function climbToDepth(db: Db, start: Placed, maxDepth: number): Promise<Placed | null> {
  let parent: Placed = start;
  while (parent.depth >= maxDepth && parent.parent_id) {
    const up = await findCommentPlace(db, parent.parent_id);
    if (!up) break;
    parent = up;
  }
  return parent.depth < maxDepth ? parent : null;
}

function whyRefused(comment: SourceComment): ImportRefusal | null {
  if (comment.deleted) return null;
  const body = 'html' in comment.body ? comment.body.html : comment.body.markdown;
  return body.trim() ? null : { code: 'emptyText', params: {} };
}

const HTTP_URL = /^https?:\/\//i;

function toRow(
  comment: SourceComment,
  where: { siteId: string; pageId: string; parent: Placed | null | 'waiting' },
): NewComment {
  const parent = where.parent === 'waiting' ? null : where.parent;
  const extra = comment.parley;
  const id = newId();
  const base = {
    id,
    site_id: where.siteId,
    page_id: where.pageId,
    parent_id: parent?.id ?? null,
    // A reply waiting for its parent is top-level until settleWaitingReplies places it.
    root_id: parent?.root_id ?? id,
    depth: parent ? parent.depth + 1 : 1,
    status: comment.status,
    created_at: comment.createdAt,
    updated_at: extra?.updatedAt ?? comment.createdAt,
    // Imported authors are never signed in here: no identity to link to.
    identity_id: null,
    moderation_reasons: null,
    author_key_hash: null,
    edited_at: extra?.editedAt ?? null,
  };
  if (comment.deleted) {
    // What the author deleted stays deleted: only its place in the thread is kept.
    return {
      ...base,
      body_source: '',
      body_html: '',
      author_name: '',
      author_email: null,
      author_url: null,
      author_provider: 'guest',
      author_avatar_url: null,
      ip: null,
      user_agent: null,
      deleted_at: extra?.deletedAt ?? comment.createdAt,
    };
  }
  const source = withoutUnsafeChars(
    'html' in comment.body ? htmlToSource(comment.body.html) : comment.body.markdown,
  );
  const { author } = comment;
  const url = author.url?.trim() ?? '';
  const name = withoutUnsafeChars(author.name).trim().slice(0, 100);
  // Nameless: in Parley's own export, nobody behind it (NO_AUTHOR) unless it
  // says anonymous; from another platform, anonymous. Readers' words name both.
  const anonymous = name === '' && (extra ? extra.anonymous === true : true);
  // Nobody: NO_AUTHOR's whole shape, which is what the API presents as
  // `author.deleted` (no picture drawn for it, nothing of a person kept).
  if (name === '' && !anonymous) {
    return {
      ...base,
      body_source: source,
      body_html: renderCommentBody(source),
      ...NO_AUTHOR,
      deleted_at: null,
    };
  }
  return {
    ...base,
    body_source: source,
    body_html: renderCommentBody(source),
    author_name: name,
    author_anonymous: anonymous ? 1 : 0,
    author_email: author.email?.trim().toLowerCase().slice(0, 254) || null,
    author_url: HTTP_URL.test(url) && URL.canParse(url) ? url.slice(0, 500) : null,
    author_provider: extra?.provider ?? 'guest',
    author_avatar_url: extra?.avatarUrl && HTTP_URL.test(extra.avatarUrl) ? extra.avatarUrl : null,
    ip: author.ip?.trim().slice(0, 64) || null,
    user_agent: extra?.userAgent ?? null,
    deleted_at: null,
  };
}

/** Replies that came before their parent in the file find it now that everything is stored. */
async function settleWaitingReplies(
  db: Db,
  site: Site,
  source: string,
  pageSize: number,
): Promise<void> {
  let after = '';
  for (;;) {
    const waiting = await listWaitingReplies(db, site.id, source, pageSize, after);
    if (waiting.length === 0) return;
    await writeTransaction(db, async (trx) => {
      const moved = new Set<string>();
      for (const reply of waiting) {
        const me = await findCommentPlace(trx, reply.commentId);
        const parent = await findImportedComment(trx, site.id, source, reply.parentSourceId);
        const under =
          me && parent && parent.page_id === me.page_id
            ? await climbToDepth(trx, parent, site.settings.maxDepth)
            : null;
        await settleWaitingReply(
          trx,
          { siteId: site.id, source, sourceId: reply.sourceId },
          me && under
            ? {
                commentId: me.id,
                parentId: under.id,
                depth: under.depth + 1,
                rootId: under.root_id,
              }
            : null,
        );
        if (me && under) moved.add(me.page_key);
      }
      await announceImportedPages(trx, site.id, moved);
    });
    after = waiting.at(-1)?.sourceId ?? after;
  }
}
