/**
 * Drafts and the reader's saved details, in the iframe's localStorage. Every
 * access is guarded: storage can be blocked (third-party storage settings,
 * private modes) or full, and the widget must keep working without it.
 */

export interface AuthorDetails {
  name: string;
  email: string;
  website: string;
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null || value === '') localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Blocked or full: the draft lives only in memory this time.
  }
}

/** Key of the draft for one form: the page's main form, or a reply to `parentId`. */
export function draftKey(site: string, page: string, parentId: string | null): string {
  return `parley:draft:${site}:${page}${parentId ? `:${parentId}` : ''}`;
}

export const loadDraft = (key: string): string => read(key) ?? '';

/** Saves the draft; an empty one is removed. */
export const saveDraft = (key: string, text: string): void => write(key, text);

// One key per site: the same reader comments on many pages of it.
const authorKey = (site: string) => `parley:author:${site}`;

/** The details saved by "Save my name, email, and website", or null. */
export function loadAuthor(site: string): AuthorDetails | null {
  try {
    const value = JSON.parse(read(authorKey(site)) ?? 'null') as Partial<AuthorDetails> | null;
    if (!value || typeof value.name !== 'string' || typeof value.email !== 'string') return null;
    return { name: value.name, email: value.email, website: String(value.website ?? '') };
  } catch {
    return null;
  }
}

/** Saves the details, or forgets them when `details` is null. */
export function saveAuthor(site: string, details: AuthorDetails | null): void {
  write(authorKey(site), details && JSON.stringify(details));
}
