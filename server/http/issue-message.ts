/**
 * Turns a zod issue into a sentence a person reads ("Name is required",
 * "Email must be text"), never an internal path like `author.name:` or zod's
 * "Invalid input: expected string, received number". The API sends the path
 * separately (`field`); the CLI names its flags instead.
 */
import type { z } from 'zod';

/** How each field is called where people see it; a path not listed is spelled out from its name. */
export type FieldLabels = Readonly<Record<string, string>>;

/** The public API's fields, in the words of the comment form and the dashboard. */
export const API_LABELS: FieldLabels = {
  site: 'Site',
  page: 'Page',
  pageUrl: 'Page URL',
  pageTitle: 'Page title',
  parentId: 'Reply-to comment',
  body: 'Comment',
  hp: 'Hidden field',
  formToken: 'Form token',
  author: 'Author',
  'author.name': 'Name',
  'author.email': 'Email',
  'author.website': 'Website',
  returnUrl: 'Return page',
  email: 'Email',
  password: 'Password',
  role: 'Role',
  // The dashboard's site settings (PUT /admin/api/sites/:site/settings).
  name: 'Name',
  origins: 'Origins',
  'origins[]': 'Origin {n}',
  'settings.maxDepth': 'Reply depth',
  'settings.privacyUrl': 'Privacy URL',
  'settings.editWindowMinutes': 'Edit window',
  'settings.signInProviders': 'Sign-in providers',
  'settings.signInProviders[]': 'Sign-in provider {n}',
  'settings.language': 'Language',
  'settings.moderation.mode': 'Moderation mode',
  'settings.moderation.linkLimit': 'Link limit',
  'settings.moderation.minFormSeconds': 'Minimum form time',
  'settings.moderation.akismetKey': 'Akismet key',
  'settings.moderation.blocklist.action': 'Blocklist action',
  'settings.moderation.blocklist.words[]': 'Blocked word {n}',
  'settings.moderation.blocklist.emails[]': 'Blocked email {n}',
  'settings.moderation.blocklist.ips[]': 'Blocked IP {n}',
  'settings.moderation.blocklist.identities[]': 'Banned account {n}',
};

// zod's own wording starts like this; a schema's own message never does.
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Unrecognized|Expected)\b/;

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  date: 'a date',
};

const FORMATS: Record<string, string> = {
  url: 'must be a web address (https://…)',
  email: 'must be a valid email address',
};

/** `editWindowMinutes` → "Edit window minutes"; `privacyUrl` → "Privacy URL". */
function spelledOut(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .map((w) =>
      /^(url|id|ip)s?$/i.test(w) ? w.toUpperCase().replace(/S$/, 's') : w.toLowerCase(),
    );
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The label of a path: `author.name` → "Name". A list item is named by the
 * list's `[]` label, `{n}` standing for its position (`origins.1` with
 * "Origin {n}" → "Origin 2"), else "Origins (item 2)".
 */
export function labelOf(path: readonly PropertyKey[], labels: FieldLabels): string {
  const keys = path.filter((p) => typeof p !== 'number').map(String);
  const index = path.findLast((p) => typeof p === 'number');
  const joined = keys.join('.');
  const item = labels[`${joined}[]`];
  if (index !== undefined && item) return item.replace('{n}', String(index + 1));
  const base =
    labels[joined] ?? (keys.length > 0 ? spelledOut(keys.at(-1) as string) : 'The request body');
  return index === undefined ? base : `${base} (item ${index + 1})`;
}

/** The value at `path` in what was sent, to tell a missing field from one of the wrong type. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function sizeWords(issue: { origin?: string }, n: number | bigint): string {
  if (issue.origin === 'string') return `${n} character${n === 1 ? '' : 's'}`;
  if (issue.origin === 'array' || issue.origin === 'set') return `${n} item${n === 1 ? '' : 's'}`;
  return String(n);
}

/**
 * One issue as a sentence. A schema's own message is kept: a full sentence
 * ("Name is required") as it is, a predicate ("must be an http(s) origin")
 * after the field's label.
 */
export function issueMessage(issue: z.core.$ZodIssue, input: unknown, labels: FieldLabels): string {
  const label = labelOf(issue.path, labels);
  const own = issue.message;
  if (own && !ZOD_DEFAULT.test(own)) {
    return /^[A-Z]/.test(own) ? own : `${label} ${own}`;
  }
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return `${label} is required`;
      return `${label} must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return `${label} is required`;
      return `${label} must be at least ${sizeWords(issue, issue.minimum)}`;
    case 'too_big':
      return `${label} must be at most ${sizeWords(issue, issue.maximum)}`;
    case 'invalid_value':
      return `${label} must be ${issue.values
        .map((v) => JSON.stringify(v))
        .join(', ')
        .replace(/, ([^,]*)$/, ' or $1')}`;
    case 'invalid_format':
      return `${label} ${FORMATS[issue.format] ?? 'is not in a form Parley understands'}`;
    case 'unrecognized_keys': {
      // Named by their whole path: `akismetKey` alone would not say where it was.
      const where = issue.path.map(String).join('.');
      const names = issue.keys.map((key) => (where ? `${where}.${key}` : key));
      return `Unknown field${names.length === 1 ? '' : 's'}: ${names.join(', ')}`;
    }
    default:
      return `${label} is not valid`;
  }
}
