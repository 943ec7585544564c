/**
 * Every command group of the CLI. A new command (import, export, copy,
 * backup…) is one file in this folder exporting a `CliCommand`, and one line
 * here.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { adminsCommand } from './admins.ts';
import { backupCommand } from './backup.ts';
import { copyCommand } from './copy.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { sitesCommand } from './sites.ts';

/** Adds one command (or group of subcommands) to the program. */
export type CliCommand = (program: Command, context: CliContext) => void;

export const COMMANDS: readonly CliCommand[] = [
  sitesCommand,
  adminsCommand,
  copyCommand,
  importCommand,
  exportCommand,
  backupCommand,
];
