import { PostgresAdapter, sql } from 'kysely';
import { NO_AVATAR } from '../avatars/avatar-source.ts';
import type { CommentRow, NewComment, PageRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import { prepared } from '../store/prepared.ts';

export async function findComment(db: Db, id: string): Promise<CommentRow | undefined> {
  return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The status of the comment a reply is about to hang under, read in the
 * reply's own write transaction and, on PostgreSQL, locked against deletion
 * until it commits (FOR SHARE). Without it, a parent deleted between the
 * reply's checks and its insert failed the insert's foreign key: a 500.
 * SQLite's one connection already serialises the transaction.
 */
export async function lockParentStatus(
  db: Db,
  id: string,
): Promise<Pick<CommentRow, 'status'> | undefined> {
  const query = db.selectFrom('comments').select('status').where('id', '=', id);
  return (
    db.getExecutor().adapter instanceof PostgresAdapter ? query.forShare() : query
  ).executeTakeFirst();
}

// Every guest post runs this file's insert and two moderation reads:
// compiled once (store/prepared.ts).
const insertCommentRow = prepared((db, v: NewComment) => db.insertInto('comments').values(v));

/**
 * Stores a new comment; returns its row as stored. Built from what was
 * inserted, not read back: on SQLite a RETURNING clause made the insert
 * journal every page it changed once more (a statement journal inside the
 * write's savepoint; docs/performance.md, "Session 19: the store side").
 */
export async function insertComment(db: Db, comment: NewComment): Promise<CommentRow> {
  const stored = storable(comment);
  await insertCommentRow(db, stored);
  return storedComment(stored);
}

/**
 * The comment with each text as both dialects can store and give back:
 * - a lone UTF-16 surrogate (valid in a JSON string, as `\ud800`) is stored
 *   as U+FFFD (text is UTF-8), as toWellFormed() makes it;
 * - U+0000 is refused by PostgreSQL (a 500) and cuts the text short when
 *   node:sqlite reads it back: U+FFFD instead, as CommonMark has it.
 * Without this the row built below (the 201, the event, the cache) kept
 * what the store never held. The comment as given when every text is fine.
 */
function storable(comment: NewComment): NewComment {
  let copy: Record<string, unknown> | undefined;
  // for-in, not Object.entries: no array per post (~0.45 µs against ~0.8-1.7).
  for (const key in comment) {
    const value = (comment as Record<string, unknown>)[key];
    if (typeof value === 'string' && (!value.isWellFormed() || value.includes('\u0000'))) {
      copy ??= { ...comment };
      copy[key] = value.toWellFormed().replaceAll('\u0000', '\ufffd');
    }
  }
  return (copy as NewComment | undefined) ?? comment;
}

/** The row a comment insert stores: each column as given, else its default (the migrations'). */
function storedComment(c: NewComment): CommentRow {
  return {
    id: c.id,
    site_id: c.site_id,
    page_id: c.page_id,
    parent_id: c.parent_id ?? null,
    root_id: c.root_id,
    depth: c.depth,
    body_source: c.body_source,
    body_html: c.body_html,
    author_name: c.author_name,
    author_email: c.author_email ?? null,
    author_url: c.author_url ?? null,
    author_provider: c.author_provider,
    author_anonymous: c.author_anonymous ?? 0,
    status: c.status ?? 'approved',
    ip: c.ip ?? null,
    user_agent: c.user_agent ?? null,
    created_at: c.created_at,
    updated_at: c.updated_at,
    identity_id: c.identity_id ?? null,
    author_avatar_url: c.author_avatar_url ?? null,
    moderation_reasons: c.moderation_reasons ?? null,
    author_key_hash: c.author_key_hash ?? null,
    edited_at: c.edited_at ?? null,
    deleted_at: c.deleted_at ?? null,
    avatar_key: c.avatar_key ?? null,
  };
}

/** The query of hasReplies (its plan is checked in thread.plans.test.ts). */
export function repliesQuery(db: Db, id: string) {
  return db.selectFrom('comments').select('id').where('parent_id', '=', id);
}

/** Whether any comment (of any status) replies to this one. */
export async function hasReplies(db: Db, id: string): Promise<boolean> {
  return (await repliesQuery(db, id).executeTakeFirst()) !== undefined;
}

/** Stores an edit: the new text, its rendering, the pipeline's new verdict. */
export async function updateCommentBody(
  db: Db,
  id: string,
  change: Pick<
    CommentRow,
    'body_source' | 'body_html' | 'status' | 'moderation_reasons' | 'edited_at' | 'updated_at'
  >,
): Promise<CommentRow> {
  await db.updateTable('comments').set(change).where('id', '=', id).execute();
  const row = await findComment(db, id);
  if (!row) throw new Error('comment vanished right after it was edited');
  return row;
}

/**
 * Turns a comment into the placeholder of a deleted one: no text and nothing
 * of its author (nor their IP, browser or key), only its place in the thread.
 */
/**
 * A comment's author fields once nobody is behind it (deleted, anonymised,
 * erased): nothing that points at a person, no picture, no request data, and
 * no name. The empty name is the mark: the API says `author.deleted` and each
 * reader's language names it (issue 11), never one language's words stored.
 */
export const NO_AUTHOR = {
  author_name: '',
  author_anonymous: 0,
  author_email: null,
  author_url: null,
  author_avatar_url: null,
  author_provider: 'guest',
  identity_id: null,
  author_key_hash: null,
  avatar_key: NO_AVATAR,
  ip: null,
  user_agent: null,
} as const;

/** Every comment of an identity, on every site, kept with nobody behind it; returns how many. */
export async function anonymiseIdentityComments(db: Db, identityId: string): Promise<number> {
  const updated = await db
    .updateTable('comments')
    .set(NO_AUTHOR)
    .where('identity_id', '=', identityId)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows);
}

export async function blankComment(db: Db, id: string, now: string): Promise<void> {
  await db
    .updateTable('comments')
    .set({
      ...NO_AUTHOR,
      deleted_at: now,
      updated_at: now,
      body_source: '',
      body_html: '',
    })
    .where('id', '=', id)
    .execute();
}

export async function removeComment(db: Db, id: string): Promise<void> {
  await db.deleteFrom('comments').where('id', '=', id).execute();
}

/** The page a comment is on (its URL and title go to the moderation pipeline). */
export async function findPageById(db: Db, pageId: string): Promise<PageRow | undefined> {
  return db.selectFrom('pages').selectAll().where('id', '=', pageId).executeTakeFirst();
}

/** How the pipeline recognises an author: their identity when signed in, else their email. */
export type AuthorMatch = { identityId: string } | { email: string };

function authorColumn(author: AuthorMatch) {
  return 'identityId' in author
    ? { column: 'identity_id' as const, value: author.identityId }
    : { column: 'author_email' as const, value: author.email.toLowerCase() };
}

interface SameTextValues {
  pageId: string;
  /** The author's identity id or (lower-cased) email, per the column. */
  author: string;
  body: string;
  since: string;
  excludeId?: string | undefined;
}

/** What hasRecentSameText asks (its plan is checked in thread.plans.test.ts). */
export function recentSameTextQuery(
  db: Db,
  query: { pageId: string; author: AuthorMatch; body: string; since: string; excludeId?: string },
) {
  const author = authorColumn(query.author);
  return sameTextSelect(db, author.column, { ...query, author: author.value });
}

function sameTextSelect(db: Db, column: 'identity_id' | 'author_email', query: SameTextValues) {
  let select = db
    .selectFrom('comments')
    .select('id')
    .where('page_id', '=', query.pageId)
    .where(column, '=', query.author)
    // Narrows the author's comments on the page to those starting alike
    // through their index (2026-11-30T0120-duplicate-check-text), instead of
    // reading each one's whole text; implied by the equality below. Written
    // exactly as the index's expression: SQLite matches it by its text.
    .where(sql`substr(body_source, 1, 64)`, '=', sql<string>`substr(${query.body}, 1, 64)`)
    .where('body_source', '=', query.body)
    // A literal, not a parameter: with a parameter where a partial index's
    // condition has a literal (comments_site_held's status <> 'approved'),
    // SQLite prepares the statement again at every run to see whether the
    // value lets it use that index (~40 µs a guest post under load).
    .where('status', '!=', sql.lit('trash'))
    .where('created_at', '>', query.since);
  if (query.excludeId !== undefined) select = select.where('id', '!=', query.excludeId);
  return select;
}

/**
 * Whether this author posted exactly this text on the page (in any status but
 * trash) since `since`; `excludeId` leaves out the comment being edited.
 */
export async function hasRecentSameText(
  db: Db,
  query: { pageId: string; author: AuthorMatch; body: string; since: string; excludeId?: string },
): Promise<boolean> {
  const author = authorColumn(query.author);
  const run = author.column === 'author_email' ? sameTextByEmail : sameTextByIdentity;
  return (await run(db, { ...query, author: author.value })).length > 0;
}
const sameTextByEmail = prepared((db, v: SameTextValues) => sameTextSelect(db, 'author_email', v));
const sameTextByIdentity = prepared((db, v: SameTextValues) =>
  sameTextSelect(db, 'identity_id', v),
);

/** Whether this author has an approved comment anywhere on the site. */
export async function hasApprovedComment(
  db: Db,
  siteId: string,
  author: AuthorMatch,
): Promise<boolean> {
  const match = authorColumn(author);
  const run = match.column === 'author_email' ? approvedByEmail : approvedByIdentity;
  return (await run(db, { siteId, author: match.value })).length > 0;
}
function approvedSelect(
  db: Db,
  column: 'identity_id' | 'author_email',
  v: { siteId: string; author: string },
) {
  return db
    .selectFrom('comments')
    .select('id')
    .where('site_id', '=', v.siteId)
    .where(column, '=', v.author)
    .where('status', '=', 'approved');
}
const approvedByEmail = prepared((db, v: { siteId: string; author: string }) =>
  approvedSelect(db, 'author_email', v),
);
const approvedByIdentity = prepared((db, v: { siteId: string; author: string }) =>
  approvedSelect(db, 'identity_id', v),
);

/** Who wrote one of the site's comments (for a ban), or undefined for another site's. */
export async function findCommentAuthor(
  db: Db,
  siteId: string,
  id: string,
): Promise<
  Pick<CommentRow, 'identity_id' | 'author_email' | 'author_name' | 'author_provider'> | undefined
> {
  return db
    .selectFrom('comments')
    .select(['identity_id', 'author_email', 'author_name', 'author_provider'])
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The site's comments among `ids` whose status is not `status`, with their page (to announce a change). */
export async function listStatusChanges(
  db: Db,
  siteId: string,
  ids: readonly string[],
  status: CommentRow['status'],
) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('comments as c')
    .innerJoin('pages as p', 'p.id', 'c.page_id')
    .selectAll('c')
    .select(['p.page_key', 'p.url as page_url', 'p.title as page_title'])
    .where('c.site_id', '=', siteId)
    .where('c.id', 'in', [...ids])
    .where('c.status', '!=', status)
    .execute();
}

/** The pages an identity commented on (to announce that they changed). */
export async function listPagesCommentedBy(
  db: Db,
  identityId: string,
): Promise<{ site_id: string; page_key: string }[]> {
  return db
    .selectFrom('comments as c')
    .innerJoin('pages as p', 'p.id', 'c.page_id')
    .select(['p.site_id', 'p.page_key'])
    .distinct()
    .where('c.identity_id', '=', identityId)
    .execute();
}
