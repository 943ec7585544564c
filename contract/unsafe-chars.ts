// NUL, other C0 controls except \t and \n, DEL and C1 (invisible, never meant in a comment), and
// the bidi embeddings/overrides/isolates, which can reverse text and so spoof what a link, a name
// or a title says. \r is handled first where it matters, so it is never seen here.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding controls is the point.
const UNSAFE_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text a reader typed, without invisible controls and bidi overrides: for
 * comment bodies, authors' names and page titles alike.
 */
export function withoutUnsafeChars(text: string): string {
  return text.replace(UNSAFE_CHARS, '');
}
