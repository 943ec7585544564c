/**
 * The `npm run parley -- …` program, on commander: every command has
 * `--help`, a mistake gets a message in the user's words and exit code 2, a
 * refusal exit code 1 (see errors.ts).
 */
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands/index.ts';
import { type CliIo, createContext } from './context.ts';
import { describeFailure, EXIT, EXIT_CODES_HELP } from './errors.ts';

const NAME = 'npm run parley --';

/** Builds the program with every command registered; nothing runs until it is parsed. */
export function createProgram(io: CliIo): Command {
  const context = createContext(io);
  const program = new Command(NAME)
    .description('Manage a Parley installation: its sites and who may moderate them.')
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(text.replace(/^error: /, '')),
    })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP)
    // Commander would end the process; the caller decides (tests run in process).
    .exitOverride();
  for (const register of COMMANDS) register(program, context);
  return program;
}

/** Runs the CLI on `argv` (without node and the script) and resolves with the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = createProgram(io);
  if (argv.length === 0) {
    // Commander would show this on stderr as an error; asking for nothing is asking for help.
    program.outputHelp();
    return EXIT.ok;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are exit code 0; every other commander error is a usage mistake.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const { message, exitCode } = describeFailure(err);
    io.stderr(`${message}\n`);
    return exitCode;
  }
}
