/**
 * Streams asked for by requests pipelined on one connection: node:http
 * queues the answers after the first (they have no socket of their own), so
 * when the connection goes only their requests hear of it. Every one must
 * still be counted out of the per-IP limit, or a client could pin its
 * address's streams (and their buffers) for good by closing such a
 * connection.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestServer, type TestServer } from '../test/test-server.ts';

const PATH = `/api/v1/events?site=blog&page=${encodeURIComponent('https://blog.example/post')}`;

describe.each(DIALECTS)('live streams pipelined on one connection on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { LIVE_MAX_PER_IP: '3' });
    await server.buildSite();
  });
  afterAll(async () => {
    await server.stop();
  });

  /** Three stream requests in one write; the connection closes once the first is open. */
  async function pipelinedThenClosed(): Promise<void> {
    const { hostname, port } = new URL(server.url);
    const socket = connect(Number(port), hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk;
    });
    const one = `GET ${PATH} HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`;
    socket.write(one + one + one);
    await expect.poll(() => received.includes('"type":"ready"')).toBe(true);
    // All three are open (the two queued ones too) before the connection goes.
    await expect.poll(() => server.parley.live.size()).toBe(3);
    socket.destroy();
  }

  it('counts out every stream of the connection when it closes', async () => {
    await pipelinedThenClosed();
    await expect.poll(() => server.parley.live.size()).toBe(0);
    await pipelinedThenClosed();
    await expect.poll(() => server.parley.live.size()).toBe(0);
    // The address has its whole limit again.
    const res = await fetch(`${server.url}${PATH}`);
    expect(res.status).toBe(200);
    await res.body?.cancel();
  });
});
