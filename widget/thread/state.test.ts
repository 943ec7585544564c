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
});
