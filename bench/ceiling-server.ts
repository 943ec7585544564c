/**
 * The ceiling: node:http on the same Node, answering every request with the
 * exact status, headers and (already compressed) bytes Parley sent for one
 * request. Whatever Parley does beyond this is the cost the bench measures.
 * Usage: node bench/ceiling-server.ts <recording.json> <port>
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

interface Recording {
  status: number;
  headers: Record<string, string>;
  body: string; // base64
}

const [path, port] = process.argv.slice(2);
const recording = JSON.parse(readFileSync(path as string, 'utf8')) as Recording;
const body = Buffer.from(recording.body, 'base64');
const headers = { ...recording.headers, 'content-length': String(body.length) };

createServer((req, res) => {
  req.resume();
  res.writeHead(recording.status, headers);
  res.end(body);
}).listen(Number(port), '127.0.0.1');
