/** What the dashboard tells the admin when a call fails, by error code. */
import { ApiError } from './api.ts';

export function errorMessage(error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'internal_error';
  switch (code) {
    case 'unauthorized':
      return 'Wrong email or password.';
    case 'rate_limited':
      return 'Too many attempts. Please wait a minute and try again.';
    case 'forbidden':
      return 'You may not moderate this site.';
    case 'network_error':
      return 'Parley could not be reached. Check your connection and try again.';
    default:
      return 'Something went wrong. Please try again.';
  }
}

/** Whether the session is gone (expired, signed out elsewhere): back to the login. */
export function sessionEnded(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'unauthorized';
}

/** How each check of the spam pipeline is named to a moderator (server/moderation/checks). */
const CHECK_NAMES: Readonly<Record<string, string>> = {
  honeypot: 'Hidden field filled in',
  formAge: 'Posted very quickly',
  flood: 'Posting too often',
  duplicate: 'Posted twice',
  links: 'Many links',
  blocklist: 'Blocklist',
  moderationMode: 'Site’s moderation setting',
  akismet: 'Akismet',
};

/** A check's name in words ("formAge" → "Posted very quickly"); an unknown one as it is. */
export const checkName = (check: string): string => CHECK_NAMES[check] ?? check;

const DONE: Readonly<Record<string, string>> = {
  approve: 'Approved',
  spam: 'Marked as spam',
  trash: 'Moved to the trash',
  restore: 'Restored',
  hold: 'Put back in the queue',
};

/** "Approved 1 comment.", "Marked as spam 3 comments." → said after an action, beside Undo. */
export function actionDone(action: string, count: number): string {
  return `${DONE[action] ?? 'Changed'}: ${count === 1 ? '1 comment' : `${count} comments`}.`;
}
