/**
 * The thread app's state and every change to it: plain typed functions
 * `({ state, data }) => Partial<State>` in one registry, testable without a
 * DOM. Calls to the API and the host happen in components; these only say
 * how the state follows from their results.
 */
import type { Comment, CommentList, Identity, MoreReplies } from '../../contract/api.ts';
import type { ProviderId } from '../../contract/providers.ts';
import {
  applier,
  type DataOf,
  type DispatchOf,
  type Action as RegistryAction,
} from '../shared/registry.ts';
import type { AuthorDetails } from './storage.ts';
import { posted } from './text.ts';

export interface State {
  /** Flat, oldest first, as the API returns it; the tree is derived (tree.ts). */
  comments: Comment[];
  total: number;
  /** Where "Load more comments" continues; null when every page is shown. */
  nextCursor: string | null;
  /** Per top-level comment: its replies not shown yet ("Show N more replies"). */
  moreReplies: Record<string, MoreReplies>;
  /** Id of the comment whose reply form is open, if any. */
  replyingTo: string | null;
  /**
   * The comment to bring into view; `seq` makes showing the same one again a
   * change. `focus` moves keyboard focus there (after posting, not on a deep
   * link from the host page).
   */
  highlighted: { id: string; seq: number; focus: boolean } | null;
  /** Shared by the main form and reply forms: one reader, one set of details. */
  author: AuthorDetails;
  /** The "Save my name, email, and website" checkbox. */
  remember: boolean;
  /** The signed-in reader; the access token lives only in this memory. */
  session: Session | null;
  /** A sign-in under way (popup open, or about to navigate for the redirect fallback). */
  signingIn: { provider: ProviderId } | null;
  /** The outcome of the last sign-in attempt or sign-out, when the reader should be told. */
  authMessage: string | null;
  /**
   * What the polite live region says (posted, held, a stopped submit); `seq`
   * tells the same words said again from a repeat.
   */
  announcement: { text: string; seq: number } | null;
  /** Comments that arrived live since the page loaded: marked "New". */
  fresh: string[];
  /** The last live change (`seq` makes a repeat a change), so the view can keep the reader's place. */
  live: { id: string; seq: number } | null;
}

export interface Session {
  identity: Identity;
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
}

type Action<D> = RegistryAction<State, D>;

/** The first state, from the server-rendered thread and any saved details. */
export function initialState(thread: CommentList, saved: AuthorDetails | null): State {
  return {
    comments: thread.comments,
    total: thread.total,
    nextCursor: thread.nextCursor,
    moreReplies: thread.moreReplies,
    replyingTo: null,
    highlighted: null,
    author: saved ?? { name: '', email: '', website: '' },
    remember: saved !== null,
    session: null,
    signingIn: null,
    authMessage: null,
    announcement: null,
    fresh: [],
    live: null,
  };
}

const nextAnnouncement = (state: State, text: string) => ({
  text,
  seq: (state.announcement?.seq ?? 0) + 1,
});

const nextHighlight = (state: State, id: string, focus: boolean) => ({
  id,
  seq: (state.highlighted?.seq ?? 0) + 1,
  focus,
});

/**
 * A comment the server just stored: into the thread, shown; the reply form
 * closes. Counted only when published: the server's `total` never includes
 * held comments either, so a reload shows the same count.
 */
const addComment: Action<Comment> = ({ state, data }) => {
  const opened = {
    replyingTo: data.parentId && state.replyingTo === data.parentId ? null : state.replyingTo,
    highlighted: nextHighlight(state, data.id, true),
  };
  // Live updates may have brought it first: the author's copy (with its
  // edit window and source) replaces that one, and it is not "new" to them.
  if (state.comments.some((c) => c.id === data.id)) {
    return {
      comments: state.comments.map((c) => (c.id === data.id ? data : c)),
      fresh: state.fresh.filter((id) => id !== data.id),
      ...opened,
      announcement: nextAnnouncement(state, posted(data.status === 'pending')),
    };
  }
  return {
    comments: [...state.comments, data],
    total: data.status === 'pending' ? state.total : state.total + 1,
    ...opened,
    // A held comment shows only to its author: say so, not just "posted".
    announcement: nextAnnouncement(state, posted(data.status === 'pending')),
  };
};

/** Whether a comment counts in `total`: published, and not a deleted one's placeholder. */
const counted = (c: Comment) => !c.status && !c.deleted;

/** The author's edit came back (maybe held again): replaces the comment, recounts. */
const replaceComment: Action<Comment> = ({ state, data }) => {
  const old = state.comments.find((c) => c.id === data.id);
  if (!old) return {};
  return {
    comments: state.comments.map((c) => (c.id === data.id ? data : c)),
    total: state.total - Number(counted(old)) + Number(counted(data)),
  };
};

