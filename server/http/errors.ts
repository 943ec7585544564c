import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** Unknown API routes answer in the API's own error shape. */
export const notFound: RequestHandler = function notFound(req, _res, next) {
  next(new AppError(404, 'not_found', `No route for ${req.method} ${req.path}`));
};

export function fromBodyParser(err: unknown): AppError | null {
  const type = (err as { type?: unknown })?.type;
  if (type === 'entity.too.large') {
    return new AppError(413, 'body_too_large', 'The request body is larger than 64 KB');
  }
  if (type === 'entity.parse.failed') {
    return new AppError(400, 'invalid_body', 'The request body is not valid JSON');
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new AppError(415, 'unsupported_media_type', 'Send the request body as UTF-8 JSON');
  }
  // A body declared gzip (deflate, br) that does not decompress: body-parser
  // passes zlib's own error on, marked 400 but with no type. It was a 500.
  const { status, expose } = (err ?? {}) as { status?: unknown; expose?: unknown };
  if (status === 400 && expose === true && err instanceof Error && 'errno' in err) {
    return new AppError(400, 'invalid_body', 'The request body could not be read');
  }
  return null;
}

/** The one error middleware: every failure leaves as `{ error: { code, message } }`. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return function handleError(err, req, res, _next) {
    const known = err instanceof AppError ? err : fromBodyParser(err);
    if (!known) logger.error({ err, path: req.path }, 'unhandled error');
    const error = known ?? new AppError(500, 'internal_error', 'Something went wrong on our side');
    // Too late for an answer of its own: the client must see the response
    // cut off (as Express's own handler does), not a stream left open with
    // nothing more to come (a live stream whose replay failed kept its
    // socket and its page's events queued until the reader left).
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res
      .set(error.headers)
      .status(error.status)
      .json({
        error: {
          code: error.code,
          message: error.message,
          ...(error.field ? { field: error.field } : {}),
          ...(error.detail ? { detail: error.detail } : {}),
        },
      });
  };
}
