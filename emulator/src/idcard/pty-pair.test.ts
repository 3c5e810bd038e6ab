import { existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { WriteStream } from 'node:tty';
import { describe, expect, it } from 'vitest';
import { EmulatedIdCardReader } from './emulated-idcard-reader.js';
import { startPtyPair } from './pty-pair.js';
import { serveIdCardReader } from './pty-serve.js';
import { generateIdCard } from './synthetic-id-card.js';

/** Opens a pty end as a byte stream (what the emulator itself does). */
function openEnd(path: string): WriteStream {
  return new WriteStream(openSync(path, 'r+'));
}

function collect(stream: WriteStream, bytes: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let n = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      n += chunk.length;
      if (n >= bytes) {
        stream.off('data', onData);
        resolve(Buffer.concat(chunks));
      }
    };
    stream.on('data', onData);
  });
}

describe('startPtyPair', () => {
  it('links two connected pseudo-terminals and removes them on stop', async () => {
    const pair = await startPtyPair();
    const a = openEnd(pair.a);
    const b = openEnd(pair.b);
    try {
      const got = collect(b, 3);
      a.write(Uint8Array.of(1, 2, 3));
      expect([...(await got)]).toEqual([1, 2, 3]);
    } finally {
      a.destroy();
      b.destroy();
      await pair.stop();
    }
    expect(existsSync(pair.a)).toBe(false);
    expect(existsSync(join(pair.a, '..'))).toBe(false);
  });

  it('fails with HCARD_E_IDCARD_PTY_FAILED when socat cannot make the link', async () => {
    await expect(
      startPtyPair({ linkA: '/nonexistent-dir/ttyA', linkB: '/nonexistent-dir/ttyB' }),
    ).rejects.toMatchObject({
      code: 'HCARD_E_IDCARD_PTY_FAILED',
      message: expect.stringContaining('socat exited'),
    });
  });
});

describe('serveIdCardReader', () => {
  it('paces replies at the given line rate: 1295 bytes at 115200 8N1 take at least 112 ms', async () => {
    const pair = await startPtyPair();
    const device = new EmulatedIdCardReader({ card: generateIdCard(7) });
    const served = serveIdCardReader(device, pair.b, { baudRate: 115_200 });
    const host = openEnd(pair.a);
    try {
      const ask = async (hex: string, bytes: number) => {
        const got = collect(host, bytes);
        host.write(Buffer.from(hex.replaceAll(' ', ''), 'hex'));
        return got;
      };
      await ask('AA AA AA 96 69 00 03 20 01 22', 15);
      await ask('AA AA AA 96 69 00 03 20 02 21', 19);
      const started = performance.now();
      const read = await ask('AA AA AA 96 69 00 03 30 01 32', 1295);
      expect(read.length).toBe(1295);
      expect(performance.now() - started).toBeGreaterThanOrEqual((1295 * 10 * 1000) / 115_200 - 1);
    } finally {
      host.destroy();
      await served.close();
      await pair.stop();
    }
  });
});
