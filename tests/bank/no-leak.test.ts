/**
 * The full PAN and track 2 never leave the bank read (spec B.7; JR/T 0171 鉴别信息): not in a
 * result, a thrown error, a log line, a transcript in either privacy mode, or a file written
 * from any of those. One test runs the reader over every path (PSE or not, PDOL or not, GPO
 * format 1 and 2, T=1 and T=0, the holder-ID comparison, and cards whose PAN record is broken
 * so that the reader throws) and searches everything it produced for the PAN digits (as text
 * and BCD hex), the hidden digits alone and the track-2 hex. A positive control shows the same
 * search finds them on the wire. Synthetic PANs only (BIN 621999).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import {
  type CardChannel,
  forwardChannel,
  readBankApplication,
  type TranscriptEntry,
  type TranscriptPrivacy,
  toHex,
  transcriptToJsonl,
  withTranscript,
} from '@hcard/card-core';
import { type BankImageOptions, bcd, track2Of } from '@hcard/emulator';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bankRig } from './bank-rig.js';

type Breakage = 'none' | 'truncated-pan-record' | 'pan-not-bcd';

interface Scenario {
  readonly name: string;
  readonly image: BankImageOptions;
  readonly protocol: 'T=0' | 'T=1';
  readonly expectId?: boolean;
  readonly breakage: Breakage;
}

const SCENARIOS: readonly Scenario[] = [
  { name: 'pse-pdol-format1', image: {}, protocol: 'T=1', breakage: 'none' },
  {
    name: 'direct-format2-t0',
    image: { pse: false, pdol: false, gpoFormat: 2 },
    protocol: 'T=0',
    breakage: 'none',
  },
  { name: 'format2-id-check', image: { gpoFormat: 2 }, protocol: 'T=1', expectId: true, breakage: 'none' },
  { name: 'no-name-format2', image: { holderName: '', gpoFormat: 2 }, protocol: 'T=0', breakage: 'none' },
  { name: 'truncated-record', image: {}, protocol: 'T=1', breakage: 'truncated-pan-record' },
  { name: 'pan-not-bcd', image: {}, protocol: 'T=0', breakage: 'pan-not-bcd' },
];

const PAN_RECORD = '00B2011400'; // SFI 2 record 1 holds 5A (emulator bank-layout.ts)

/** Breaks the PAN record the way a faulty card might, so the reader throws on it. */
function breaking(inner: CardChannel, breakage: Breakage): CardChannel {
  let last = '';
  return forwardChannel(inner, async (command) => {
    const hex = toHex(command);
    const response = Uint8Array.from(await inner.transmit(command));
    // On T=0 the record arrives with the GET RESPONSE after it.
    const target = hex === PAN_RECORD || (hex.startsWith('00C0') && last === PAN_RECORD);
    last = hex.startsWith('00C0') ? last : hex;
    if (!target || response.length <= 2 || response[0] !== 0x70) return response;
    if (breakage === 'truncated-pan-record') response[1] = response[1]! + 5;
    // 5A 0A: the 19-digit PAN; its second byte becomes AB, not BCD.
    const pan = response.findIndex((b, i) => b === 0x5a && response[i + 1] === 0x0a);
    if (breakage === 'pan-not-bcd' && pan >= 0) response[pan + 3] = 0xab;
    return response;
  });
}

/** Everything an error exposes: message, stack, details, cause chain, JSON and inspection. */
function errorText(e: unknown): string {
  const parts: string[] = [String(e), inspect(e, { depth: 10 }), JSON.stringify(e)];
  for (let c: unknown = e; c instanceof Error; c = c.cause) {
    parts.push(c.message, c.stack ?? '', JSON.stringify((c as { details?: unknown }).details ?? {}));
  }
  return parts.join('\n');
}

const entriesJson = (entries: readonly TranscriptEntry[]) =>
  JSON.stringify(entries, (_k, v: unknown) => (v instanceof Uint8Array ? toHex(v) : v));

describe('no full PAN or track 2 outside the bank read', () => {
  let dir: string | undefined;
  afterEach(() => {
    vi.restoreAllMocks();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('in results, errors, log lines, transcripts of both privacy modes and files written', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hcard-bank-leak-'));
    const consoleLines: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleLines.push(args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' '));
      });
    }

    const needles = new Set<string>();
    const wire: string[] = [];
    const outcomes: string[] = [];
    for (const scenario of SCENARIOS) {
      for (const privacy of ['mask-personal-data', 'secrets-only'] as TranscriptPrivacy[]) {
        const { resident, image, card } = bankRig(`leak-${scenario.name}`, scenario.image, scenario.protocol);
        const pan = image.pan;
        const hidden = pan.slice(6, -4);
        for (const n of [pan, toHex(bcd(pan)), hidden, toHex(track2Of(image))]) {
          needles.add(n);
          needles.add(n.toLowerCase());
        }
        const entries: TranscriptEntry[] = [];
        const logLines: string[] = [];
        // What the card really answers, kept apart (never written) for the positive control.
        const onWire = forwardChannel(card, async (command) => {
          const response = await card.transmit(command);
          wire.push(toHex(response));
          return response;
        });
        const channel = withTranscript(breaking(onWire, scenario.breakage), (e) => entries.push(e), {
          privacy,
        });
        const tag = `${scenario.name}.${privacy}`;
        try {
          const result = await readBankApplication(channel, {
            log: (line) => logLines.push(line),
            ...(scenario.expectId ? { expectedIdNumber: resident.items.idNumber! } : {}),
          });
          outcomes.push(`${tag}: ${result.kind}`);
          writeFileSync(join(dir, `${tag}.result.json`), JSON.stringify(result, null, 2));
          writeFileSync(join(dir, `${tag}.result.txt`), inspect(result, { depth: 10 }));
        } catch (e) {
          outcomes.push(`${tag}: ${(e as { code?: string }).code}`);
          writeFileSync(join(dir, `${tag}.error.txt`), errorText(e));
        }
        writeFileSync(join(dir, `${tag}.log`), logLines.join('\n'));
        writeFileSync(join(dir, `${tag}.entries.json`), entriesJson(entries));
        writeFileSync(
          join(dir, `${tag}.transcript.jsonl`),
          transcriptToJsonl({ atr: card.atr, protocol: card.protocol }, entries),
        );
      }
    }
    writeFileSync(join(dir, 'console.log'), consoleLines.join('\n'));

    // Every path ran: reads that succeed and reads that throw on a broken PAN record.
    expect(outcomes.filter((o) => o.endsWith('bank-application'))).toHaveLength(8);
    expect(outcomes.filter((o) => o.endsWith('HCARD_E_BANK_DATA_INVALID'))).toHaveLength(4);

    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThanOrEqual(SCENARIOS.length * 2 * 4 + 1);
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const needle of needles) expect(text.includes(needle), `${needle} in ${file}`).toBe(false);
    }

    // Positive control: the card does send them, and the same search finds them there.
    const onTheWire = wire.join(' ');
    for (const needle of needles) {
      if (needle === needle.toUpperCase()) expect(onTheWire.includes(needle), needle).toBe(true);
    }
  });
});
