/**
 * The dashboard's state and every change to it: plain typed functions
 * `({ state, data }) => Partial<State>` in one registry, testable without a
 * DOM. API calls happen in components; these only say how the state follows.
 */

import type { QueueStatus } from '../../contract/dashboard.schema.ts';
import {
  type CommentStatus,
  type Me,
  type ModerationAction,
  type QueueItem,
  type QueueList,
  RESULT_OF,
} from '../../contract/dashboard.ts';
import {
  applier,
  type DataOf,
  type DispatchOf,
  type Action as RegistryAction,
} from '../shared/registry.ts';
import type { Said } from './i18n.ts';
import { actionDone } from './messages.ts';
import { sameView, type View } from './route.ts';
import type { QueueFilter } from './types.ts';

export interface State {
  /** False until the first /me answers: until then we don't know whether to show the login. */
  checked: boolean;
  /** The page shown once signed in (kept across a sign-in, so a link opened signed out still lands). */
  view: View;
  /** The signed-in admin, or null for the login screen. */
  me: Me | null;
  /** Id of the site being moderated. */
  site: string | null;
  filter: QueueFilter;
  /** The queue as the server listed it (newest first), minus what was moderated since. */
  items: QueueItem[];
  loading: boolean;
  /** Ids checked for a bulk action. */
  selected: string[];
  /** The item the keyboard acts on. */
  current: string | null;
  /** What went wrong last, for the role=alert line (cleared by the next success). */
  error: Said | null;
  /** What the last queue action did, for the role=status line ("Banned Sam."). */
  message: Said | null;
  /** Said on the login screen (signed out, session ended). */
  notice: Said | null;
  /** Bumped when the list must be read again (the server refused a change shown already). */
  generation: number;
  /** How many comments each status tab holds (null until the first list answers). */
  counts: QueueList['counts'] | null;
  /** What the last approve/spam/trash changed, for its Undo: each comment's status before. */
  undo: { id: string; status: CommentStatus }[] | null;
}

type Action<D> = RegistryAction<State, D>;

export const initialState: State = {
  checked: false,
  view: { name: 'queue' },
  me: null,
  site: null,
  filter: { status: 'pending', q: '' },
  items: [],
  loading: false,
  selected: [],
  current: null,
  error: null,
  message: null,
  notice: null,
  generation: 0,
  counts: null,
  undo: null,
};

/** A fresh queue: nothing listed, selected or current, until the next load answers. */
const emptyQueue = {
  items: [],
  selected: [],
  current: null,
  loading: true,
} satisfies Partial<State>;

/**
 * The item to act on after `before` became `after`: the same one if still
 * listed, else the next one after it, else the one before it.
 */
export function currentAfter(
  before: QueueItem[],
  after: QueueItem[],
  current: string | null,
): string | null {
  const kept = new Set(after.map((i) => i.id));
  if (current === null) return after[0]?.id ?? null;
  if (kept.has(current)) return current;
  const at = before.findIndex((i) => i.id === current);
  if (at === -1) return after[0]?.id ?? null;
  const next = before.slice(at + 1).find((i) => kept.has(i.id));
  const previous = before
    .slice(0, at)
    .reverse()
    .find((i) => kept.has(i.id));
  return (next ?? previous)?.id ?? null;
}

/** Signed in (or found signed in): the first site, or the one already chosen if still allowed. */
const signedIn: Action<Me> = ({ state, data }) => {
  const keep = data.sites.some((s) => s.id === state.site);
  return {
    checked: true,
    me: data,
    site: keep ? state.site : (data.sites[0]?.id ?? null),
    notice: null,
    error: null,
    ...(keep ? {} : emptyQueue),
  };
};

/** Back to the login screen, with what to tell the admin there; the page and site wait for the next sign-in. */
const signedOut: Action<Said | null> = ({ state, data }) => ({
  ...initialState,
  view: state.view,
  site: state.site,
  checked: true,
  notice: data,
});

/**
 * Another page (a nav link, Back/Forward): the queue starts afresh when shown
 * again, and a `site` from the URL is taken if this admin may see it.
 */
const navigate: Action<{ view: View; site?: string | null }> = ({ state, data }) => {
  const allowed = state.me?.sites.some((s) => s.id === data.site) ?? false;
  const site = data.site && allowed ? data.site : state.site;
  const fresh = site !== state.site || !sameView(state.view, data.view);
  return {
    view: data.view,
    site,
    error: null,
    message: null,
    ...(fresh && data.view.name === 'queue' ? emptyQueue : {}),
  };
};

/** The site's name changed in Settings: the header shows the new one. */
const siteRenamed: Action<{ id: string; name: string }> = ({ state, data }) =>
  state.me
    ? {
        me: {
          ...state.me,
          sites: state.me.sites.map((s) => (s.id === data.id ? { ...s, name: data.name } : s)),
        },
      }
    : {};

