/**
 * Reply notifications (issue 12): the boxes of the comment form become
 * subscriptions, confirmed by the address's owner before anything is sent;
 * confirm and unsubscribe links act only with a valid signed token.
 *
 * Who confirms what: a guest confirms every subscription by email (anyone can
 * type any address into the form). A signed-in reader whose provider gave an
 * email confirms it by email once per site; later boxes they tick with the
 * same identity and address are on at once (their session proves it is the
 * same person). A provider that gives no email (X, Facebook as configured)
 * leaves nothing to send to: the box is not offered, and the API answers
 * `unavailable`.
 *
 * Nothing here tells a caller whether an address already has subscriptions
 * or comments: the answer depends only on the request.
 */
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import type { SubscriptionOutcome } from '../../contract/api.ts';
import type { CommentStatus } from '../../contract/dashboard.ts';
import { isLocale, type Locale } from '../../contract/i18n/locales.ts';
import { findPageById } from '../comments/comment.repository.ts';
import { emailTokenMatches, openEmailToken, signEmailToken } from '../email-links/email-token.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { trimSlash } from '../notifications/held-comment.email.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { findSite } from '../sites/site.repository.ts';
import type { Site } from '../sites/site.schema.ts';
import type { SubscriptionRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import { newId } from '../store/ids.ts';
import { confirmEmail, type SubscriptionKind } from './notify.email.ts';
import {
  confirmSubscriptions,
  deleteSubscription,
  findSameSubscription,
  findSubscriptions,
  hasConfirmedForIdentity,
  insertSubscription,
} from './subscription.repository.ts';

export const CONFIRM_PURPOSE = 'subscription.confirm';
export const UNSUBSCRIBE_PURPOSE = 'subscription.unsubscribe';
/** How long a confirmation link works. */
export const CONFIRM_VALID_DAYS = 7;

export interface NotifyDeps {
  readonly mailer: Mailer;
  /** AUTH_SECRET: signs the links. */
  readonly secret: string;
  /** PUBLIC_URL: where the links point. */
  readonly publicUrl: string;
  readonly logger: Logger;
  /** Per address (not per IP): confirmation emails, and notification emails. */
  readonly limits: {
    readonly confirmations: RateLimiterAbstract;
    readonly notifications: RateLimiterAbstract;
  };
}

export interface SubscribeInput {
  readonly site: Site;
  readonly pageId: string;
  readonly comment: { readonly id: string; readonly status: CommentStatus };
  /** The guest's typed address, or the identity's provider email (null: none). */
  readonly email: string | null;
  readonly identityId: string | null;
  readonly locale: Locale;
  readonly wants: { readonly replies: boolean; readonly page: boolean };
}

/**
 * Records what the reader ticked and, when needed, emails the confirmation.
 * Returns what the widget tells the reader.
 */
export async function subscribe(
  db: Db,
  deps: NotifyDeps,
  input: SubscribeInput,
): Promise<SubscriptionOutcome | undefined> {
  const kinds: SubscriptionKind[] = [
    ...(input.wants.replies ? (['replies'] as const) : []),
    ...(input.wants.page ? (['page'] as const) : []),
  ];
  if (kinds.length === 0) return undefined;
  if (!input.email) return 'unavailable';
  const email = input.email.trim().toLowerCase();
  const trusted =
    input.identityId !== null &&
    (await hasConfirmedForIdentity(db, input.site.id, input.identityId, email));
  const outcome: SubscriptionOutcome = trusted ? 'subscribed' : 'confirm_email';
  // A spammer gets the same answer, and nothing is written or sent for them.
  if (input.comment.status === 'spam') return outcome;

  const now = new Date().toISOString();
  const pending: SubscriptionRow[] = [];
  for (const kind of kinds) {
    const commentId = kind === 'replies' ? input.comment.id : null;
    const key = { siteId: input.site.id, pageId: input.pageId, commentId, email };
    const existing = await findSameSubscription(db, key);
    if (existing?.confirmed_at) continue;
    if (existing) {
      pending.push(existing);
      continue;
    }
    const row: SubscriptionRow = {
      id: newId(),
      site_id: input.site.id,
      page_id: input.pageId,
      comment_id: commentId,
      email,
      identity_id: input.identityId,
      locale: input.locale,
      created_at: now,
      confirmed_at: trusted ? now : null,
    };
    await insertSubscription(db, row);
    if (!trusted) pending.push(row);
  }
  if (pending.length > 0) {
    // Not awaited: the comment is stored, and the reader need not wait for SMTP.
    sendConfirmation(db, deps, input.site, email, pending).catch((err: unknown) =>
      deps.logger.warn({ err, site: input.site.id }, 'could not send a confirmation email'),
    );
  }
  return outcome;
}

async function sendConfirmation(
  db: Db,
  deps: NotifyDeps,
  site: Site,
  email: string,
  rows: readonly SubscriptionRow[],
): Promise<void> {
  if (!deps.mailer.enabled) return;
  // Parley must not become a way to flood someone's inbox with confirmations.
  if (!(await allowed(deps.limits.confirmations, email))) {
    deps.logger.info({ site: site.id }, 'confirmation email skipped: too many for this address');
    return;
  }
  const first = rows[0] as SubscriptionRow;
  const page = await findPageById(db, first.page_id);
  const token = signEmailToken(
    deps.secret,
    {
      purpose: CONFIRM_PURPOSE,
      siteId: site.id,
      subject: rows.map((r) => r.id).join(','),
      expiresAt: Date.now() + CONFIRM_VALID_DAYS * 86_400_000,
    },
    email,
  );
  await deps.mailer.send(
    confirmEmail({
      to: email,
      locale: localeOf(first),
      siteName: site.name || site.id,
      pageTitle: page?.title || page?.url || '',
      kinds: rows.map((r) => (r.comment_id ? 'replies' : 'page')),
      confirmUrl: linkUrl(deps.publicUrl, site.id, 'confirm', token),
      validDays: CONFIRM_VALID_DAYS,
    }),
  );
}

/** The unsubscribe link of one subscription (no expiry: old emails keep working). */
export function unsubscribeUrl(
  deps: Pick<NotifyDeps, 'secret' | 'publicUrl'>,
  row: SubscriptionRow,
): string {
  const token = signEmailToken(
    deps.secret,
    { purpose: UNSUBSCRIBE_PURPOSE, siteId: row.site_id, subject: row.id, expiresAt: null },
    row.email,
  );
  return linkUrl(deps.publicUrl, row.site_id, 'unsubscribe', token);
}

function linkUrl(publicUrl: string, siteId: string, action: string, token: string): string {
  return `${trimSlash(publicUrl)}/notify/${encodeURIComponent(siteId)}/${action}?token=${encodeURIComponent(token)}`;
}

export function localeOf(row: Pick<SubscriptionRow, 'locale'>): Locale {
  return isLocale(row.locale) ? row.locale : 'en';
}

/** What a valid link acts on, for its page and its action. */
export interface LinkTarget {
  readonly site: Site;
  readonly rows: readonly SubscriptionRow[];
  readonly pageTitle: string;
  readonly locale: Locale;
}

/**
 * Checks a confirm or unsubscribe token for `siteId` and loads what it acts
 * on. A token that is malformed, signed for another purpose, site, subject
 * or address, or whose subscription is gone, fails the same way (400
 * invalid_token); an expired confirmation says so (410 link_expired).
 */
export async function resolveLink(
  db: Db,
  secret: string,
  siteId: string,
  purpose: typeof CONFIRM_PURPOSE | typeof UNSUBSCRIBE_PURPOSE,
  token: unknown,
): Promise<LinkTarget> {
  const opened = openEmailToken(token, { purpose, siteId });
  if (!opened.ok) {
    if (opened.reason === 'expired') {
      throw new AppError(410, 'link_expired', 'This link has expired');
    }
    throw invalidLink();
  }
  const ids = opened.claims.subject.split(',').slice(0, 2);
  const rows = (await findSubscriptions(db, ids)).filter((r) => r.site_id === siteId);
  const first = rows[0];
  if (!first || !rows.every((r) => r.email === first.email)) throw invalidLink();
  if (!emailTokenMatches(secret, token as string, first.email)) throw invalidLink();
  const site = await findSite(db, siteId);
  if (!site) throw invalidLink();
  const page = await findPageById(db, first.page_id);
  return { site, rows, pageTitle: page?.title || page?.url || '', locale: localeOf(first) };
}

function invalidLink(): AppError {
  return new AppError(400, 'invalid_token', 'This link is not valid (any more)');
}

/** Turns the subscriptions a confirmation link names on (again: idempotent). */
export async function confirmLink(db: Db, target: LinkTarget): Promise<void> {
  await confirmSubscriptions(
    db,
    target.rows.map((r) => r.id),
    new Date().toISOString(),
  );
}

/** Removes the subscription an unsubscribe link names: its row and address are gone. */
export async function unsubscribeLink(db: Db, target: LinkTarget): Promise<void> {
  for (const row of target.rows) await deleteSubscription(db, row.id);
}

/** Consumes one point for `key`; false when its limit is reached. */
export async function allowed(limiter: RateLimiterAbstract, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (err) {
    if (err instanceof RateLimiterRes) return false;
    throw err;
  }
}
