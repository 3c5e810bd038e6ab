/**
 * Entry point of the `hcard` executable: runs the command line, sets the exit code and lets
 * the process end by itself. Anything that escapes (a failure in an event handler) still
 * becomes one line and an exit code, never a stack trace.
 */
import { runCli } from './cli.js';
import { errorLine, exitCodeOf } from './shared/errors.js';
import { processIo } from './shared/io.js';

function fail(error: unknown): void {
  process.stderr.write(`${errorLine(error)}\n`);
  process.exit(exitCodeOf(error));
}

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
// `hcard watch | head`: the reader of our output went away; there is no one left to tell.
process.stdout.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? process.exit(0) : fail(e)));

process.exitCode = await runCli(process.argv.slice(2), processIo);
