/**
 * `hcard <command> [options]`: finds the command (`card new` is two words), handles the global
 * `--help` and `--version`, and turns every failure into one line and its exit code.
 */
import { createRequire } from 'node:module';
import { cardNewCommand } from './commands/card-new.js';
import { checkCommand } from './commands/check.js';
import { demoCommand } from './commands/demo.js';
import { emulateCommand } from './commands/emulate.js';
import {
  gatewayCommand,
  tokenCreateCommand,
  tokenListCommand,
  tokenRevokeCommand,
} from './commands/gateway.js';
import {
  hotlistAddCommand,
  hotlistImportCommand,
  hotlistListCommand,
  hotlistRemoveCommand,
} from './commands/hotlist.js';
import { idcardEmulateCommand, idcardReadCommand, idcardWatchCommand } from './commands/idcard.js';
import {
  issueEncodeCommand,
  issueFaceCommand,
  issuePrepareCommand,
  issueReportCommand,
  issueStatusCommand,
} from './commands/issue.js';
import { readCommand } from './commands/read.js';
import { readersCommand } from './commands/readers.js';
import { watchCommand } from './commands/watch.js';
import type { Command } from './shared/command.js';
import { errorLine, exitCodeOf, usageError } from './shared/errors.js';
import type { Io } from './shared/io.js';

export const COMMANDS: readonly Command[] = [
  readersCommand,
  readCommand,
  checkCommand,
  watchCommand,
  emulateCommand,
  cardNewCommand,
  demoCommand,
  gatewayCommand,
  tokenCreateCommand,
  tokenListCommand,
  tokenRevokeCommand,
  issuePrepareCommand,
  issueEncodeCommand,
  issueStatusCommand,
  issueReportCommand,
  issueFaceCommand,
  hotlistAddCommand,
  hotlistRemoveCommand,
  hotlistImportCommand,
  hotlistListCommand,
  idcardReadCommand,
  idcardWatchCommand,
  idcardEmulateCommand,
];

export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string })
  .version;

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `hcard ${VERSION}: the resident health card (居民健康卡) from the command line`,
    '',
    'Usage: hcard <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    "  -h, --help     show this help; hcard <command> --help shows a command's options",
    '  -V, --version  print the version',
  ].join('\n');
}

/** Group help for `hcard card --help`: the subcommands of `card`. */
function groupHelp(group: string): string {
  const subcommands = COMMANDS.filter((c) => c.name.startsWith(`${group} `));
  const width = Math.max(...subcommands.map((c) => c.name.length));
  return [
    `Usage: hcard ${group} <subcommand> [options]`,
    '',
    'Subcommands:',
    ...subcommands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h';

/** Runs one command line; resolves with the exit code and never rejects. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    io.err(errorLine(e));
    return exitCodeOf(e);
  }
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(generalHelp());
    return 2;
  }
  if (isHelp(first)) {
    io.out(generalHelp());
    return 0;
  }
  if (first === '--version' || first === '-V') {
    io.out(VERSION);
    return 0;
  }
  if (first === 'help') return dispatch(rest.length > 0 ? [...rest, '--help'] : ['--help'], io);
  if (first.startsWith('-')) throw usageError(`unknown option ${first}`);

  // The longest run of leading words that names a command ("gateway token create" before
  // "gateway") or a group of them ("gateway token").
  const firstOption = argv.findIndex((a) => a.startsWith('-'));
  const leading = firstOption === -1 ? argv : argv.slice(0, firstOption);
  for (let n = leading.length; n >= 1; n--) {
    const name = leading.slice(0, n).join(' ');
    const command = COMMANDS.find((c) => c.name === name);
    if (command) return command.run(argv.slice(n), io);
    if (!COMMANDS.some((c) => c.name.startsWith(`${name} `))) continue;
    if (isHelp(argv[n])) {
      io.out(groupHelp(name));
      return 0;
    }
    if (argv[n] === undefined) throw usageError(`"hcard ${name}" needs a subcommand`, `hcard ${name}`);
    throw usageError(`unknown command "${name} ${argv[n]}"`, `hcard ${name}`);
  }
  throw usageError(`unknown command "${first}"`);
}
