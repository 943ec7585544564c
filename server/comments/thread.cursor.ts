/**
 * Cursors of the thread listing: an opaque token naming the last comment a
 * page showed, by its place in time order (created_at, id). A keyset, not an
 * offset, so comments arriving meanwhile never shift what the next page
 * holds: nothing is shown twice or skipped.
 */
import { AppError } from '../errors.ts';
import type { Position } from './thread.repository.ts';

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$/;
const ID = /^[A-Za-z0-9_-]{1,32}$/;

export function encodeCursor(at: Position): string {
  return Buffer.from(`${at.createdAt}|${at.id}`).toString('base64url');
}

/** The position a cursor names; 400 for anything this server did not make. */
export function decodeCursor(cursor: string): Position {
  const [createdAt = '', id = '', extra] = Buffer.from(cursor, 'base64url')
    .toString('utf8')
    .split('|');
  if (extra !== undefined || !TIME.test(createdAt) || !ID.test(id)) {
    throw new AppError(400, 'invalid_body', 'That cursor is not one this server gave', 'cursor');
  }
  return { createdAt, id };
}
