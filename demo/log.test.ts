import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../server/logger.ts';
import { readableLog } from './log.ts';

describe('the demo’s log', () => {
  it('prints one readable line per entry, not JSON', () => {
    let out = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        out += chunk.toString();
        done();
      },
    });
    const logger = createLogger({ logLevel: 'info' }, readableLog(sink));
    logger.info(
      { req: { method: 'GET', path: '/embed/thread' }, res: { status: 200 }, responseTime: 12 },
      'GET /embed/thread 200 12 ms',
    );
    logger.warn({ dir: './dist/widget' }, 'widget not built; run npm run build');
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: GET \/embed\/thread 200 12 ms$/);
    expect(lines[1]).toMatch(
      /WARN: widget not built; run npm run build \{"dir":".\/dist\/widget"\}$/,
    );
    expect(out).not.toContain('"level"');
  });
});
