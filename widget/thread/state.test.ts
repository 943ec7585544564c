import { describe, expect, it } from 'vitest';
import { apply, initialState, type State } from './state.ts';
import { buildComment, threadOf } from './test-fixtures.ts';

const a = buildComment({ id: 'a' });
const start = (): State => initialState(threadOf([a]), null);

describe('state changes', () => {
  it('starts from the bootstrap thread, with saved details ticking "remember"', () => {
    expect(start()).toMatchObject({ total: 1, remember: false, author: { name: '' } });
    const saved = { name: 'Ann', email: 'ann@example.com', website: '' };
    expect(initialState(threadOf([]), saved)).toMatchObject({
      remember: true,
      author: saved,
    });
  });

  it('threadLoaded replaces the thread with the server’s (after an account deletion)', () => {
    const anonymous = buildComment({ id: 'a', author: { ...a.author, name: 'Deleted user' } });
    expect(apply(start(), 'threadLoaded', threadOf([anonymous]))).toMatchObject({
      comments: [anonymous],
      total: 1,
    });
  });

  it('restoreAuthor fills in details that arrive late, unless the reader typed some', () => {
    const saved = { name: 'Ann', email: 'ann@example.com', website: '' };
    expect(apply(start(), 'restoreAuthor', saved)).toMatchObject({ author: saved, remember: true });
    const typed = apply(start(), 'setAuthor', { email: 'bob@example.com' });
    expect(apply(typed, 'restoreAuthor', saved)).toEqual(typed);
  });

  it('addComment appends, counts, highlights with focus and closes that reply form', () => {
    const reply = buildComment({ id: 'r', parentId: 'a' });
    const replying = apply(start(), 'openReply', 'a');
    const next = apply(replying, 'addComment', reply);
    expect(next.comments.map((c) => c.id)).toEqual(['a', 'r']);
    expect(next.total).toBe(2);
    expect(next.replyingTo).toBeNull();
    expect(next.highlighted).toEqual({ id: 'r', seq: 1, focus: true });
  });

  it('addComment shows a held comment but does not count it', () => {
    const held = apply(start(), 'addComment', buildComment({ id: 'h', status: 'pending' }));
    expect(held.comments.map((c) => c.id)).toEqual(['a', 'h']);
    expect(held.total).toBe(1);
    expect(held.highlighted).toEqual({ id: 'h', seq: 1, focus: true });
  });

  it('addComment from the main form leaves an open reply form alone', () => {
    const replying = apply(start(), 'openReply', 'a');
    expect(apply(replying, 'addComment', buildComment()).replyingTo).toBe('a');
  });

  it('addComment ignores a comment already in the thread', () => {
    const once = apply(start(), 'addComment', a);
    expect(once.total).toBe(1);
  });

  it('openReply keeps one reply form open; closeReply closes it', () => {
    const b = apply(apply(start(), 'openReply', 'a'), 'openReply', 'b');
    expect(b.replyingTo).toBe('b');
    expect(apply(b, 'closeReply', null).replyingTo).toBeNull();
  });

  it('highlight marks known comments only, and each time anew', () => {
    const once = apply(start(), 'highlight', 'a');
    expect(once.highlighted).toEqual({ id: 'a', seq: 1, focus: false });
    expect(apply(once, 'highlight', 'a').highlighted?.seq).toBe(2);
    expect(apply(start(), 'highlight', 'nope').highlighted).toBeNull();
  });

  it('setAuthor merges fields; setRemember sets the checkbox', () => {
    const s = apply(apply(start(), 'setAuthor', { name: 'Ann' }), 'setAuthor', { email: 'a@x.io' });
    expect(s.author).toEqual({ name: 'Ann', email: 'a@x.io', website: '' });
    expect(apply(s, 'setRemember', true).remember).toBe(true);
  });

  it('sign-in: connecting, then a session or a message; sign-out keeps the typed details', () => {
    const identity = { name: 'Tess', url: null, avatarUrl: '', provider: 'twitter' as const };
    const session = { identity, accessToken: 't', expiresAt: 1 };
    const typed = apply(start(), 'setAuthor', { name: 'Ann' });
    const connecting = apply(apply(typed, 'signInEnded', 'old news'), 'startSignIn', 'twitter');
    expect(connecting).toMatchObject({ signingIn: { provider: 'twitter' }, authMessage: null });
    const denied = apply(connecting, 'signInEnded', 'You cancelled signing in with Twitter.');
    expect(denied).toMatchObject({ signingIn: null, session: null, authMessage: /cancelled/ });
    const signedIn = apply(connecting, 'signedIn', session);
    expect(signedIn).toMatchObject({ session, signingIn: null, authMessage: null });
    const out = apply(signedIn, 'signedOut', null);
    expect(out).toMatchObject({ session: null, author: { name: 'Ann' } });
  });

  it('replaceComment swaps in an edit and recounts when it is held again', () => {
    const edited = { ...a, html: '<p>New</p>', editedAt: '2026-11-24T20:00:00.000Z' };
    expect(apply(start(), 'replaceComment', edited)).toMatchObject({
      comments: [edited],
      total: 1,
    });
    const held = apply(start(), 'replaceComment', { ...a, status: 'pending' });
    expect(held.total).toBe(0);
    expect(apply(held, 'replaceComment', a).total).toBe(1);
    expect(apply(start(), 'replaceComment', buildComment({ id: 'zz' }))).toEqual(start());
  });

  it('removeComment removes a leaf, and a placeholder above it left without replies', () => {
    expect(apply(start(), 'removeComment', 'a')).toMatchObject({ comments: [], total: 0 });
    const r = buildComment({ id: 'r', parentId: 'a' });
    const withReply = initialState(threadOf([a, r]), null);
    const placeheld = apply(withReply, 'removeComment', 'a');
    expect(placeheld.total).toBe(1);
    expect(placeheld.comments[0]).toEqual({
      id: 'a',
      parentId: null,
      html: '',
      createdAt: a.createdAt,
      deleted: true,
      author: { name: '', url: null, avatarUrl: '', provider: 'guest' },
    });
    expect(placeheld.comments[1]).toBe(r);
    expect(apply(placeheld, 'removeComment', 'r')).toMatchObject({ comments: [], total: 0 });
  });

  it('liveComment puts a new comment in its place in time order, counted and marked new', () => {
    const later = buildComment({ id: 'z', createdAt: new Date(Date.now()).toISOString() });
    const approvedLate = buildComment({
      id: 'b',
      createdAt: new Date(Date.parse(a.createdAt) + 1000).toISOString(),
    });
    let state = apply(start(), 'liveComment', { comment: later, appeared: true });
    state = apply(state, 'liveComment', { comment: approvedLate, appeared: true });
    expect(state.comments.map((c) => c.id)).toEqual(['a', 'b', 'z']);
    expect(state.total).toBe(3);
    expect(state.fresh).toEqual(['z', 'b']);
    expect(state.live).toEqual({ id: 'b', seq: 2 });
    // Again (a replay after a reconnection): replaced, not doubled.
    const again = apply(state, 'liveComment', {
      comment: { ...later, html: '<p>edited</p>' },
      appeared: false,
    });
    expect(again.comments.map((c) => c.id)).toEqual(['a', 'b', 'z']);
    expect(again.total).toBe(3);
    expect(again.comments.at(-1)?.html).toBe('<p>edited</p>');
  });

  it('liveComment keeps what only the author has on their own comment, and publishes their held one', () => {
    const own = buildComment({
      id: 'o',
      status: 'pending',
      editableUntil: new Date(Date.now() + 60_000).toISOString(),
      source: 'mine',
    });
    const held = apply(start(), 'addComment', own);
    expect(held.total).toBe(1);
    const { status: _, editableUntil: __, source: ___, ...published } = own;
    const approved = apply(held, 'liveComment', { comment: published, appeared: true });
    expect(approved.comments.at(-1)).toMatchObject({
      editableUntil: own.editableUntil,
      source: 'mine',
    });
    expect(approved.comments.at(-1)?.status).toBeUndefined();
    expect(approved.total).toBe(2);
    expect(approved.fresh).toEqual([]);
  });

  it('addComment after the same comment arrived live takes the author’s copy, not marked new', () => {
    const mine = buildComment({
      id: 'm',
      editableUntil: new Date(Date.now() + 60_000).toISOString(),
    });
    const { editableUntil: _, ...asReadersSeeIt } = mine;
    const live = apply(start(), 'liveComment', { comment: asReadersSeeIt, appeared: true });
    const posted = apply(live, 'addComment', mine);
    expect(posted.comments.map((c) => c.id)).toEqual(['a', 'm']);
    expect(posted.comments.at(-1)?.editableUntil).toBe(mine.editableUntil);
    expect(posted.total).toBe(2);
    expect(posted.fresh).toEqual([]);
    expect(posted.highlighted).toMatchObject({ id: 'm', focus: true });
  });

  it('liveRemove takes a withdrawn comment away, but not the reader’s own held one', () => {
    const removed = apply(start(), 'liveRemove', 'a');
    expect(removed.comments).toEqual([]);
    expect(removed.total).toBe(0);
    expect(apply(removed, 'liveRemove', 'unknown')).toEqual(removed);
    const own = apply(start(), 'addComment', buildComment({ id: 'h', status: 'pending' }));
    expect(apply(own, 'liveRemove', 'h').comments.map((c) => c.id)).toEqual(['a', 'h']);
  });

  it('liveComment ignores the placeholder of a comment the reader never had', () => {
    const placeholder = buildComment({ id: 'gone', deleted: true, html: '' });
    expect(
      apply(start(), 'liveComment', { comment: placeholder, appeared: true }).comments.map(
        (c) => c.id,
      ),
    ).toEqual(['a']);
    const blanked = apply(start(), 'liveComment', {
      comment: { ...a, deleted: true, html: '' },
      appeared: false,
    });
    expect(blanked.comments[0]?.deleted).toBe(true);
    expect(blanked.total).toBe(0);
  });
});

