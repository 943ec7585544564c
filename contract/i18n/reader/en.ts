/**
 * English: the reference catalogue of the comment thread (the iframe). Its
 * keys are the type every other language is checked against. The wording
 * follows WordPress's comment form, which readers know.
 */
import type { Message } from '../format.ts';

export const en = {
  'frame.title': 'Comments',
  unavailable: 'Comments are unavailable.',
  'count.none': 'No comments yet',
  'count.some': { one: '{count} comment', other: '{count} comments' },
  'count.heading': 'Comments',
  'time.justNow': 'just now',

  'comment.deleted': 'This comment was deleted.',
  'comment.deletedAuthor': 'Deleted user',
  /** Imported from another platform without a name. */
  'comment.anonymousAuthor': 'Anonymous',
  'comment.inReplyTo': 'In reply to {name}',
  'comment.edited': '(edited)',
  'comment.awaiting': 'Your comment is awaiting moderation.',
  'comment.reply': 'Reply',
  'comment.replyTo': 'Reply to {name}',
  'comment.edit': 'Edit',
  'comment.editYours': 'Edit your comment',
  'comment.delete': 'Delete',
  'comment.deleteYours': 'Delete your comment',
  'edit.label': 'Your comment',
  'edit.save': 'Save',
  'edit.saving': 'Saving…',
  'edit.cancel': 'Cancel',
  'delete.confirm': 'Delete this comment?',
  'delete.deleting': 'Deleting…',
  'delete.keep': 'Keep',

  'form.leave': 'Leave a comment',
  'form.replyTo': 'Reply to {name}',
  'form.cancelReply': 'Cancel reply',
  'form.comment': 'Comment',
  'form.placeholder': 'Write a comment…',
  'form.details': 'Fill in your details below',
  'form.detailsOrLogIn': 'Fill in your details below or click an icon to log in:',
  'form.email': 'Email',
  'form.emailHint': 'Address never made public',
  'form.name': 'Name',
  'form.website': 'Website',
  'form.remember': 'Save my name, email, and website in this browser for the next time I comment.',
  'form.notifyReplies': 'Notify me of new replies by email',
  'form.notifyPage': 'Notify me of new comments on this post',
  'form.notify.confirmEmail': 'Check your email to confirm.',
  'form.honeypot': 'Leave this field empty',
  'form.post': 'Post Comment',
  'form.posting': 'Posting…',
  'form.akismet': 'This site uses Akismet to reduce spam.',
  'form.privacy': 'Learn how your comment data is processed',

  'field.check': 'Please check this field.',
  'field.body.missing': 'Please write your comment.',
  'field.body.tooLong': {
    one: 'Your comment is longer than {count} character. It is kept here: please shorten it.',
    other: 'Your comment is longer than {count} characters. It is kept here: please shorten it.',
  },
  'field.name.missing': 'Please enter your name.',
  'field.name.invalid': 'Please enter a shorter name.',
  'field.email.missing': 'Please enter your email address. It is never made public.',
  'field.email.invalid': 'Please enter a valid email address, like name@example.com.',
  'field.website.invalid':
    'Please enter a web address like example.com, or leave this field empty.',
  'form.problems': {
    one: 'One field needs your attention.',
    other: '{count} fields need your attention.',
  },
  'form.left': { one: '{count} character left', other: '{count} characters left' },
  'form.over': {
    one: '{count} character over the limit',
    other: '{count} characters over the limit',
  },
  'form.posted': 'Your comment was posted.',
  'form.held': 'Your comment is awaiting moderation. It will appear once a moderator approves it.',

  'error.signedOut':
    'Your sign-in has expired. Your comment is kept here; log in again, or fill in your details to post as a guest.',
  'error.server': 'The comment server had a problem. Your comment is kept here; please try again.',
  'error.network':
    'Could not reach the comment server. Your comment is kept here; please try again.',
  'error.originNotAllowed': 'Comments can’t be posted from this page.',
  'error.parentNotFound': 'The comment you are replying to is no longer there.',
  'error.unknownSite': 'Comments are unavailable on this site.',
  'error.notAuthor': 'Only its author can change this comment.',
  'error.commentNotFound': 'This comment is no longer there.',
  'error.tooLarge': 'Your comment is too long. Please shorten it and try again.',
  'error.rateLimited': 'You are posting too quickly. Please wait a little and try again.',
  'error.rateLimitedFor': {
    one: 'You are posting too quickly. Please wait {count} second and try again.',
    other: 'You are posting too quickly. Please wait {count} seconds and try again.',
  },
  'error.duplicate': 'You have already posted this comment.',
  'error.banned': 'You can’t comment on this site.',
  'error.spam': 'Your comment was rejected as spam.',
  'error.editWindowClosed': 'The time for changing this comment is over.',

  'signIn.connecting': 'Connecting to {provider}…',
  'signIn.cancel': 'Cancel',
  'signIn.logInWith': 'Log in with {provider}',
  'signIn.as': 'You are commenting using your {provider} account.',
  'signIn.logOut': 'Log Out',
  'signIn.change': 'Change',
  'signIn.ended': 'Your sign-in has ended. Log in again to comment under your account.',
  'signIn.popupBlocked':
    'Your browser blocked the sign-in window. Allow pop-ups for this site, then try again.',
  'signIn.cancelled': 'You cancelled signing in.',
  'signIn.wasCancelled': 'Sign-in was cancelled.',
  'signIn.cancelledWith': 'You cancelled signing in with {provider}.',
  'signIn.tooLong': 'Sign-in took too long. Please try again.',
  'signIn.tooMany': 'Too many sign-in attempts. Please wait a minute and try again.',
  'signIn.network': 'Could not reach the comment server. Please try again.',
  'signIn.unavailable': 'Signing in with {provider} is not available here.',
  'signIn.failed': 'Signing in didn’t work. Please try again, or comment as a guest.',
  'signIn.failedWith':
    'Signing in with {provider} didn’t work. Please try again, or comment as a guest.',
  'comment.new': 'New',
  'more.comments': 'Load more comments',
  'more.replies': { one: 'Show {count} more reply', other: 'Show {count} more replies' },
  'more.failed': 'Couldn’t load them. Please try again.',
  'data.open': 'Your data on this site',
  'data.explain':
    'Download or delete the comments you wrote here with your email address. We’ll email you a link to prove it’s yours. Other sites are not affected.',
  'data.email': 'Your email',
  'data.send': 'Email me a link',
  'data.sent': {
    one: 'If {email} is your address, a link is on its way to it. It works once, within {count} minute, for this site only.',
    other:
      'If {email} is your address, a link is on its way to it. It works once, within {count} minutes, for this site only.',
  },
  'data.sendFailed': 'Your request could not be sent. Please try again.',
  'data.tooMany': {
    one: 'Too many requests from here. Please try again in {count} minute.',
    other: 'Too many requests from here. Please try again in {count} minutes.',
  },
  'data.noEmail':
    'This comment server sends no email. Ask the site’s owner to export or delete your data.',
  'data.download': 'Download my data',
  'data.delete': 'Delete my account',
  'data.deleteTitle': 'Delete my account on this site',
  'data.deleteExplain':
    'Delete your account on this site? Your name, picture and sessions here go. Other sites are not affected.',
  'data.deleteKeep': 'Delete, keep my comments as “Deleted user”',
  'data.deleteRemove': 'Delete, and remove my comments',
  'data.downloadFailed': 'Your data could not be downloaded. Please try again.',
  'data.deleteFailed': 'Your account could not be deleted. Please try again.',
  'data.deleted': 'Your account on this site was deleted.',
} as const satisfies Record<string, Message>;

export type ReaderKey = keyof typeof en;

/** What the iframe page carries: the reader's language's catalogue, complete. */
export type ReaderMessages = Readonly<Record<ReaderKey, Message>>;
