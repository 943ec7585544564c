import { pino } from 'pino';
import type { Config } from './config.ts';

export type Logger = pino.Logger;

/** Structured JSON logs; one logger per app so tests can silence theirs. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    // Readers' emails and tokens must never end up in logs.
    redact: ['req.headers.authorization', 'req.headers.cookie', '*.email', '*.author.email'],
  });
}
