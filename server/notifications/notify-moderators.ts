import { type HeldCommentEmailInput, heldCommentEmail } from './held-comment.email.ts';
import type { Mailer } from './mailer.ts';

/**
 * Emails each moderator about a held comment. Resolves once every message has
 * been handed to the SMTP server or failed (failures are logged by the
 * mailer); never rejects, so it is safe to call from the comment path without
 * a try/catch, awaited or not.
 *
 * One message per moderator rather than one with BCC: each moderator sees their
 * own address in To (a BCC-only message with an empty or self-addressed To
 * looks like spam to filters), no moderator learns the others' addresses, and a
 * refused address is logged on its own message.
 */
export async function notifyModerators(
  mailer: Mailer,
  input: HeldCommentEmailInput,
): Promise<void> {
  if (!mailer.enabled || input.moderatorEmails.length === 0) return;
  const email = heldCommentEmail(input);
  await Promise.all(email.to.map((to) => mailer.send({ ...email, to })));
}