describe('more of a big thread', () => {
  it('appendPage adds the next page after what is shown, and takes its cursor', () => {
    const b = buildComment({ id: 'b' });
    const s = initialState(threadOf([a], { nextCursor: 'p2', total: 3 }), null);
    const next = apply(s, 'appendPage', threadOf([b], { total: 3, nextCursor: null }));
    expect(next.comments.map((c) => c.id)).toEqual(['a', 'b']);
    expect(next).toMatchObject({ nextCursor: null, total: 3 });
  });

  it('appendPage moves the reader’s own new comment to where the server places it', () => {
    const mine = buildComment({ id: 'mine' });
    const s = apply(initialState(threadOf([a], { nextCursor: 'p2' }), null), 'addComment', mine);
    const b = buildComment({ id: 'b' });
    const next = apply(s, 'appendPage', threadOf([b, mine]));
    expect(next.comments.map((c) => c.id)).toEqual(['a', 'b', 'mine']);
  });

  it('appendReplies adds replies and keeps "more" only while the server has more', () => {
    const more = { a: { count: 3, cursor: 'r2' } };
    const s = initialState(threadOf([a], { moreReplies: more }), null);
    const r1 = buildComment({ id: 'r1', parentId: 'a' });
    const partial = apply(s, 'appendReplies', {
      parent: 'a',
      list: threadOf([r1], { moreReplies: { a: { count: 2, cursor: 'r3' } } }),
    });
    expect(partial.moreReplies).toEqual({ a: { count: 2, cursor: 'r3' } });
    const r2 = buildComment({ id: 'r2', parentId: 'a' });
    const done = apply(partial, 'appendReplies', { parent: 'a', list: threadOf([r2]) });
    expect(done.comments.map((c) => c.id)).toEqual(['a', 'r1', 'r2']);
    expect(done.moreReplies).toEqual({});
  });

  describe('live updates where only part of the thread is loaded', () => {
    const at = (minutes: number) =>
      new Date(Date.parse('2026-11-01T10:00:00Z') + minutes * 60_000).toISOString();
    const t1 = buildComment({ id: 't1', createdAt: at(0) });
    const t2 = buildComment({ id: 't2', createdAt: at(10) });
    const r1 = buildComment({ id: 'r1', parentId: 't1', createdAt: at(20) });
    const arrived = (comment: ReturnType<typeof buildComment>) => ({ comment, appeared: true });

    it('a new top-level comment that belongs after unloaded pages is counted and waits for Load more, marked new', () => {
      const s = initialState(threadOf([t1, t2], { nextCursor: 'p2', total: 5 }), null);
      const latest = buildComment({ id: 'n', createdAt: at(60) });
      const next = apply(s, 'liveComment', arrived(latest));
      expect(next.comments.map((c) => c.id)).toEqual(['t1', 't2']);
      expect(next.total).toBe(6);
      expect(next.fresh).toEqual(['n']);
      expect(next.live).toBeNull();
      // A replay of the same event counts it once.
      expect(apply(next, 'liveComment', arrived(latest)).total).toBe(6);
      // An edit of a comment on an unloaded page changes nothing.
      const edit = { comment: buildComment({ id: 'far', createdAt: at(30) }), appeared: false };
      expect(apply(next, 'liveComment', edit)).toEqual(next);
      // Loaded with its page later: there, marked new.
      const loaded = apply(next, 'appendPage', threadOf([latest], { total: 6 }));
      expect(loaded.comments.map((c) => c.id)).toEqual(['t1', 't2', 'n']);
      expect(loaded.fresh).toContain('n');
    });

    it('a comment approved late whose place is among the loaded ones is shown there', () => {
      const s = initialState(threadOf([t1, t2], { nextCursor: 'p2', total: 5 }), null);
      const late = buildComment({ id: 'late', createdAt: at(5) });
      const next = apply(s, 'liveComment', arrived(late));
      expect(next.comments.map((c) => c.id)).toEqual(['t1', 'late', 't2']);
      expect(next.total).toBe(6);
    });

    it('a reply whose parent is not loaded waits for it; the count still rises', () => {
      const s = initialState(threadOf([t1, t2], { nextCursor: 'p2', total: 2 }), null);
      const orphan = buildComment({ id: 'o', parentId: 'unloaded', createdAt: at(60) });
      const next = apply(s, 'liveComment', arrived(orphan));
      expect(next.comments.map((c) => c.id)).toEqual(['t1', 't2']);
      expect(next.total).toBe(3);
    });

    it('a reply under a loaded comment is shown, even when more top-level pages remain', () => {
      const s = initialState(threadOf([t1, r1, t2], { nextCursor: 'p2', total: 3 }), null);
      const reply = buildComment({ id: 'r2', parentId: 'r1', createdAt: at(60) });
      const next = apply(s, 'liveComment', arrived(reply));
      expect(next.comments.map((c) => c.id)).toEqual(['t1', 't2', 'r1', 'r2']);
      expect(next.total).toBe(4);
      expect(next.live).toMatchObject({ id: 'r2' });
    });

    it('a new reply behind "Show N more replies" raises that count instead of jumping the queue', () => {
      const s = initialState(
        threadOf([t1, r1, t2], { moreReplies: { t1: { count: 4, cursor: 'c' } }, total: 7 }),
        null,
      );
      const reply = buildComment({ id: 'r9', parentId: 'r1', createdAt: at(60) });
      const next = apply(s, 'liveComment', arrived(reply));
      expect(next.comments.map((c) => c.id)).toEqual(['t1', 'r1', 't2']);
      expect(next.moreReplies).toEqual({ t1: { count: 5, cursor: 'c' } });
      expect(next.total).toBe(8);
      // An earlier reply published late (approved now) among the shown ones is shown.
      const early = buildComment({ id: 'r0', parentId: 't1', createdAt: at(15) });
      expect(apply(s, 'liveComment', arrived(early)).comments.map((c) => c.id)).toEqual([
        't1',
        't2',
        'r0',
        'r1',
      ]);
    });

    it('threadLoaded takes the first page again, with its cursor and more replies', () => {
      const s = initialState(threadOf([t1, t2], { nextCursor: 'p2' }), null);
      const loaded = apply(s, 'appendPage', threadOf([buildComment({ id: 'x' })]));
      const reloaded = apply(
        loaded,
        'threadLoaded',
        threadOf([t1], { nextCursor: 'q', moreReplies: { t1: { count: 1, cursor: 'm' } } }),
      );
      expect(reloaded).toMatchObject({
        comments: [t1],
        nextCursor: 'q',
        moreReplies: { t1: { count: 1, cursor: 'm' } },
      });
    });
  });
});
