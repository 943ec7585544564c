/**
 * A live-update stream's connection taken from node:http (issue 10,
 * "Memory"). node:http holds a never-ending response's parser, request,
 * response and per-connection closures for as long as it is open: ~4.9 KB of
 * heap and ~8.4 KB of RSS a stream, against ~2.3 and ~4.2 KB for the socket
 * alone (5,000 idle streams, bench/sse-memory.ts). Node hands a socket over
 * like this only for an upgrade; for a plain GET this does what its upgrade
 * path does (lib/_http_server.js, onParserExecuteCommon): node:http's socket
 * listeners removed, the parser let go, and the socket read by its new owner.
 *
 * Whatever it finds not as expected (another Node's internals, a pipelined
 * request behind the stream, a head not yet written out), it leaves alone and
 * says so: the stream then stays on its response, as before.
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * node:http's own listeners on a server connection, by event and function
 * name (connectionListenerInternal). The first four are always there; without
 * them this is not the node:http it knows.
 */
const HTTP_LISTENERS: Record<string, string> = {
  data: 'bound socketOnData',
  end: 'bound socketOnEnd',
  close: 'bound socketOnClose',
  drain: 'bound socketOnDrain',
  error: 'socketOnError',
  timeout: 'socketOnTimeout',
  resume: 'onSocketResume',
  pause: 'onSocketPause',
};
const REQUIRED = ['data', 'end', 'close', 'drain'];
/** node:http wraps these on each connection (to take the socket back from its parser). */
const WRAPPED = ['on', 'addListener', 'prependListener', 'setEncoding'] as const;

interface Parser {
  incoming?: unknown;
  socket?: unknown;
  onIncoming?: unknown;
  _consumed?: boolean;
  unconsume?: () => void;
  remove?: () => void;
  close?: () => void;
}

type HttpSocket = Socket & { parser?: Parser | null; _httpMessage?: unknown };

const ignore = () => {};
/** The client is gone (or half-closed, which node:http answers the same way). */
function endSocket(this: Socket) {
  this.end();
}
// As node:http frees a parser it has no room to pool: later, never inside its own callback.
function closeParser(parser: Parser) {
  parser.close?.();
}

/**
 * Takes `res`'s connection from node:http, once its head and everything
 * written so far are on the socket, and returns it: node:http no longer
 * reads, times or closes it, `res` and its request are no longer held by
 * anything, and what is written from now on must be framed as chunks
 * (`chunk()`; the response was chunked). Returns null, changing nothing,
 * when the connection is not exactly that.
 */
export function takeSocket(res: ServerResponse): Socket | null {
  const socket = res.socket as HttpSocket | null;
  const parser = socket?.parser;
  if (!socket || !parser || socket.destroyed || socket._httpMessage !== res) return null;
  // Another request read behind this one (pipelined) still wants its answer.
  if (parser.incoming !== res.req) return null;
  const out = res as ServerResponse & { chunkedEncoding?: boolean; outputData?: unknown[] };
  if (!res.headersSent || res.writableEnded || out.chunkedEncoding !== true) return null;
  if (!Array.isArray(out.outputData) || out.outputData.length !== 0) return null;
  if (typeof parser.unconsume !== 'function' || typeof parser.remove !== 'function') return null;
  const theirs = (event: string) =>
    socket.listeners(event).filter((fn) => fn.name === HTTP_LISTENERS[event]);
  if (REQUIRED.some((event) => theirs(event).length !== 1)) return null;

  res.detachSocket(socket);
  for (const event of Object.keys(HTTP_LISTENERS)) {
    for (const fn of theirs(event)) socket.removeListener(event, fn as () => void);
  }
  for (const name of WRAPPED) delete (socket as unknown as Record<string, unknown>)[name];
  if (parser._consumed) parser.unconsume();
  // Out of the server's list of connections (its header and request timeouts).
  parser.remove();
  socket.parser = null;
  parser.socket = null;
  parser.incoming = null;
  parser.onIncoming = null;
  setImmediate(closeParser, parser);

  // Read (and drop) what the client sends, to see it leave.
  socket.on('data', ignore);
  socket.on('end', endSocket);
  socket.on('error', ignore);
  return socket;
}

/** `text` as one chunk of a chunked body, as node:http frames what a chunked response writes. */
export function chunk(text: string): string {
  return `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
}

/** The end of a chunked body. */
export const LAST_CHUNK = '0\r\n\r\n';
