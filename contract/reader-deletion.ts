/**
 * What becomes of a reader's comments when they delete their data (a site
 * setting, issue 12): their choice, always kept as "Deleted user", or always
 * removed. Without zod, so the widget can read it from its bootstrap.
 */
export const READER_DELETIONS = ['choice', 'anonymise', 'remove'] as const;
export type ReaderDeletion = (typeof READER_DELETIONS)[number];
