/**
 * The stdin commands of the emulators (`hcard emulate`, `hcard idcard emulate`), as a table:
 * each command's name, what it does in words for `help`, and its action. `quit`, `help`, empty
 * lines and unknown words are handled here, the same way for both.
 */
import { createInterface } from 'node:readline';
import type { Io } from './io.js';

export interface StdinCommand {
  /** What it does, for `help`: "take the card out". */
  readonly help: string;
  readonly run: () => void;
}

export interface StdinCommands {
  /** Resolves when the operator types `quit`. */
  readonly quit: Promise<'quit'>;
  /** The command names, for a ready line: "remove, insert, quit, help". */
  readonly names: string;
  /** Stops reading stdin. */
  close(): void;
}

export function stdinCommands(io: Io, commands: Readonly<Record<string, StdinCommand>>): StdinCommands {
  const help = [
    ...Object.entries(commands).map(([name, c]) => `${name} (${c.help})`),
    'quit (stop)',
    'help',
  ].join(', ');
  let requestQuit!: () => void;
  const quit = new Promise<'quit'>((resolve) => (requestQuit = () => resolve('quit')));
  const lines = createInterface({ input: io.stdin, terminal: false });
  lines.on('line', (raw) => {
    const line = raw.trim();
    if (line === '') return;
    if (line === 'quit') return requestQuit();
    if (line === 'help') return io.out(`commands: ${help}`);
    const command = Object.hasOwn(commands, line) ? commands[line] : undefined;
    if (command === undefined) return io.out(`unknown command "${line}"; commands: ${help}`);
    command.run();
  });
  return {
    quit,
    names: [...Object.keys(commands), 'quit', 'help'].join(', '),
    close: () => lines.close(),
  };
}
