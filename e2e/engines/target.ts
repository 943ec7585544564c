/**
 * How a journey names an element, the same in every engine: by role and
 * accessible name, by label, by text, by test id or by CSS. The lookup runs
 * inside the page (one function, sent as source), so Chromium, Firefox and
 * WebKit resolve a target exactly alike and no driver's own locator dialect
 * leaks into a journey.
 */

/** A string matches after whitespace is collapsed: exactly for names and labels, as a part for text. */
export type TextMatch = string | RegExp;

export type Target = (
  | { role: string; name?: TextMatch }
  | { label: string }
  | { text: TextMatch }
  | { testId: string }
  | { css: string }
) & {
  /** Only elements whose text contains this. */
  hasText?: TextMatch;
};

/** What the page reports about the first match (visible ones first). */
export interface ElementState {
  count: number;
  visible: boolean;
  text: string;
  /** For form fields. */
  value: string | null;
}

/** JSON can't carry a RegExp: it travels as { source, flags }. */
type WireMatch = { exact: string } | { part: string } | { source: string; flags: string };
export type WireTarget = {
  role?: string;
  name?: WireMatch;
  label?: string;
  text?: WireMatch;
  testId?: string;
  css?: string;
  hasText?: WireMatch;
};

const wire = (match: TextMatch, whole: boolean): WireMatch =>
  match instanceof RegExp
    ? { source: match.source, flags: match.flags }
    : whole
      ? { exact: match }
      : { part: match };

/** The target as the in-page lookup takes it. */
export function toWire(target: Target): WireTarget {
  const out: WireTarget = {};
  if ('role' in target) {
    out.role = target.role;
    if (target.name !== undefined) out.name = wire(target.name, true);
  }
  if ('label' in target) out.label = target.label;
  if ('text' in target) out.text = wire(target.text, false);
  if ('testId' in target) out.testId = target.testId;
  if ('css' in target) out.css = target.css;
  if (target.hasText !== undefined) out.hasText = wire(target.hasText, false);
  return out;
}

/** How a failure message names a target. */
export function describeTarget(target: Target): string {
  const show = (m: TextMatch) => (m instanceof RegExp ? String(m) : JSON.stringify(m));
  const base =
    'role' in target
      ? `${target.role}${target.name === undefined ? '' : ` named ${show(target.name)}`}`
      : 'label' in target
        ? `field labelled ${JSON.stringify(target.label)}`
        : 'text' in target
          ? `text ${show(target.text)}`
          : 'testId' in target
            ? `test id ${JSON.stringify(target.testId)}`
            : `css ${JSON.stringify(target.css)}`;
  return target.hasText === undefined ? base : `${base} with text ${show(target.hasText)}`;
}

/**
 * Runs in the page: finds `target` and returns the element (`mode`
 * 'element') or its state (`mode` 'state'). Self-contained on purpose: its
 * source is what the drivers send.
 */
export function lookUp(target: WireTarget, mode: 'element' | 'state'): unknown {
  const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const test = (value: string, m: WireMatch) =>
    'exact' in m
      ? squash(value) === squash(m.exact)
      : 'part' in m
        ? squash(value).includes(squash(m.part))
        : new RegExp(m.source, m.flags).test(squash(value));
  // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees, as laid out (no hidden text).
  const text = (el: Element) => squash((el as HTMLElement).innerText ?? el.textContent);
  const byIds = (ids: string) =>
    ids
      .split(/\s+/)
      .map((id) => document.getElementById(id))
      .filter((e): e is HTMLElement => !!e)
      .map(text)
      .join(' ');
  const accessibleName = (el: Element): string => {
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) return byIds(labelledBy);
    const aria = el.getAttribute('aria-label');
    if (aria) return squash(aria);
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length > 0) return [...labels].map(text).join(' ');
    if (el instanceof HTMLInputElement && /^(submit|button|reset)$/.test(el.type)) return el.value;
    const own = text(el);
    if (own) return own;
    const img = el.querySelector('img[alt], [role="img"][aria-label]');
    return squash(
      img?.getAttribute('alt') ?? img?.getAttribute('aria-label') ?? el.getAttribute('title'),
    );
  };
  const ROLES: Record<string, string> = {
    button:
      'button, [role="button"], input[type="submit"], input[type="button"], input[type="reset"]',
    link: 'a[href], [role="link"]',
    textbox:
      'textarea, input:not([type]), input[type="text"], input[type="email"], input[type="url"], input[type="search"], [role="textbox"]',
    checkbox: 'input[type="checkbox"], [role="checkbox"]',
    heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
    img: 'img[alt], [role="img"]',
  };
  const visible = (el: Element) => {
    const h = el as HTMLElement;
    if (typeof h.checkVisibility === 'function') {
      if (!h.checkVisibility({ visibilityProperty: true })) return false;
    } else if (h.getClientRects().length === 0) return false;
    const r = h.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };

  let candidates: Element[];
  if (target.role) {
    const css = ROLES[target.role] ?? `[role="${target.role}"]`;
    candidates = [...document.querySelectorAll(css)];
    const name = target.name;
    if (name) candidates = candidates.filter((el) => test(accessibleName(el), name));
  } else if (target.label !== undefined) {
    const want = target.label;
    candidates = [...document.querySelectorAll('input, textarea, select, [role="textbox"]')].filter(
      (el) => squash(accessibleName(el)) === squash(want),
    );
  } else if (target.text) {
    const m = target.text;
    // The innermost elements holding the text, not every ancestor of it.
    const all = [...document.body.querySelectorAll('*')].filter(
      (el) => !/^(SCRIPT|STYLE|TEMPLATE)$/.test(el.tagName) && test(text(el), m),
    );
    candidates = all.filter((el) => !all.some((other) => other !== el && el.contains(other)));
  } else if (target.testId !== undefined) {
    candidates = [...document.querySelectorAll(`[data-testid="${CSS.escape(target.testId)}"]`)];
  } else {
    candidates = [...document.querySelectorAll(target.css ?? '*')];
  }
  const has = target.hasText;
  if (has) candidates = candidates.filter((el) => test(text(el), has));
  const shown = candidates.filter(visible);
  const first = shown[0] ?? candidates[0] ?? null;
  if (mode === 'element') return first;
  return {
    count: candidates.length,
    visible: shown.length > 0,
    text: first ? text(first) : '',
    value:
      first && 'value' in first && typeof (first as HTMLInputElement).value === 'string'
        ? (first as HTMLInputElement).value
        : null,
  } satisfies ElementState;
}

/** The lookup's source, as the drivers send it. */
export const LOOK_UP_SOURCE = lookUp.toString();
