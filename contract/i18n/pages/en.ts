/**
 * English: the reference catalogue of what the server writes itself, the
 * sign-in pages (popup and redirect) and the emails. Its keys are the type
 * every other language's catalogue is checked against.
 */
import type { Message } from '../format.ts';

export const en = {
  'signIn.ok.title': 'Signed in',
  'signIn.ok.message': "You're signed in. You can close this window.",
  'signIn.denied.title': 'Sign-in cancelled',
  'signIn.denied.message':
    'Sign-in was cancelled. You can close this window and comment as a guest.',
  'signIn.failed.title': 'Sign-in failed',
  'signIn.failed.message': "We couldn't sign you in. Close this window and try again.",
  'signIn.bind.title': 'Sign in with {provider}',
  'signIn.bind.connecting': 'Connecting to {provider}…',
  'signIn.bind.failed': "We couldn't start signing in. Close this window and try again.",
  'signIn.notFromForm':
    'This sign-in link only works in the window the comment form opened. Close it and start signing in from the comment form.',
  'signIn.otherWindow':
    'This sign-in cannot be finished in this window. Start it again from the comment form.',
  'signIn.error.message': 'Something went wrong on our side. Close this window and try again.',
  'signIn.unavailable.title': 'Sign-in unavailable',
  'signIn.unavailable.message': 'Sign-in with this provider is not available.',
  'signIn.invalid.title': 'Sign-in link not valid',
  'signIn.invalid.message':
    'This sign-in link is not valid. Start signing in again from the comment form.',
  'signIn.expired.title': 'Sign-in expired',
  'signIn.expired.message': 'This sign-in took too long. Close this window and try again.',
  'signIn.used.title': 'Sign-in already finished',
  'signIn.used.message': 'This sign-in has already finished. You can close this window.',
  'signIn.forbidden.title': 'Start from the comment form',
  'signIn.tooMany.title': 'Too many attempts',
  'signIn.tooMany.message': 'Too many attempts. Wait a minute, then try again.',
  'signIn.notFound.title': 'Not found',
  'signIn.notFound.message': 'There is nothing at this address.',
  'deletion.title': 'Data deletion',
  'deletion.done': 'Your data was deleted on {date}.',
  'deletion.anonymised': {
    one: '{count} comment anonymised.',
    other: '{count} comments anonymised.',
  },
  'deletion.code': 'Confirmation code: {code}.',
  'deletion.notFound': 'No data deletion request has this code.',
  'email.subject': '[{site}] Comment awaiting moderation on "{page}"',
  'email.wrote': '{author} wrote a comment on "{page}" that is awaiting moderation.',
  'email.anonymous': 'Anonymous',
  'email.whyHeld': 'Why it was held:',
  'email.noReason': 'no reason recorded',
  'email.approve': 'Approve',
  'email.spam': 'Spam',
  'email.trash': 'Trash',
  'email.allWaiting': 'All comments waiting on {site}',
  'email.signInNote':
    'The links open the Parley dashboard; sign in there as a moderator of {site}.',
  'email.why': 'You get this email because you moderate {site}.',
  // Reply notifications (server/subscriptions/): the readers' emails and pages.
  'notify.confirm.subject': '[{site}] Confirm your email notifications',
  'notify.confirm.intro': 'Someone, hopefully you, asked {site} to email this address about:',
  'notify.confirm.replies': 'new replies to your comment on "{page}"',
  'notify.confirm.page': 'new comments on "{page}"',
  'notify.confirm.action': 'Confirm',
  'notify.confirm.expires': {
    one: 'The link works for {count} day.',
    other: 'The link works for {count} days.',
  },
  'notify.confirm.ignore': "If it wasn't you, ignore this email: nothing more will be sent.",
  'notify.reply.subject': '[{site}] {author} replied to your comment on "{page}"',
  'notify.reply.wrote': '{author} replied to your comment on "{page}":',
  'notify.comment.subject': '[{site}] New comment by {author} on "{page}"',
  'notify.comment.wrote': '{author} commented on "{page}":',
  'notify.view': 'View it on the page',
  'notify.why.replies':
    'You get this email because you asked {site} to tell you about replies to your comment.',
  'notify.why.page':
    'You get this email because you asked {site} to tell you about new comments on "{page}".',
  'notify.unsubscribe': 'Unsubscribe',
  'notify.page.confirm.title': 'Confirm email notifications',
  'notify.page.confirm.question': 'Do you want {site} to email you about:',
  'notify.page.confirm.button': 'Yes, email me',
  'notify.page.confirmed.title': 'Notifications on',
  'notify.page.confirmed.message': 'Done. Each email will have a link to stop them in one click.',
  'notify.page.unsubscribe.title': 'Unsubscribe',
  'notify.page.unsubscribe.question': 'Stop the emails {site} sends you about:',
  'notify.page.unsubscribe.button': 'Unsubscribe',
  'notify.page.unsubscribed.title': 'Unsubscribed',
  'notify.page.unsubscribed.message': "You won't get these emails any more.",
  'notify.page.invalid.title': 'Link not valid',
  'notify.page.invalid.message':
    'This link is not valid, or no longer: you may already have unsubscribed.',
  'notify.page.expired.title': 'Link expired',
  'notify.page.expired.message':
    'This link has expired. Tick the box again the next time you comment.',
} as const satisfies Record<string, Message>;

export type PageKey = keyof typeof en;
