/**
 * A stream whose client stops reading (docs/security.md, "Live updates"):
 * once its socket is taken from node:http (live.socket.ts) the hub is all
 * that holds it, so dropping it must let go of the connection too. An
 * address that could leave streams behind, each with its megabyte of
 * unsent events, and open new ones in their place (no longer counted) could
 * fill the server's memory past LIVE_MAX_PER_IP. Shutdown likewise must not
 * leave a taken connection open behind the streams it ended.
 */
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import type { ParleyEvent } from '../events/event.types.ts';
import type { Events } from '../events/events.ts';
import { createLiveHub, type LiveHub } from './live.hub.ts';
import { createLiveIds } from './live.ids.ts';

const IP = '192.0.2.1';
let server: Server | undefined;
let client: Socket | undefined;
let hub: LiveHub | undefined;
afterEach(async () => {
  client?.destroy();
  hub?.stop();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = client = hub = undefined;
});

/** A hub on a real server, its events published by hand, and one stream open from IP. */
async function openStream() {
  let publish: ((event: ParleyEvent) => void) | undefined;
  const events = {
    subscribe(handler: (event: ParleyEvent) => void) {
      publish = handler;
      return () => {};
    },
    since: async () => [],
    lastId: async () => null,
  } as unknown as Events;
  const live = createLiveHub(events, {
    maxPerIp: 1,
    heartbeatMs: 60_000,
    retryMs: 2_000,
    ids: createLiveIds('a secret of at least 32 characters!'),
  });
  hub = live;
  let connection: Socket | undefined;
  let opened!: () => void;
  const ready = new Promise<void>((resolve) => {
    opened = resolve;
  });
  // As the fast path opens streams: with onClosed, so the hub takes the socket.
  server = createServer((_req, res) => {
    void live.open(res, IP, 'blog', 'p', null, { onClosed: () => {} }).then(opened);
  });
  server.on('connection', (socket) => {
    connection = socket;
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  client = connect((server.address() as AddressInfo).port, '127.0.0.1');
  client.write('GET /api/v1/events?site=blog&page=p HTTP/1.1\r\nHost: x\r\n\r\n');
  await ready;
  let n = 0;
  const comment = (html: string): ParleyEvent => {
    n++;
    return {
      id: String(n),
      siteId: 'blog',
      at: '',
      type: 'comment.created',
      pageKey: 'p',
      page: { url: 'p', title: 't' },
      comment: {
        id: `c${n}`,
        parentId: null,
        status: 'approved',
        previousStatus: null,
        reasons: [],
        public: { id: `c${n}`, html } as never,
      },
    } as ParleyEvent;
  };
  return {
    hub: live,
    connection: () => connection as Socket,
    publish: (html: string) => publish?.(comment(html)),
  };
}

it('drops the connection of a stream whose client stopped reading, not just its count', async () => {
  const { hub, connection, publish } = await openStream();
  client?.pause(); // reads nothing from now on (its window closes, the server's buffer grows)
  const html = 'x'.repeat(60_000);
  for (let i = 0; i < 2_000 && hub.size() === 1; i++) {
    publish(html);
    await new Promise((resolve) => setImmediate(resolve));
  }
  expect(hub.size()).toBe(0);
  // The address may open another stream now, so the one it left must be gone,
  // with what it buffered: ended, it would wait for a client that never reads.
  expect(hub.admits(IP)).toBe(true);
  expect(connection().destroyed).toBe(true);
});

it('counts a stream ended at shutdown until its connection closes, and stop() closes it', async () => {
  const { hub, connection } = await openStream();
  client?.pause();
  hub.closeAll(2_000);
  // The client has not read the end: the connection is still open, and still counted.
  expect(connection().destroyed).toBe(false);
  expect(hub.size()).toBe(1);
  hub.stop();
  expect(connection().destroyed).toBe(true);
  expect(hub.size()).toBe(0);
});
