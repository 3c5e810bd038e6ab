import { fromHex, type HcardError, hcardError, toHex } from '@hcard/card-core';
import { describe, expect, it } from 'vitest';
import { encodeFrame, parseResponseBody, type ResponseFrame } from './frame.js';
import { IDCARD_TIMEOUTS, IdCardReader, readIdCard } from './idcard-reader.js';
import { parseSamId, splitBaseInfo } from './payloads.js';
import type { IdCardTransport } from './transport.js';

/** Spec C.2 worked examples (responses), by name. */
const FIND_OK = 'AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97';
const FIND_FAIL = 'AA AA AA 96 69 00 04 00 00 80 84';
const SELECT_OK = `AA AA AA 96 69 00 0C 00 00 90 ${'00 '.repeat(8)}9C`;
const SELECT_FAIL = 'AA AA AA 96 69 00 04 00 00 81 85';
const READ_FAIL = 'AA AA AA 96 69 00 04 00 00 41 45';
const STATUS_OK = 'AA AA AA 96 69 00 04 00 00 90 94';

const status = (sw3: number, data: number[] = []) => toHex(encodeFrame(Uint8Array.of(0, 0, sw3, ...data)));

/** A text block: the flag at 248 (space: resident), the name 王五 at 0, spaces elsewhere. */
function textBlock(): Uint8Array {
  const b = new Uint8Array(256);
  for (let i = 0; i < 256; i += 2) b[i] = 0x20;
  b.set([0x8b, 0x73, 0x94, 0x4e], 0); // 王五 in UTF-16LE
  return b;
}

function readOk(withFingerprint = false): string {
  const lengths = withFingerprint ? [1, 0, 4, 0, 4, 0] : [1, 0, 4, 0];
  const parts = [
    textBlock(),
    new Uint8Array(1024).fill(0x57),
    ...(withFingerprint ? [new Uint8Array(1024)] : []),
  ];
  const data = Uint8Array.from([...lengths, ...parts.flatMap((p) => [...p])]);
  return toHex(encodeFrame(Uint8Array.from([0, 0, 0x90, ...data])));
}

/** A transport that answers each command frame (hex) from a script, and records what it saw. */
class ScriptedTransport implements IdCardTransport {
  readonly description = 'scripted';
  readonly sent: string[] = [];
  readonly timeouts: number[] = [];
  discards = 0;
  #pending: ResponseFrame[] = [];

  constructor(readonly script: Record<string, string[]>) {}

  async write(frame: Uint8Array): Promise<void> {
    const hex = toHex(frame);
    this.sent.push(hex);
    const answer = this.script[hex]?.shift();
    if (answer) this.#pending.push(parseResponseBody(fromHex(answer).slice(7, -1)));
  }

  async receive(timeoutMs: number): Promise<ResponseFrame> {
    this.timeouts.push(timeoutMs);
    const next = this.#pending.shift();
    if (!next) throw hcardError('HCARD_E_IDCARD_TIMEOUT', 'no answer scripted');
    return next;
  }

  discardPending(): void {
    this.discards++;
  }

  async close(): Promise<void> {}
}

const CMD = {
  find: 'AAAAAA96690003200122',
  select: 'AAAAAA96690003200221',
  read: 'AAAAAA96690003300132',
  address: 'AAAAAA96690003300330',
  fingerprint: 'AAAAAA96690003301023',
  samId: 'AAAAAA9669000312FFEE',
  status: 'AAAAAA9669000311FFED',
  reset: 'AAAAAA9669000310FFEC',
};

