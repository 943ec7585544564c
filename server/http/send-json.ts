import type { Response } from 'express';

/**
 * Answers `status` with `value` as JSON, as `res.status(status).json(value)`
 * does (the same body, Content-Type and Content-Length, in that order),
 * without the ETag Express's send() adds: a SHA-1 of every answer, hashed on
 * the main thread. For a POST's 201 it names nothing a client could
 * revalidate (the answer is not a representation of the URL it posted to).
 */
export function sendJson(res: Response, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.status(status);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', String(Buffer.byteLength(body)));
  res.end(body);
}