/**
 * The author deleted a comment. With replies in the thread it becomes a
 * placeholder, as the server keeps it; without, it goes, and so does any
 * placeholder above it left with no replies.
 */
const removeComment: Action<string> = ({ state, data }) => {
  const old = state.comments.find((c) => c.id === data);
  if (!old) return {};
  const total = state.total - Number(counted(old));
  const hasReplies = (id: string, list: Comment[]) => list.some((c) => c.parentId === id);
  if (hasReplies(data, state.comments)) {
    const placeholder: Comment = {
      id: old.id,
      parentId: old.parentId,
      html: '',
      createdAt: old.createdAt,
      deleted: true,
      author: { name: '', url: null, avatarUrl: '', provider: 'guest' },
    };
    return { comments: state.comments.map((c) => (c.id === data ? placeholder : c)), total };
  }
  let comments = state.comments.filter((c) => c.id !== data);
  let parent = comments.find((c) => c.id === old.parentId);
  while (parent?.deleted && !hasReplies(parent.id, comments)) {
    const gone = parent;
    comments = comments.filter((c) => c !== gone);
    parent = comments.find((c) => c.id === gone.parentId);
  }
  return { comments, total };
};

/** Says `text` in the polite live region. */
const announce: Action<string> = ({ state, data }) => ({
  announcement: nextAnnouncement(state, data),
});

/**
 * Comments fetched from the server join the list after those shown. A
 * comment already shown (the reader's own, added when they posted it) moves
 * to where the server places it, so nothing shows twice.
 */
function withFetched(state: State, fetched: Comment[]): Comment[] {
  const ids = new Set(fetched.map((c) => c.id));
  return [...state.comments.filter((c) => !ids.has(c.id)), ...fetched];
}

/** The next page of top-level comments ("Load more comments"). */
const appendPage: Action<CommentList> = ({ state, data }) => ({
  comments: withFetched(state, data.comments),
  total: data.total,
  nextCursor: data.nextCursor,
  moreReplies: { ...state.moreReplies, ...data.moreReplies },
});

/** More replies of one top-level comment ("Show N more replies"). */
const appendReplies: Action<{ parent: string; list: CommentList }> = ({ state, data }) => {
  const { [data.parent]: _shown, ...rest } = state.moreReplies;
  const more = data.list.moreReplies[data.parent];
  return {
    comments: withFetched(state, data.list.comments),
    total: data.list.total,
    moreReplies: more ? { ...rest, [data.parent]: more } : rest,
  };
};

const byTime = (a: Comment, b: Comment) =>
  a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1;

const liveMark = (state: State, id: string) => ({ id, seq: (state.live?.seq ?? 0) + 1 });

/** `a` comes before `b` in the thread's time order (the server's keyset order). */
const isBefore = (a: Comment, b: Comment) => byTime(a, b) < 0;

/**
 * Whether a comment not in the list belongs among those shown, or in what
 * the reader has not loaded yet (a later page of top-level comments, or the
 * replies behind "Show N more replies"): pages come in time order, so a
 * comment after the last one loaded will arrive with the page that holds it.
 * Returns the top-level comment whose "more replies" count it joins, if any.
 */
function placeOf(state: State, c: Comment): { shown: true } | { shown: false; root?: string } {
  if (c.parentId === null) {
    const lastTop = state.comments.findLast((x) => x.parentId === null);
    return !state.nextCursor || (lastTop && !isBefore(lastTop, c))
      ? { shown: true }
      : { shown: false };
  }
  const byId = new Map(state.comments.map((x) => [x.id, x]));
  if (!byId.has(c.parentId)) return { shown: false };
  const rootOf = (x: Comment) => {
    let at = x;
    for (let p = at.parentId && byId.get(at.parentId); p; p = at.parentId && byId.get(at.parentId))
      at = p;
    return at.id;
  };
  const root = rootOf(c);
  if (!state.moreReplies[root]) return { shown: true };
  const lastReply = state.comments.findLast((x) => x.parentId !== null && rootOf(x) === root);
  return lastReply && !isBefore(lastReply, c) ? { shown: true } : { shown: false, root };
}

/** What a live update says of a comment (contract/live.ts). */
export interface LiveCommentData {
  comment: Comment;
  /** Readers could not see it before (just posted, or approved now). */
  appeared: boolean;
}

/**
 * A comment published or changed elsewhere (live updates): a new one goes
 * into its place in time order (a comment approved late lands where it was
 * written), marked new; a known one is replaced. The reader's own comment
 * keeps what only its author has (the edit window, the source) and takes
 * the published status. A new one that belongs after what is loaded (a later
 * page, or behind "Show N more replies") is not shown out of order: it is
 * counted (heading, "more replies") and marked new for when it is loaded.
 */
