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
  // A guest's data by emailed link (server/privacy/guest-data.*): the email and its pages.
  'data.email.subject': '[{site}] Your data on {site}',
  'data.email.asked':
    'Someone (we hope you) asked what the comments on "{site}" hold about {email}.',
  'data.email.open': 'Open this link to download it, or to delete it:',
  'data.email.once': {
    one: 'The link works once, within {count} minute (a newer request replaces it), and only for "{site}": other sites using the same comment server keep their own data and need their own request.',
    other:
      'The link works once, within {count} minutes (a newer request replaces it), and only for "{site}": other sites using the same comment server keep their own data and need their own request.',
  },
  'data.email.ignore':
    'If you did not ask, ignore this email: nothing happens without the link. Do not forward it: whoever opens it first can see and delete these comments.',
  'data.title': 'Your data on {site}',
  'data.perSite':
    'This covers “{site}” only: other sites using the same comment server keep their own data, and each needs its own request.',
  'data.link.intro':
    'Continue to see what “{site}” holds about your email address, and to download or delete it.',
  'data.link.continue': 'Continue',
  'data.summary': {
    one: '“{site}” holds {count} comment written with {email}.',
    other: '“{site}” holds {count} comments written with {email}.',
  },
  'data.download': 'Download my data (JSON)',
  'data.delete.legend': 'Delete my data on {site}',
  'data.delete.what':
    'Your name, email, website, picture, IP address and browser go from every comment written with this address.',
  'data.delete.choose': 'Choose what becomes of the comments:',
  'data.delete.policy': 'This site’s policy decides what becomes of the comments:',
  'data.delete.anonymise': 'Delete, keep my comments as “Deleted user”',
  'data.delete.remove': 'Delete, and remove my comments',
  'data.delete.placeholder':
    'A removed comment that has replies stays as a “deleted” placeholder, so the replies keep their place.',
  'data.retention': {
    one: 'IP addresses and browsers are erased from every comment after {count} day anyway.',
    other: 'IP addresses and browsers are erased from every comment after {count} days anyway.',
  },
  'data.session': {
    one: 'This page works for {count} minute.',
    other: 'This page works for {count} minutes.',
  },
  'data.deleted.title': 'Your data on {site} was deleted',
  'data.deleted.kept': {
    one: '{count} comment kept as “Deleted user” on “{site}”. Nothing of your address is left there.',
    other:
      '{count} comments kept as “Deleted user” on “{site}”. Nothing of your address is left there.',
  },
  'data.deleted.removed': {
    one: '{count} comment removed on “{site}”. Nothing of your address is left there.',
    other: '{count} comments removed on “{site}”. Nothing of your address is left there.',
  },
  'data.error.title': 'This link cannot be used',
  'data.error.linkInvalid':
    'This link cannot be used: it has expired, was already used, or is for another site. Ask for a new one from the comments on the site.',
  'data.error.expired': 'This page has expired. Ask for a new link from the comments on the site.',
  'data.error.unknownSite': 'There is no site at this address. Check the link in your email.',
  'data.error.origin': 'Use the form on this page.',
  'data.error.invalid': 'This form was not sent as expected. Go back and try again.',
  'data.error.policy': 'This site does not offer that choice. Go back and use one of the buttons.',
  'data.error.other':
    'This page cannot be shown. Ask for a new link from the comments on the site.',
  'data.error.busyTitle': 'Too many attempts',
  'data.error.rateLimited': {
    one: 'Please wait {count} second, then try again.',
    other: 'Please wait {count} seconds, then try again.',
  },
  'data.error.serverTitle': 'Something went wrong',
  'data.error.server': 'Something went wrong on our side. Please try again in a few minutes.',
} as const satisfies Record<string, Message>;

export type PageKey = keyof typeof en;
