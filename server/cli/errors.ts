/**
 * How the CLI fails: a message in the user's words on stderr and an exit
 * code scripts can rely on. Never a stack trace for a mistake the user can fix.
 */
import { z } from 'zod';
import { ConfigError } from '../config.ts';
import { AppError } from '../errors.ts';
import { type FieldLabels, issueMessage } from '../http/issue-message.ts';

/** Exit codes, as `--help` lists them. */
export const EXIT = Object.freeze({
  /** Done. */
  ok: 0,
  /** Refused or failed: nothing by that name, the store unreachable, a bad setting in the environment. */
  failed: 1,
  /** Wrong usage: an unknown command or option, a missing argument, an invalid value. */
  usage: 2,
});

export const EXIT_CODES_HELP = `
Exit codes:
  0  done
  1  refused or failed (nothing by that name, store unreachable, bad environment)
  2  wrong usage (unknown command or option, missing argument, invalid value)`;

/** A failure the user can act on, with its exit code. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.failed) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** A usage mistake (exit code 2). */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT.usage);
}

/**
 * Rethrows a validation failure as a usage error naming the flags
 * (`--depth must be at most 10`), never an internal path (`settings.maxDepth`).
 * `input` is what was validated; `labels` maps its paths to the flags.
 */
export function inUserWords(err: unknown, input: unknown, labels: FieldLabels): never {
  if (err instanceof z.ZodError) {
    const lines = err.issues.map((issue) => issueMessage(issue, input, labels));
    throw usageError([...new Set(lines)].join('\n'));
  }
  throw err;
}

/** What to print for anything a command threw, and the exit code. */
export function describeFailure(err: unknown): { message: string; exitCode: number } {
  if (err instanceof CliError) return { message: err.message, exitCode: err.exitCode };
  if (err instanceof AppError) {
    return { message: err.message, exitCode: err.status === 400 ? EXIT.usage : EXIT.failed };
  }
  if (err instanceof ConfigError) return { message: err.message, exitCode: EXIT.failed };
  // A bug or an unreachable store: the stack helps whoever reads the report.
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  return { message: `Something went wrong: ${detail}`, exitCode: EXIT.failed };
}
