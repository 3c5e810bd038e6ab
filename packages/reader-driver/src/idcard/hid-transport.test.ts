import { EventEmitter } from 'node:events';
import { fromHex, toHex } from '@hcard/card-core';
import type { HID } from 'node-hid';
import { describe, expect, it } from 'vitest';
import { encodeFrame } from './frame.js';
import {
  decodeHidReport,
  encodeHidReports,
  type HidDevice,
  hidTransport,
  openHidTransport,
} from './hid-transport.js';
import { IdCardReader } from './idcard-reader.js';

// node-hid's HID class must satisfy the interface the transport is written against.
const nodeHidFits: HID extends HidDevice ? true : false = true;

/**
 * A test device behind the HidDevice interface (no virtual HID exists on these machines): it
 * reassembles output reports with the assumed framing and answers each complete command frame
 * with `reply(frame)`, split into 64-byte input reports.
 */
class TestHidDevice extends EventEmitter implements HidDevice {
  readonly written: number[][] = [];
  closed = false;
  #bytes: number[] = [];

  constructor(readonly reply: (command: Uint8Array) => Uint8Array) {
    super();
  }

  write(values: number[]): number {
    this.written.push(values);
    const n = values[1]!;
    this.#bytes.push(...values.slice(2, 2 + n));
    // Commands are 10-byte frames: CMD PARA only.
    while (this.#bytes.length >= 10) {
      const frame = Uint8Array.from(this.#bytes.splice(0, 10));
      for (const report of encodeHidReports(this.reply(frame))) {
        setImmediate(() => this.emit('data', Buffer.from(report.slice(1))));
      }
    }
    return values.length;
  }

  close(): void {
    this.closed = true;
  }
}

describe('HID report framing (documented assumption)', () => {
  it('splits bytes into 64-byte reports led by report ID 0 and a count', () => {
    const reports = encodeHidReports(new Uint8Array(100).fill(7));
    expect(reports.map((r) => [r.length, r[0], r[1]])).toEqual([
      [65, 0, 63],
      [65, 0, 37],
    ]);
    expect(reports[1]!.slice(2 + 37).every((b) => b === 0)).toBe(true);
  });

  it('ignores idle and malformed input reports', () => {
    expect(decodeHidReport(new Uint8Array(64))).toEqual(new Uint8Array(0));
    expect(decodeHidReport(Uint8Array.of(64, ...new Uint8Array(63)))).toEqual(new Uint8Array(0));
    expect(decodeHidReport(Uint8Array.of(2, 0xaa, 0xbb, 0xcc))).toEqual(Uint8Array.of(0xaa, 0xbb));
    expect(nodeHidFits).toBe(true);
  });
});

describe('hidTransport', () => {
  it('carries a find command and a 1295-byte read answer across reports', async () => {
    const text = new Uint8Array(256);
    for (let i = 0; i < 256; i += 2) text[i] = 0x20;
    const read = encodeFrame(Uint8Array.from([0, 0, 0x90, 1, 0, 4, 0, ...text, ...new Uint8Array(1024)]));
    const device = new TestHidDevice((command) =>
      toHex(command) === 'AAAAAA96690003200122'
        ? fromHex('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97')
        : read,
    );
    const reader = new IdCardReader(hidTransport(device, 'hid-test'));
    expect(await reader.findCard()).toMatchObject({ ok: true, sw3: 0x9f });
    const result = await reader.readBaseInfo();
    expect(result).toMatchObject({
      ok: true,
      value: { text: { type: 'resident' }, photo: { format: 'wlt' } },
    });
    expect(device.written.map((r) => toHex(Uint8Array.from(r.slice(2, 2 + r[1]!))))).toEqual([
      'AAAAAA96690003200122',
      'AAAAAA96690003300132',
    ]);
    await reader.close();
    expect(device.closed).toBe(true);
    await expect(reader.samStatus()).rejects.toMatchObject({ code: 'HCARD_E_IDCARD_PORT_FAILED' });
  });

  it('turns a device error into HCARD_E_IDCARD_PORT_FAILED for the waiting command', async () => {
    const device = new TestHidDevice(() => new Uint8Array(0));
    const reader = new IdCardReader(hidTransport(device, 'hid-test'));
    const pending = reader.samStatus();
    setImmediate(() => device.emit('error', new Error('device unplugged')));
    await expect(pending).rejects.toMatchObject({ code: 'HCARD_E_IDCARD_PORT_FAILED' });
  });
});

describe('openHidTransport', () => {
  it('opens through node-hid and reports a device that is not there as HCARD_E_IDCARD_PORT_FAILED', async () => {
    await expect(openHidTransport('/dev/hidraw-nonexistent')).rejects.toMatchObject({
      code: 'HCARD_E_IDCARD_PORT_FAILED',
      details: { port: '/dev/hidraw-nonexistent' },
      // node-hid's own refusal, not a failure to load it.
      message: expect.stringContaining('cannot open device'),
    });
  });
});
