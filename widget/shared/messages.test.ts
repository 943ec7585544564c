import { describe, expect, it } from 'vitest';
import { readFrameToHost, readHostToFrame } from './messages.ts';

const DRAFT = 'parley:draft:blog:/post';

describe('storage messages', () => {
  it('reads a storageSet only for draft and author keys within the limits', () => {
    const read = (key: unknown, value: unknown) =>
      readFrameToHost({ parley: { type: 'storageSet', key, value } });
    expect(read(DRAFT, 'text')).toEqual({ type: 'storageSet', key: DRAFT, value: 'text' });
    expect(read('parley:author:blog', null)).toMatchObject({ value: null });
    expect(read('parley:session:blog', 'x')).toBeNull();
    expect(read(DRAFT.padEnd(2_501, 'x'), 'x')).toBeNull();
    expect(read(DRAFT, 'x'.repeat(20_001))).toBeNull();
    expect(read(DRAFT, undefined)).toBeNull();
    expect(read(DRAFT, { text: 'x' })).toBeNull();
  });

  it('keeps only the entries of a storage message the app could have stored', () => {
    const read = (data: unknown) => readHostToFrame({ parley: { type: 'storage', data } });
    expect(
      read({
        [DRAFT]: 'kept',
        'parley:author:blog': '{}',
        'parley:draft:blog:/huge': 'x'.repeat(20_001),
        'parley:draft:blog:/number': 42,
        'someone:else': 'x',
      }),
    ).toEqual({ type: 'storage', data: { [DRAFT]: 'kept', 'parley:author:blog': '{}' } });
    for (const data of [null, 'x', [DRAFT], undefined]) expect(read(data)).toBeNull();
  });
});
