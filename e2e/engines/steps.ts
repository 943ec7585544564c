/**
 * Waiting and asserting, once for every engine, on top of the adapters'
 * evaluate/click/type. Every wait polls the page (never sleeps a fixed
 * time) and fails with what it was waiting for and what it last saw.
 */
import type { Tab, Where } from './driver.ts';
import {
  describeTarget,
  type ElementState,
  LOOK_UP_SOURCE,
  type Target,
  toWire,
} from './target.ts';

/** How long a step waits for the page before it fails. */
export const WAIT_MS = 15_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const place = (where: Where) =>
  where === 'page' ? 'the page' : where === 'widget' ? 'the widget' : `frame ${where.frame}`;

/**
 * Polls `probe` until `done` accepts its value; throws naming `what`, with
 * the last value or error seen, after `timeout` ms.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeout = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: string = 'nothing yet';
  for (;;) {
    try {
      const value = await probe();
      if (done(value)) return value;
      last = JSON.stringify(value);
    } catch (error) {
      // The document is still loading or was just replaced: try again.
      last = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeout} ms (last: ${last})`);
    await sleep(100);
  }
}

/** What the document `where` shows of `target` right now. */
export function stateOf(tab: Tab, where: Where, target: Target): Promise<ElementState> {
  return tab.evaluate<ElementState>(where, LOOK_UP_SOURCE, [toWire(target), 'state']);
}

/** Waits until `target` is visible in `where`. */
export function see(tab: Tab, where: Where, target: Target, timeout = WAIT_MS) {
  return waitFor(
    `${place(where)} should show ${describeTarget(target)}`,
    () => stateOf(tab, where, target),
    (s) => s.visible,
    timeout,
  );
}

/** Waits until nothing visible in `where` matches `target`. */
export function notSee(tab: Tab, where: Where, target: Target, timeout = WAIT_MS) {
  return waitFor(
    `${place(where)} should not show ${describeTarget(target)}`,
    () => stateOf(tab, where, target),
    (s) => !s.visible,
    timeout,
  );
}

/** Waits until the field `target` holds `value`. */
export function seeValue(tab: Tab, where: Where, target: Target, value: string) {
  return waitFor(
    `${describeTarget(target)} in ${place(where)} should hold ${JSON.stringify(value)}`,
    () => stateOf(tab, where, target),
    (s) => s.value === value,
  );
}

/** Waits for `target` to be visible, then clicks it. */
export async function click(tab: Tab, where: Where, target: Target): Promise<void> {
  await see(tab, where, target);
  await tab.click(where, target);
}

/** Waits for the field `target`, types `text` into it and checks it holds it. */
export async function fill(tab: Tab, where: Where, target: Target, text: string): Promise<void> {
  await see(tab, where, target);
  await tab.type(where, target, text);
  await seeValue(tab, where, target, text);
}

/**
 * Checks that `target` stays out of sight for `ms`: for a negative that
 * would otherwise pass before the page had a chance to show it (say, a
 * session that a request still in flight could restore).
 */
export async function neverSee(tab: Tab, where: Where, target: Target, ms = 2_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const state = await stateOf(tab, where, target).catch(() => null);
    if (state?.visible)
      throw new Error(`${place(where)} showed ${describeTarget(target)}, which it should not`);
    await sleep(100);
  }
}
