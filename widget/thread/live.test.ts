import { describe, expect, it } from 'vitest';
import { readLiveMessage } from './live.ts';
import { buildComment } from './test-fixtures.ts';

describe('live messages', () => {
  it('reads what the server sends', () => {
    const comment = buildComment({ id: 'c1' });
    expect(readLiveMessage(JSON.stringify({ type: 'comment', comment, appeared: true }))).toEqual({
      type: 'comment',
      comment,
      appeared: true,
    });
    // Only a true `appeared` counts: anything else is an edit.
    expect(readLiveMessage(JSON.stringify({ type: 'comment', comment, appeared: 'yes' }))).toEqual({
      type: 'comment',
      comment,
      appeared: false,
    });
    expect(readLiveMessage('{"type":"remove","id":"c1"}')).toEqual({ type: 'remove', id: 'c1' });
    expect(readLiveMessage('{"type":"reset"}')).toEqual({ type: 'reset' });
    expect(readLiveMessage('{"type":"ready"}')).toEqual({ type: 'ready' });
  });

  it('drops anything else', () => {
    for (const data of [
      'not json',
      'null',
      '"comment"',
      '{"type":"eval"}',
      '{"type":"remove"}',
      '{"type":"comment","comment":{"id":"x"}}',
      '{"type":"comment"}',
    ]) {
      expect(readLiveMessage(data)).toBeNull();
    }
    expect(readLiveMessage(42)).toBeNull();
  });
});