describe('IdCardReader commands (spec C.2, C.3)', () => {
  it('finds and selects a card, passing the success data through', async () => {
    const t = new ScriptedTransport({ [CMD.find]: [FIND_OK], [CMD.select]: [SELECT_OK] });
    const reader = new IdCardReader(t);
    expect(await reader.findCard()).toEqual({ ok: true, value: new Uint8Array(4), sw3: 0x9f });
    expect(await reader.selectCard()).toEqual({ ok: true, value: new Uint8Array(8), sw3: 0x90 });
  });

  it('uses the time limits of spec C.3 per command', async () => {
    const t = new ScriptedTransport({
      [CMD.find]: [FIND_OK],
      [CMD.select]: [SELECT_OK],
      [CMD.read]: [readOk()],
      [CMD.fingerprint]: [readOk(true)],
      [CMD.address]: [status(0x91)],
      [CMD.samId]: [status(0x90, [...new Uint8Array(16)])],
      [CMD.status]: [STATUS_OK],
      [CMD.reset]: [STATUS_OK],
    });
    const r = new IdCardReader(t);
    await r.findCard();
    await r.selectCard();
    await r.readBaseInfo();
    await r.readWithFingerprint();
    await r.readAppendedAddress();
    await r.readSamId();
    await r.samStatus();
    await r.resetSam();
    expect(t.timeouts).toEqual([100, 100, 2000, 3000, 1500, 300, 300, 1000]);
    expect(IDCARD_TIMEOUTS).toMatchObject({ find: 100, select: 100, read: 2000, readWithFingerprint: 3000 });
    // Each command first drops what an earlier, timed-out command may have left.
    expect(t.discards).toBe(8);
  });

  it('returns the refusals a caller acts on as typed results', async () => {
    const t = new ScriptedTransport({
      [CMD.find]: [FIND_FAIL],
      [CMD.select]: [SELECT_FAIL],
      [CMD.read]: [READ_FAIL],
      [CMD.address]: [status(0x91)],
    });
    const r = new IdCardReader(t);
    expect(await r.findCard()).toMatchObject({ ok: false, refusal: { kind: 'no-card', sw3: 0x80 } });
    expect(await r.selectCard()).toMatchObject({ ok: false, refusal: { kind: 'select-failed', sw3: 0x81 } });
    expect(await r.readBaseInfo()).toMatchObject({ ok: false, refusal: { kind: 'read-failed', sw3: 0x41 } });
    expect(await r.readAppendedAddress()).toMatchObject({
      ok: false,
      refusal: { kind: 'no-content', sw3: 0x91 },
    });
  });

  it('throws the catalogue error of an error status, naming the command and SW3', async () => {
    const r = new IdCardReader(new ScriptedTransport({ [CMD.find]: [status(0x60)] }));
    await expect(r.findCard()).rejects.toMatchObject({
      code: 'HCARD_E_IDCARD_SAM_UNAVAILABLE',
      details: { command: 'find card', sw3: '60' },
    });
  });

  it('sends a command again once when the SAM got it damaged (SW3 10/11, spec E)', async () => {
    const once = new ScriptedTransport({ [CMD.status]: [status(0x10), STATUS_OK] });
    expect(await new IdCardReader(once).samStatus()).toMatchObject({ ok: true });
    expect(once.sent).toEqual([CMD.status, CMD.status]);
    const twice = new ScriptedTransport({ [CMD.status]: [status(0x11), status(0x11)] });
    await expect(new IdCardReader(twice).samStatus()).rejects.toMatchObject({
      code: 'HCARD_E_IDCARD_HOST_FRAME_REJECTED',
    });
    expect(twice.sent).toHaveLength(2);
  });

  it('reads text and photo: parsed text, the WLT photo kept opaque', async () => {
    const r = new IdCardReader(new ScriptedTransport({ [CMD.read]: [readOk()] }));
    const read = await r.readBaseInfo();
    if (!read.ok) throw new Error('refused');
    expect(read.value.text).toMatchObject({ type: 'resident', name: '王五' });
    expect(read.value.photo).toMatchObject({ format: 'wlt', decoded: false });
    expect(read.value.photo.bytes).toEqual(new Uint8Array(1024).fill(0x57));
    expect(read.value.photo.note).toMatch(/no licensed WLT decoder/);
    expect(read.value.fingerprint).toBeUndefined();
  });
});

