import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LineQueue } from './line-queue.js';

const dir = mkdtempSync(join(tmpdir(), 'hcard-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('LineQueue', () => {
  it('writes the lines queued in one turn of the event loop in one write, in order', async () => {
    const writes: string[] = [];
    const queue = new LineQueue({ write: (chunk: string) => writes.push(chunk) });
    for (let i = 0; i < 100; i++) queue.write(`line ${i}\n`);
    expect(writes).toEqual([]); // nothing on the request's path
    await queue.flush();
    queue.write('next turn\n');
    await queue.end();
    expect(writes).toEqual([Array.from({ length: 100 }, (_, i) => `line ${i}\n`).join(''), 'next turn\n']);
  });

  it('writes a batch the delay after its first line, off the turn that queued it', async () => {
    const writes: { text: string; at: number }[] = [];
    const queue = new LineQueue(
      { write: (text: string) => writes.push({ text, at: performance.now() }) },
      300,
    );
    const nextTurns = async (n: number) => {
      for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    const firstQueued = performance.now();
    queue.write('first\n');
    await nextTurns(2);
    expect(writes).toHaveLength(0); // not at the end of the turn: after the delay
    await queue.flush();
    const secondQueued = performance.now();
    queue.write('second\n');
    await nextTurns(2);
    queue.write('third\n'); // joins the batch 'second' opened
    await queue.end();
    expect(writes.map((w) => w.text)).toEqual(['first\n', 'second\nthird\n']);
    expect(writes[0]!.at - firstQueued).toBeGreaterThanOrEqual(299);
    expect(writes[1]!.at - secondQueued).toBeGreaterThanOrEqual(299);
  });

  it('makes a writeLater line only when its batch is written, in order with the others', async () => {
    const writes: string[] = [];
    const queue = new LineQueue({ write: (chunk: string) => writes.push(chunk) });
    let made = 0;
    queue.write('one\n');
    queue.writeLater(() => `two, made ${++made}\n`);
    queue.write('three\n');
    expect(made).toBe(0); // nothing made on the caller's path
    await queue.end();
    expect(made).toBe(1);
    expect(writes).toEqual(['one\ntwo, made 1\nthree\n']);
  });

  it('writes the rest of the batch when a line cannot be made, and says so', async () => {
    const writes: string[] = [];
    const queue = new LineQueue({ write: (chunk: string) => writes.push(chunk) });
    queue.write('before\n');
    queue.writeLater(() => {
      throw new Error('no line');
    });
    queue.writeLater(() => 'after\n');
    await queue.end();
    expect(writes).toEqual(['before\nafter\n']);
    expect(queue.failure?.message).toBe('no line');
  });

  it('appends to a file descriptor and says when a write failed', async () => {
    const file = join(dir, 'lines.txt');
    const fd = openSync(file, 'a');
    const queue = new LineQueue(fd);
    queue.write('一\n');
    queue.write('two\n');
    await queue.flush();
    expect(readFileSync(file, 'utf8')).toBe('一\ntwo\n');
    expect(queue.failure).toBeUndefined();
    closeSync(fd);
    queue.write('lost\n');
    await queue.end();
    expect((queue.failure as NodeJS.ErrnoException | undefined)?.code).toBe('EBADF');
  });

  it('writes what is still queued when the process exits', () => {
    const file = join(dir, 'exit.txt');
    const script = `
      import { openSync } from 'node:fs';
      import { LineQueue } from ${JSON.stringify(join(import.meta.dirname, 'line-queue.ts'))};
      const queue = new LineQueue(openSync(${JSON.stringify(file)}, 'a'));
      for (let i = 0; i < 3; i++) queue.write('line ' + i + '\\n');
      queue.writeLater(() => 'made at exit\\n');
      process.exit(0);`;
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    expect(readFileSync(file, 'utf8')).toBe('line 0\nline 1\nline 2\nmade at exit\n');
  });
});
