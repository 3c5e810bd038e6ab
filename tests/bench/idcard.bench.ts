/**
 * Benchmark (not a test): an ID-card read as a desk does it (find, select, read text and photo)
 * over a socat pty pair, the driver's serialport opened at 115200 8N1, against the wire time of
 * the 1,295-byte text+photo response at 115200 bps with 10 bits per byte, computed here.
 *
 * A pty has no line rate: bytes cross at memory speed. So the read is measured twice: on the
 * bare pty (what the driver, the frame decoder, serialport and the pty cost), and with the
 * emulated reader pacing its replies at 115200 bps (what a real serial line would add).
 *
 * Run: pnpm bench:idcard [rounds]   (default 200)
 */
import { cpus } from 'node:os';
import { EmulatedIdCardReader, generateIdCard, serveIdCardReader, startPtyPair } from '@hcard/emulator';
import { IDCARD_BAUD_RATE, IdCardReader, openSerialTransport, readIdCard } from '@hcard/reader-driver';
import { percentile } from './sampling.js';

const ROUNDS = Number(process.argv[2] ?? 200);
const WARM_UP = 10;
const BITS_PER_BYTE = 10; // 8N1: start bit, 8 data bits, stop bit
const READ_RESPONSE_BYTES = 1295; // spec C.5
/** The reader's answers: find (15), select (19) and read (1295); the paced run paces these. */
const REPLY_BYTES = 15 + 19 + READ_RESPONSE_BYTES;
/** Every byte of the exchange: the answers and three 10-byte commands. */
const EXCHANGE_BYTES = 3 * 10 + REPLY_BYTES;

const wireMs = (bytes: number) => (bytes * BITS_PER_BYTE * 1000) / IDCARD_BAUD_RATE;

async function bench(label: string, baudRate: number | undefined) {
  const pair = await startPtyPair();
  const card = generateIdCard('benchmark');
  const device = new EmulatedIdCardReader();
  const served = serveIdCardReader(device, pair.b, baudRate === undefined ? {} : { baudRate });
  const reader = new IdCardReader(await openSerialTransport(pair.a, { baudRate: IDCARD_BAUD_RATE }));
  const times: number[] = [];
  try {
    for (let i = 0; i < WARM_UP + ROUNDS; i++) {
      // The SAM reads a card once per placement: place it again, outside the timing.
      device.insert(card);
      const started = performance.now();
      const read = await readIdCard(reader);
      const ms = performance.now() - started;
      if (!read.ok) throw new Error(`round ${i}: ${read.refusal.meaning}`);
      if (i >= WARM_UP) times.push(ms);
    }
  } finally {
    await reader.close();
    await served.close();
    await pair.stop();
  }
  return { label, p50: percentile(times, 50), p99: percentile(times, 99), max: Math.max(...times) };
}

const bare = await bench('pty, unpaced', undefined);
const paced = await bench(`pty, replies paced at ${IDCARD_BAUD_RATE} bps`, IDCARD_BAUD_RATE);

const fmt = (ms: number) => ms.toFixed(2).padStart(8);
console.log(`ID-card read (find + select + read text+photo), ${ROUNDS} rounds after ${WARM_UP} warm-up`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
console.log('');
console.log(`${'case'.padEnd(40)}   p50 ms   p99 ms   max ms`);
for (const r of [bare, paced]) console.log(`${r.label.padEnd(40)} ${fmt(r.p50)} ${fmt(r.p99)} ${fmt(r.max)}`);
console.log('');
console.log(
  `wire time at ${IDCARD_BAUD_RATE} 8N1: the 1295-byte read response ${wireMs(READ_RESPONSE_BYTES).toFixed(2)} ms;` +
    ` all ${EXCHANGE_BYTES} bytes of the exchange ${wireMs(EXCHANGE_BYTES).toFixed(2)} ms`,
);
console.log(
  `unpaced p50 is ${((100 * bare.p50) / wireMs(READ_RESPONSE_BYTES)).toFixed(1)} % of the response's wire time;` +
    ` paced p50 exceeds the wire time of the ${REPLY_BYTES} paced reply bytes (${wireMs(REPLY_BYTES).toFixed(2)} ms)` +
    ` by ${(paced.p50 - wireMs(REPLY_BYTES)).toFixed(2)} ms`,
);
