/**
 * Isso's SQLite database (the file named by `dbpath` in isso.cfg), read
 * with node:sqlite, read-only, row by row. Isso keeps the Markdown readers
 * typed; its thread `uri` is a path, placed on the site's first origin.
 * `mode`: 1 published, 2 waiting for moderation, 4 deleted (kept for its replies).
 */

import { statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import type { CommentStatus } from '../../../contract/dashboard.ts';
import type { ReadLimits, SourceItem } from '../import.types.ts';
import { tooLarge } from '../source.ts';
import { malformed } from '../xml-stream.ts';
import { isoFromEpochSeconds } from './dates.ts';

const STATUS: Record<number, CommentStatus> = { 1: 'approved', 2: 'pending', 4: 'approved' };

const QUERY = `
  SELECT c.id, c.parent, c.created, c.mode, c.remote_addr, c.text, c.author, c.email,
         c.website, t.uri, t.title
  FROM comments c JOIN threads t ON t.id = c.tid
  ORDER BY c.id`;

interface IssoRow {
  id: number;
  parent: number | null;
  created: number;
  mode: number;
  remote_addr: string | null;
  text: string | null;
  author: string | null;
  email: string | null;
  website: string | null;
  uri: string;
  title: string | null;
}

export async function* readIsso(path: string, limits: ReadLimits): AsyncGenerator<SourceItem> {
  if (statSync(path).size > limits.maxBytes) throw tooLarge(limits.maxBytes);
  let db: DatabaseSync;
  let rows: Iterator<unknown>;
  try {
    db = new DatabaseSync(path, { readOnly: true });
    rows = db.prepare(QUERY).iterate();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw malformed(
      { code: 'notFormat', params: { format: 'isso' } },
      `This is not an Isso database (${why})`,
    );
  }
  try {
    for (let next = rows.next(); !next.done; next = rows.next()) {
      yield toItem(next.value as IssoRow);
    }
  } finally {
    db.close();
  }
}

function toItem(row: IssoRow): SourceItem {
  const sourceId = String(row.id);
  const status = STATUS[row.mode];
  if (!status) {
    return {
      kind: 'refuse',
      sourceId,
      code: 'unknownStatus',
      params: { status: String(row.mode) },
    };
  }
  const createdAt = isoFromEpochSeconds(row.created);
  if (!createdAt) return { kind: 'refuse', sourceId, code: 'noDate', params: {} };
  return {
    kind: 'comment',
    comment: {
      sourceId,
      parentSourceId: row.parent == null ? null : String(row.parent),
      page: { url: row.uri, title: row.title ?? '' },
      author: {
        name: row.author ?? '',
        email: row.email || null,
        url: row.website || null,
        ip: row.remote_addr || null,
      },
      body: { markdown: row.text ?? '' },
      status,
      createdAt,
      deleted: row.mode === 4,
    },
  };
}
