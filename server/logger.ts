import { pino } from 'pino';
import type { Config } from './config.ts';

export type Logger = pino.Logger;

/**
 * Structured JSON logs on stdout, or on `destination` (the demo prints them
 * readably); one logger per app so tests can silence theirs.
 */
export function createLogger(
  config: Pick<Config, 'logLevel'>,
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    // Readers' emails and tokens must never end up in logs (LOG_LEVEL=debug
    // logs whole requests; see http/request-log.ts).
    redact: ['req.headers.authorization', 'req.headers.cookie', '*.email', '*.author.email'],
  };
  return destination ? pino(options, destination) : pino(options);
}
