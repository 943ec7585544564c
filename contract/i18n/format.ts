/**
 * Parley's message formatter: a few lines on top of `Intl`, small enough for
 * the iframe's budget, shared by the apps and the server.
 *
 * A message is a string with `{name}` placeholders, or, when it depends on a
 * number, one string per plural category of the language (CLDR's `zero`,
 * `one`, `two`, `few`, `many`, `other`, as `Intl.PluralRules` selects them):
 * `{ one: '{count} reply', other: '{count} replies' }`. The number to choose
 * by is always the `count` parameter. Numbers are written the language's way.
 */

export type PluralCategory = Intl.LDMLPluralRule;

/** One string per plural category the language uses; `other` always. */
export type PluralMessage = { readonly [C in PluralCategory]?: string } & {
  readonly other: string;
};

export type Message = string | PluralMessage;

/** Values for a message's placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * The catalogue of one language for one surface. English's is the reference
 * (its keys are the type); every other language has the same keys, checked by
 * `contract/i18n/catalogues.test.ts` (a missing translation fails there, an
 * unknown key fails the type check).
 */
export type Translation<Reference> = { readonly [K in keyof Reference]?: Message };

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(map: Map<string, T>, locale: string, make: () => T): T {
  let value = map.get(locale);
  if (!value) {
    value = make();
    map.set(locale, value);
  }
  return value;
}

/** The string of `message` for `count` in `locale` (`other` when the category is missing). */
export function selectPlural(locale: string, message: PluralMessage, count: number): string {
  const rules = cached(pluralRules, locale, () => new Intl.PluralRules(locale));
  return message[rules.select(count)] ?? message.other;
}

/** Formats one message: picks the plural form by `count`, then fills the placeholders. */
export function formatMessage(
  locale: string,
  message: Message,
  params: MessageParams = {},
): string {
  const count = params.count;
  const text =
    typeof message === 'string'
      ? message
      : selectPlural(locale, message, typeof count === 'number' ? count : Number.NaN);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number'
      ? cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value)
      : value;
  });
}

/** `t(key, params)` over one catalogue. */
export type Translate<Key extends string> = (key: Key, params?: MessageParams) => string;

/**
 * A translator for one language. Keys missing from `messages` fall back to
 * `fallback` (English), so a gap shows English rather than a key; the
 * catalogue tests keep such gaps from being shipped.
 */
export function translator<Key extends string>(
  locale: string,
  messages: Readonly<Partial<Record<Key, Message>>>,
  fallback: Readonly<Record<Key, Message>> = messages as Record<Key, Message>,
): Translate<Key> {
  return (key, params) => formatMessage(locale, messages[key] ?? fallback[key] ?? key, params);
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/**
 * "5 minutes ago", "il y a 3 jours", "منذ يومين"… for an ISO date relative to
 * `now`, in `locale`; null under a minute (and for a clock a little ahead of
 * the server's), where the caller says "just now" in its own words.
 */
export function relativeTime(locale: string, iso: string, now: number): string | null {
  const seconds = (now - Date.parse(iso)) / 1000;
  if (!(seconds >= 60)) return null;
  const format = cached(relativeFormats, locale, () => new Intl.RelativeTimeFormat(locale));
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return format.format(-Math.floor(seconds / size), unit);
  }
  return null;
}
