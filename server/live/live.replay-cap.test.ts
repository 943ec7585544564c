/**
 * A reader far behind gets a reset, not a replay of the whole log
 * (MAX_REPLAY_EVENTS, docs/security.md "Live updates"): an id kept for its
 * hour, presented on every reconnection, must not make each one read
 * thousands of events back.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import type { ParleyEvent } from '../events/event.types.ts';
import { type Events, MAX_REPLAY_EVENTS, MEMORY_LOG_CAPACITY } from '../events/events.ts';
import { createMemoryLog } from '../events/memory-log.ts';
import { createLiveHub, type LiveHub } from './live.hub.ts';
import { createLiveIds, liveScope } from './live.ids.ts';
import { openSse, type SseStream } from './test/sse-client.ts';

let server: Server | undefined;
let hub: LiveHub | undefined;
const streams: SseStream[] = [];
afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  hub?.stop();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

it(`resets a reader more than ${MAX_REPLAY_EVENTS} events behind, and replays one within`, async () => {
  // The log as a server keeps it, already trimmed once: what it holds is
  // still enough for every resume the cap allows.
  const log = createMemoryLog({ capacity: MEMORY_LOG_CAPACITY });
  await log.publish(
    Array.from(
      { length: MEMORY_LOG_CAPACITY + 300 },
      (_, n): ParleyEvent => ({
        id: `earlier ${n}`,
        siteId: 'blog',
        at: new Date(0).toISOString(),
        type: 'page.changed',
        pageKey: `earlier ${n}`,
      }),
    ),
  );
  const events = {
    subscribe: () => () => {},
    since: (id: string, max?: number) => log.since(id, max),
    lastId: () => log.lastId(),
  } as unknown as Events;
  // Other pages' events: what a busy server writes while the reader is away.
  const behind = MAX_REPLAY_EVENTS + 100;
  await log.publish(
    Array.from(
      { length: behind + 1 },
      (_, n): ParleyEvent => ({
        id: String(n + 1),
        siteId: 'blog',
        at: new Date(0).toISOString(),
        type: 'page.changed',
        pageKey: `other ${n}`,
      }),
    ),
  );
  const ids = createLiveIds('a secret of at least 32 characters!');
  const live = createLiveHub(events, { maxPerIp: 10, heartbeatMs: 60_000, retryMs: 2_000, ids });
  hub = live;
  server = createServer((req, res) => {
    void live.open(res, 'ip', 'blog', 'p', String(req.headers['last-event-id']));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const scope = liveScope('blog', 'p');
  const resume = async (position: number) => {
    const stream = await openSse(url, { 'last-event-id': ids.mint(String(position), scope) });
    streams.push(stream);
    await expect.poll(() => stream.messages.length).toBe(1);
    return stream.messages.map((m) => m.data.type);
  };
  // A kept id from far back (a valid one, of this page): reload, not a replay.
  expect(await resume(1)).toEqual(['reset']);
  // Just within: replayed (nothing on this page), then ready.
  expect(await resume(behind + 1 - MAX_REPLAY_EVENTS)).toEqual(['ready']);
});
