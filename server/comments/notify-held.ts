import { listSiteMembers } from '../admin/member.repository.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { notifyModerators } from '../notifications/notify-moderators.ts';
import type { Db } from '../store/db.ts';
import type { CreatedComment } from './comment.service.ts';

/**
 * Emails the site's owners and moderators about a held comment. Runs after
 * the response; a mail failure is logged and never touches the comment.
 */
export function notifyHeld(
  db: Db,
  mailer: Mailer,
  logger: Logger,
  publicUrl: string,
  created: CreatedComment,
): void {
  if (!mailer.enabled || created.status !== 'pending') return;
  const { comment, site } = created;
  void (async () => {
    const members = await listSiteMembers(db, site.id);
    await notifyModerators(mailer, {
      site: { id: site.id, name: site.name },
      comment: {
        id: comment.id,
        html: comment.html,
        authorName: comment.author.name,
        pageUrl: created.pageUrl,
        pageTitle: created.pageTitle,
        reasons: created.reasons,
      },
      moderatorEmails: members.map((m) => m.email),
      publicUrl,
      locale: site.settings.language ?? 'en',
    });
  })().catch((err: unknown) => logger.warn({ err }, 'could not notify moderators'));
}