const chooseSite: Action<string> = ({ state, data }) =>
  data === state.site ? {} : { site: data, ...emptyQueue, error: null, message: null };

const showStatus: Action<QueueStatus> = ({ state, data }) =>
  data === state.filter.status ? {} : { filter: { ...state.filter, status: data }, ...emptyQueue };

const search: Action<string> = ({ state, data }) => {
  const q = data.trim();
  return q === state.filter.q ? {} : { filter: { ...state.filter, q }, ...emptyQueue };
};

const loading: Action<null> = () => ({ loading: true });

/** A list arrived: selection and current item survive where their items still are. */
const loaded: Action<QueueItem[]> = ({ state, data }) => {
  const ids = new Set(data.map((i) => i.id));
  return {
    items: data,
    loading: false,
    error: null,
    selected: state.selected.filter((id) => ids.has(id)),
    current: state.current !== null && ids.has(state.current) ? state.current : null,
  };
};

/** The tabs' counts arrived with a list. */
const counted: Action<QueueList['counts']> = ({ data }) => ({ counts: data });

/** j/k: the next (+1) or previous (-1) item becomes current; the first one when none is. */
const move: Action<1 | -1> = ({ state, data }) => {
  const { items, current } = state;
  if (items.length === 0) return {};
  const at = items.findIndex((i) => i.id === current);
  const to = at === -1 ? 0 : Math.min(items.length - 1, Math.max(0, at + data));
  return { current: items[to]?.id ?? null };
};

const setCurrent: Action<string> = ({ data }) => ({ current: data });

const toggleSelect: Action<string> = ({ state, data }) => ({
  selected: state.selected.includes(data)
    ? state.selected.filter((id) => id !== data)
    : [...state.selected, data],
});

const selectAll: Action<boolean> = ({ state, data }) => ({
  selected: data ? state.items.map((i) => i.id) : [],
});

/**
 * Comments were moderated (applied at once; the request follows). They leave
 * a list they no longer belong to and the next item becomes current; in
 * "All" (or a list of their new status) they stay with their new status.
 */
const moderated: Action<{ ids: string[]; action: ModerationAction }> = ({ state, data }) => {
  const status = RESULT_OF[data.action];
  const hit = new Set(data.ids);
  const stays = state.filter.status === 'all' || state.filter.status === status;
  const items = stays
    ? state.items.map((i) => (hit.has(i.id) ? { ...i, status } : i))
    : state.items.filter((i) => !hit.has(i.id));
  // What changed, for Undo and the tabs' counts (a comment already there is no change).
  const before = state.items
    .filter((i) => hit.has(i.id) && i.status !== status)
    .map((i) => ({ id: i.id, status: i.status }));
  let counts = state.counts;
  if (counts) {
    counts = { ...counts };
    for (const b of before) {
      counts[b.status] = Math.max(0, counts[b.status] - 1);
      counts[status] += 1;
    }
  }
  return {
    items,
    counts,
    selected: state.selected.filter((id) => !hit.has(id)),
    current: currentAfter(state.items, items, state.current),
    error: null,
    message: before.length > 0 ? actionDone(data.action, before.length) : null,
    undo: before.length > 0 ? before : null,
  };
};

/** Undo was chosen: it can't be chosen twice. */
const undoing: Action<null> = () => ({ undo: null, message: { key: 'queue.undoing' } });

/** The server put them back: the list and its counts are read again. */
const undone: Action<null> = ({ state }) => ({
  message: { key: 'queue.undone' },
  generation: state.generation + 1,
});

/**
 * An author was banned (after the server said so, since it names whom): their
 * comment went to spam, and the status line says who it was.
 */
const banned: Action<{ id: string; label: string }> = ({ state, data }) => ({
  ...moderated({ state, data: { ids: [data.id], action: 'spam' } }),
  message: { key: 'queue.banned', params: { name: data.label } },
  // A ban is not undone by moving the comment back.
  undo: null,
});

const failed: Action<Said> = ({ data }) => ({ error: data, loading: false });

/** The server refused a change already shown: say so, and read the list again. */
const moderationFailed: Action<Said> = ({ state, data }) => ({
  error: data,
  generation: state.generation + 1,
});

export const actions = {
  signedIn,
  signedOut,
  navigate,
  siteRenamed,
  chooseSite,
  showStatus,
  search,
  loading,
  loaded,
  counted,
  move,
  setCurrent,
  toggleSelect,
  selectAll,
  moderated,
  undoing,
  undone,
  banned,
  failed,
  moderationFailed,
};

export type Actions = typeof actions;
export type ActionName = keyof Actions;
export type ActionData<K extends ActionName> = DataOf<Actions, K>;
export type Dispatch = DispatchOf<Actions>;

/** Applies one registered change to a state and returns the new state. */
export const apply = applier<State, Actions>(actions);
