import { describe, expect, it } from 'vitest';
import { apply, currentAfter, initialState, type State } from './state.ts';
import { buildItem, ME } from './test-fixtures.ts';

const [a, b, c] = [buildItem({ id: 'a' }), buildItem({ id: 'b' }), buildItem({ id: 'c' })];

function queue(overrides: Partial<State> = {}): State {
  return { ...apply(initialState, 'signedIn', ME), items: [a, b, c], loading: false, ...overrides };
}

describe('dashboard state', () => {
  it('signs in to the first site', () => {
    const s = apply(initialState, 'signedIn', ME);
    expect(s).toMatchObject({ checked: true, site: 'blog', me: ME, loading: true });
  });

  it.each<[string | null, string[], string | null]>([
    ['b', ['a', 'c'], 'c'],
    ['c', ['a', 'b'], 'b'],
    ['b', ['b', 'c'], 'b'],
    [null, ['b'], 'b'],
    ['a', [], null],
  ])('after moderating, %s becomes… (%j left)', (current, left, expected) => {
    const after = [a, b, c].filter((i) => left.includes(i.id));
    expect(currentAfter([a, b, c], after, current)).toBe(expected);
  });

  it('keeps moderated items in "All", with their new status', () => {
    const s = apply(queue({ filter: { status: 'all', q: '' }, current: 'a' }), 'moderated', {
      ids: ['a'],
      action: 'spam',
    });
    expect(s.items.map((i) => [i.id, i.status])).toEqual([
      ['a', 'spam'],
      ['b', 'pending'],
      ['c', 'pending'],
    ]);
    expect(s.current).toBe('a');
  });

  it('drops moderated items from the selection', () => {
    const s = apply(queue({ selected: ['a', 'c'] }), 'moderated', { ids: ['a'], action: 'trash' });
    expect(s.selected).toEqual(['c']);
    expect(s.items.map((i) => i.id)).toEqual(['b', 'c']);
  });

  it('keeps selection and current item across a reload only where they still are', () => {
    const s = apply(queue({ selected: ['a', 'b'], current: 'b' }), 'loaded', [a, c]);
    expect(s).toMatchObject({ selected: ['a'], current: null, loading: false });
  });

  it('starts a fresh list on a new status or search, and ignores the same one', () => {
    const s = queue({ selected: ['a'], current: 'a' });
    expect(apply(s, 'showStatus', 'spam')).toMatchObject({
      items: [],
      selected: [],
      loading: true,
    });
    expect(apply(s, 'search', '  sam ').filter).toEqual({ status: 'pending', q: 'sam' });
    expect(apply(s, 'showStatus', 'pending')).toEqual(s);
  });

  it('bans: the comment leaves Pending and the status line says whom', () => {
    const s = apply(queue({ current: 'a' }), 'banned', { id: 'a', label: 'Sam' });
    expect(s.items.map((i) => i.id)).toEqual(['b', 'c']);
    expect(s).toMatchObject({
      message: { key: 'queue.banned', params: { name: 'Sam' } },
      current: 'b',
    });
  });

  it('navigates, taking a site from the URL only if the admin has it', () => {
    const s = queue();
    expect(apply(s, 'navigate', { view: { name: 'settings' }, site: 'elsewhere' })).toMatchObject({
      view: { name: 'settings' },
      site: 'blog',
    });
    expect(apply(s, 'navigate', { view: { name: 'queue' } })).toEqual({ ...s, message: null });
  });

  it('keeps the page across a sign-out, so signing in again lands there', () => {
    const view = { name: 'comment', id: 'x', action: 'approve' } as const;
    const out = apply(queue({ view }), 'signedOut', null);
    expect(out).toMatchObject({ me: null, view, checked: true });
    expect(apply(out, 'signedIn', ME).view).toEqual(view);
  });
});