describe('readIdCard: find → select → read', () => {
  it('repeats find while the card settles, then selects and reads', async () => {
    const t = new ScriptedTransport({
      [CMD.find]: [FIND_FAIL, FIND_FAIL, FIND_OK],
      [CMD.select]: [SELECT_OK],
      [CMD.read]: [readOk()],
    });
    const read = await readIdCard(new IdCardReader(t), { findIntervalMs: 1 });
    expect(read).toMatchObject({ ok: true, value: { text: { name: '王五' } } });
    expect(t.sent).toEqual([CMD.find, CMD.find, CMD.find, CMD.select, CMD.read]);
  });

  it('gives up with no-card after the find attempts', async () => {
    const t = new ScriptedTransport({ [CMD.find]: [FIND_FAIL, FIND_FAIL, FIND_FAIL] });
    const read = await readIdCard(new IdCardReader(t), { findIntervalMs: 1, findAttempts: 3 });
    expect(read).toMatchObject({ ok: false, refusal: { kind: 'no-card', command: 'find card' } });
    expect(t.sent).toHaveLength(3);
  });

  it('stops at a select refusal', async () => {
    const t = new ScriptedTransport({ [CMD.find]: [FIND_OK], [CMD.select]: [SELECT_FAIL] });
    expect(await readIdCard(new IdCardReader(t))).toMatchObject({
      ok: false,
      refusal: { kind: 'select-failed' },
    });
  });

  it('reads with fingerprint and the appended address when asked', async () => {
    const address = Array.from('新地址 ', (c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]).flat();
    const padded = [...address, ...Array.from({ length: (70 - address.length) / 2 }, () => [0x20, 0]).flat()];
    const t = new ScriptedTransport({
      [CMD.find]: [FIND_OK],
      [CMD.select]: [SELECT_OK],
      [CMD.fingerprint]: [readOk(true)],
      [CMD.address]: [status(0x90, padded)],
    });
    const read = await readIdCard(new IdCardReader(t), { fingerprint: true, appendedAddress: true });
    expect(read).toMatchObject({ ok: true, value: { appendedAddress: '新地址' } });
    expect(read.ok && read.value.fingerprint?.bytes.length).toBe(1024);
  });

  it('treats "no appended address" as a complete read', async () => {
    const t = new ScriptedTransport({
      [CMD.find]: [FIND_OK],
      [CMD.select]: [SELECT_OK],
      [CMD.read]: [readOk()],
      [CMD.address]: [status(0x91)],
    });
    const read = await readIdCard(new IdCardReader(t), { appendedAddress: true });
    expect(read.ok).toBe(true);
    expect(read.ok && read.value.appendedAddress).toBeUndefined();
  });
});

describe('payloads (spec C.5)', () => {
  it('rejects base info whose lengths do not add up', () => {
    expect(() => splitBaseInfo(Uint8Array.of(1, 0, 4, 0, 1, 2, 3), false)).toThrowError(
      expect.objectContaining({ code: 'HCARD_E_IDCARD_FRAME_MALFORMED' }),
    );
  });

  it('renders the SAM ID from its little-endian fields and keeps the raw bytes', () => {
    const bytes = fromHex('0500 0100 D9D83401 D2040000 2E160000');
    const id = parseSamId(bytes);
    expect(id.display).toBe('05.01-20240601-0000001234-0000005678');
    expect(id.hex).toBe('05000100D9D83401D20400002E160000');
  });

  it('rejects a SAM ID that is not 16 bytes', () => {
    let error: HcardError | undefined;
    try {
      parseSamId(new Uint8Array(15));
    } catch (e) {
      error = e as HcardError;
    }
    expect(error?.code).toBe('HCARD_E_IDCARD_FRAME_MALFORMED');
  });
});

describe('readIdCard and time-outs', () => {
  it('tries find again after a time-out, and throws the time-out that remains', async () => {
    const flaky = new ScriptedTransport({
      [CMD.find]: ['', FIND_OK],
      [CMD.select]: [SELECT_OK],
      [CMD.read]: [readOk()],
    });
    expect((await readIdCard(new IdCardReader(flaky), { findIntervalMs: 1 })).ok).toBe(true);
    expect(flaky.sent).toEqual([CMD.find, CMD.find, CMD.select, CMD.read]);
    const dead = new ScriptedTransport({});
    await expect(readIdCard(new IdCardReader(dead), { findIntervalMs: 1 })).rejects.toMatchObject({
      code: 'HCARD_E_IDCARD_TIMEOUT',
    });
    expect(dead.sent).toHaveLength(3);
  });
});
