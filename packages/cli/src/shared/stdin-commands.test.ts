import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { stdinCommands } from './stdin-commands.js';

/** An Io whose stdin the test writes and whose stdout it reads; `settled` waits for the lines. */
function testIo() {
  const stdin = new PassThrough();
  const out: string[] = [];
  const io = { out: (t: string) => void out.push(t), err: () => undefined, stdin };
  return { io, out, stdin, settled: () => new Promise((r) => setImmediate(r)) };
}

describe('stdinCommands (shared/stdin-commands.ts)', () => {
  it('runs the command a line names, trimmed, and ignores empty lines', async () => {
    const t = testIo();
    const ran: string[] = [];
    const commands = stdinCommands(t.io, {
      remove: { help: 'take the card out', run: () => ran.push('remove') },
      insert: { help: 'put it back', run: () => ran.push('insert') },
    });
    t.stdin.write('remove\n\n  insert \nremove\n');
    await t.settled();
    expect(ran).toEqual(['remove', 'insert', 'remove']);
    expect(t.out).toEqual([]);
    expect(commands.names).toBe('remove, insert, quit, help');
    commands.close();
  });

  it('help lists every command with its words; an unknown word says so and lists them too', async () => {
    const t = testIo();
    const commands = stdinCommands(t.io, { remove: { help: 'take the card out', run: () => undefined } });
    t.stdin.write('help\nfrobnicate\ntoString\n');
    await t.settled();
    const list = 'remove (take the card out), quit (stop), help';
    expect(t.out).toEqual([
      `commands: ${list}`,
      `unknown command "frobnicate"; commands: ${list}`,
      // An object's inherited names are not commands.
      `unknown command "toString"; commands: ${list}`,
    ]);
    commands.close();
  });

  it('quit resolves `quit`; nothing else does', async () => {
    const t = testIo();
    const commands = stdinCommands(t.io, { remove: { help: 'x', run: () => undefined } });
    let quit = false;
    void commands.quit.then(() => (quit = true));
    t.stdin.write('remove\nhelp\n');
    await t.settled();
    expect(quit).toBe(false);
    t.stdin.write('quit\n');
    await t.settled();
    expect(quit).toBe(true);
    commands.close();
  });
});