const liveComment: Action<LiveCommentData> = ({ state, data: { comment: data, appeared } }) => {
  const old = state.comments.find((c) => c.id === data.id);
  if (old) {
    const own = old.editableUntil && !data.deleted;
    const next: Comment = own
      ? { ...data, editableUntil: old.editableUntil, source: data.source ?? old.source }
      : data;
    return {
      comments: state.comments.map((c) => (c.id === data.id ? next : c)),
      total: state.total - Number(counted(old)) + Number(counted(next)),
      live: liveMark(state, data.id),
    };
  }
  // A placeholder of a comment this reader never had: nothing to show.
  if (data.deleted) return {};
  const place = placeOf(state, data);
  if (!place.shown) {
    // An edit of a comment not loaded yet changes nothing shown.
    if (!appeared || state.fresh.includes(data.id)) return {};
    const more = place.root ? state.moreReplies[place.root] : undefined;
    return {
      total: state.total + Number(counted(data)),
      fresh: [...state.fresh, data.id],
      ...(place.root && more
        ? {
            moreReplies: { ...state.moreReplies, [place.root]: { ...more, count: more.count + 1 } },
          }
        : {}),
    };
  }
  return {
    comments: [...state.comments, data].sort(byTime),
    total: state.total + Number(counted(data)),
    fresh: [...state.fresh, data.id],
    live: liveMark(state, data.id),
  };
};

/**
 * A comment readers could see was withdrawn (trash, spam, held again,
 * deleted). The reader's own held comment stays: they still see it, as
 * awaiting moderation, as the server shows it to them.
 */
const liveRemove: Action<string> = ({ state, data }) => {
  const old = state.comments.find((c) => c.id === data);
  if (!old || old.status === 'pending') return {};
  return {
    comments: state.comments.filter((c) => c.id !== data),
    total: state.total - Number(counted(old)),
    live: liveMark(state, data),
  };
};

/** Opens the reply form under one comment (closing any other). */
const openReply: Action<string> = ({ data }) => ({ replyingTo: data });

const closeReply: Action<null> = () => ({ replyingTo: null });

/** Highlights a comment of this thread (deep link); unknown ids change nothing. */
const highlight: Action<string> = ({ state, data }) =>
  state.comments.some((c) => c.id === data)
    ? { highlighted: nextHighlight(state, data, false) }
    : {};

const setAuthor: Action<Partial<AuthorDetails>> = ({ state, data }) => ({
  author: { ...state.author, ...data },
});

const setRemember: Action<boolean> = ({ data }) => ({ remember: data });

/**
 * Saved details that arrived after the first render (kept by the host page):
 * they fill the form only if the reader has typed none of their own, so
 * nothing typed is overwritten and two people's details are never mixed.
 */
const restoreAuthor: Action<AuthorDetails> = ({ state, data }) => {
  const { name, email, website } = state.author;
  return name || email || website ? {} : { author: data, remember: true };
};

/** A sign-in started: the form says "Connecting to …" (any earlier message goes). */
const startSignIn: Action<ProviderId> = ({ data }) => ({
  signingIn: { provider: data },
  authMessage: null,
});

/** A session arrived (sign-in, restored on load, or refreshed). */
const signedIn: Action<Session> = ({ data }) => ({
  session: data,
  signingIn: null,
  authMessage: null,
});

/** A sign-in ended without a session (cancelled, denied, failed); the guest form stays. */
const signInEnded: Action<string | null> = ({ data }) => ({ signingIn: null, authMessage: data });

/** The session ended (Log Out, Change, or it could not be renewed). */
const signedOut: Action<string | null> = ({ data }) => ({
  session: null,
  signingIn: null,
  authMessage: data,
});

/**
 * The thread as the server has it now, from its first page again (after a
 * change that touched many comments, or live updates that could not resume).
 */
const threadLoaded: Action<CommentList> = ({ data }) => ({
  comments: data.comments,
  total: data.total,
  nextCursor: data.nextCursor,
  moreReplies: data.moreReplies,
});

export const actions = {
  threadLoaded,
  addComment,
  appendPage,
  appendReplies,
  replaceComment,
  removeComment,
  announce,
  liveComment,
  liveRemove,
  openReply,
  closeReply,
  highlight,
  setAuthor,
  setRemember,
  restoreAuthor,
  startSignIn,
  signedIn,
  signInEnded,
  signedOut,
};

export type Actions = typeof actions;
export type ActionName = keyof Actions;
export type ActionData<K extends ActionName> = DataOf<Actions, K>;
export type Dispatch = DispatchOf<Actions>;

/** Applies one registered change to a state and returns the new state. */
export const apply = applier<State, Actions>(actions);
