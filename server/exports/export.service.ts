/**
 * A site's comments as a file (issue 12): Parley's JSON (pages, comments
 * with thread, status and dates, settings) or WordPress's WXR 1.2. Written
 * in pieces through `write`, a page of the site at a time, so a big site
 * streams out. Exports hold commenters' emails and IP addresses: only a
 * site's owners get them (the dashboard route checks), never password
 * hashes, tokens or the Akismet key.
 */
import { EXPORT_FORMATS, type ExportFormat } from '../../contract/imports.ts';
import { requireSite } from '../sites/site.service.ts';
import type { Db } from '../store/db.ts';
import { listPageComments, listPagesAfter } from './export.repository.ts';
import { jsonComment, jsonHead, jsonPage } from './json-export.ts';
import { WXR_TAIL, wxrHead, wxrItem } from './wxr-export.ts';

export { EXPORT_FORMATS, type ExportFormat };

/** Pages read per query. */
const PAGE_BATCH = 200;

export interface ExportCounts {
  pages: number;
  comments: number;
}

/** Where the export goes; awaiting it is the back-pressure. */
export type ExportSink = (chunk: string) => Promise<void> | void;

/** A file name for the download: `parley-<site>-<date>.<ext>`. */
export function exportFileName(siteId: string, format: ExportFormat, now = new Date()): string {
  return `parley-${siteId}-${now.toISOString().slice(0, 10)}.${format === 'json' ? 'json' : 'xml'}`;
}

/** Writes the site's export through `write`; resolves with what it held. */
export async function exportSite(
  db: Db,
  siteId: string,
  format: ExportFormat,
  write: ExportSink,
): Promise<ExportCounts> {
  const site = await requireSite(db, siteId);
  const exportedAt = new Date().toISOString();
  const counts: ExportCounts = { pages: 0, comments: 0 };
  if (format === 'wxr') {
    await write(wxrHead(site, exportedAt));
    let commentId = 0;
    for await (const page of eachPage(db, siteId)) {
      const comments = await listPageComments(db, page.id);
      counts.pages++;
      counts.comments += comments.length;
      await write(wxrItem(page, counts.pages, comments, () => ++commentId));
    }
    await write(WXR_TAIL);
    return counts;
  }
  // JSON: the pages first, then the comments of each page in turn (parents before replies).
  await write(jsonHead(site, exportedAt));
  for await (const page of eachPage(db, siteId)) {
    await write(`${counts.pages === 0 ? '\n' : ',\n'}${JSON.stringify(jsonPage(page))}`);
    counts.pages++;
  }
  await write('\n],\n"comments":[');
  for await (const page of eachPage(db, siteId)) {
    for (const row of await listPageComments(db, page.id)) {
      await write(
        `${counts.comments === 0 ? '\n' : ',\n'}${JSON.stringify(jsonComment(row, page.page_key))}`,
      );
      counts.comments++;
    }
  }
  await write('\n]}\n');
  return counts;
}

async function* eachPage(db: Db, siteId: string) {
  let after: string | null = null;
  for (;;) {
    const pages = await listPagesAfter(db, siteId, after, PAGE_BATCH);
    yield* pages;
    if (pages.length < PAGE_BATCH) return;
    after = pages.at(-1)?.page_key ?? null;
  }
}
