/**
 * Site owner's command line: `npm run parley -- <command>` (`--help` lists
 * them). Uses the same config, store and services as the server; each
 * command lives in ./commands/ as one file.
 */
import { runCli } from './program.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
