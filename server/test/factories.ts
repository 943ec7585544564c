/**
 * Small factories for tests: rows as the app would have stored them, made
 * directly so a test can start from the state it needs.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { CommentStatus } from '../../contract/dashboard.ts';
import type { ProviderId } from '../../contract/providers.ts';
import { openSession } from '../auth/session.service.ts';
import { completeLoginTicket, createLoginTicket } from '../auth/ticket.service.ts';
import { requireSite } from '../sites/site.service.ts';
import type { IdentityRow } from '../store/database.ts';
import type { Db } from '../store/db.ts';
import { newId } from '../store/ids.ts';

/** A guest's comment on a page of its own, stored without the pipeline; returns its id. */
export async function buildComment(
  db: Db,
  input: {
    site: string;
    /** The page's thread id; default one of its own. */
    pageKey?: string;
    status?: CommentStatus;
    body?: string;
    name?: string;
    email?: string;
    ip?: string;
    userAgent?: string | null;
    /** As stored: codes (ModerationReason), or the English prose rows held before codes. */
    reasons?: object[];
  },
): Promise<string> {
  const now = new Date().toISOString();
  const pageId = newId();
  const body = input.body ?? 'Seeded comment';
  await db
    .insertInto('pages')
    .values({
      id: pageId,
      site_id: input.site,
      page_key: input.pageKey ?? `${input.site}-${pageId}`,
      url: `https://${input.site}.example/p`,
      title: 'P',
      created_at: now,
    })
    .execute();
  const id = newId();
  await db
    .insertInto('comments')
    .values({
      id,
      site_id: input.site,
      page_id: pageId,
      parent_id: null,
      root_id: id,
      depth: 1,
      body_source: body,
      body_html: `<p>${body}</p>`,
      author_name: input.name ?? 'Guest',
      author_email: input.email ?? 'guest@example.com',
      author_url: null,
      author_provider: 'guest',
      status: input.status ?? 'approved',
      ip: input.ip ?? '203.0.113.9',
      user_agent: input.userAgent ?? null,
      created_at: now,
      updated_at: now,
      identity_id: null,
      author_avatar_url: null,
      moderation_reasons: input.reasons ? JSON.stringify(input.reasons) : null,
    })
    .execute();
  return id;
}

/** A reader signed in on a site (through a completed, redeemed ticket) and their access token. */
export async function signInReader(
  db: Db,
  authSecret: string,
  input: {
    siteId: string;
    providerUserId: string;
    displayName: string;
    provider?: ProviderId;
    avatarUrl?: string;
    /** The address the provider gave (WordPress.com does); default none. */
    email?: string | null;
  },
): Promise<{ identity: IdentityRow; token: string }> {
  const provider = input.provider ?? 'twitter';
  const ticket = await createLoginTicket(db, {
    site: await requireSite(db, input.siteId),
    provider,
    challenge: createHash('sha256')
      .update(randomBytes(32).toString('base64url'))
      .digest('base64url'),
    change: false,
    returnUrl: null,
  });
  const { identity } = await completeLoginTicket(
    db,
    ticket.id,
    {
      provider,
      providerUserId: input.providerUserId,
      displayName: input.displayName,
      username: null,
      avatarUrl: input.avatarUrl ?? null,
      profileUrl: null,
      email: input.email ?? null,
    },
    authSecret,
  );
  const { session } = await openSession(db, authSecret, {
    identityId: identity.id,
    siteId: input.siteId,
  });
  return { identity, token: session.accessToken };
}
