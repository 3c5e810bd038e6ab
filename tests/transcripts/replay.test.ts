import { readFileSync } from 'node:fs';
import {
  encodeAnsText,
  HealthCardSession,
  PsamClient,
  ReplayChannel,
  type TranscriptEntry,
  toHex,
  transcriptFromJsonl,
  transcriptToJsonl,
  withTranscript,
} from '@hcard/card-core';
import { generateCard, TEST_SESSION_OPTIONS } from '@hcard/emulator';
import { describe, expect, it } from 'vitest';
import { ok, openRig } from '../support/emulated-rig.js';
import { recordReadCard, TRANSCRIPT_SEED } from './record.js';

const load = (name: string) => transcriptFromJsonl(readFileSync(new URL(name, import.meta.url), 'utf8'));

describe('the session against a recorded transcript', () => {
  it('reads the same card from the committed transcript, exchange for exchange', async () => {
    const card = new ReplayChannel(load('read-card.card.jsonl'));
    const psam = new ReplayChannel(load('read-card.psam.jsonl'));
    const session = ok(await HealthCardSession.open(card, new PsamClient(psam), TEST_SESSION_OPTIONS));
    const data = ok(await session.readCard());
    const built = generateCard(TRANSCRIPT_SEED);
    expect(data.items).toEqual(built.items);
    expect(data.allergies).toEqual(built.resident.allergies);
    expect(data.inpatient?.[0]?.items.hospitalName).toBe(built.encounters.inpatient[0]?.hospitalName);
    // Every recorded exchange was used: the session sent exactly the recorded commands.
    expect(card.remaining).toBe(0);
    expect(psam.remaining).toBe(0);
  });

  it('is what the current code records (the fixture is not stale)', async () => {
    const fresh = await recordReadCard();
    expect(fresh.card).toBe(readFileSync(new URL('read-card.card.jsonl', import.meta.url), 'utf8'));
    expect(fresh.psam).toBe(readFileSync(new URL('read-card.psam.jsonl', import.meta.url), 'utf8'));
  });

  it('holds no PIN: the PSAM VERIFY is recorded as its header only', () => {
    const text = readFileSync(new URL('read-card.psam.jsonl', import.meta.url), 'utf8');
    expect(text).toContain('"tx":"002000002A"');
    expect(text).not.toContain('123456');
  });

  it('fails with the exchange number when the session deviates from the script', async () => {
    const card = new ReplayChannel(load('read-card.card.jsonl'));
    const psam = new ReplayChannel(load('read-card.psam.jsonl'));
    const session = ok(await HealthCardSession.open(card, new PsamClient(psam), TEST_SESSION_OPTIONS));
    // Asking for clinical data first is not what was recorded.
    await expect(session.readCard(['clinical'])).rejects.toMatchObject({ code: 'HCARD_E_REPLAY_MISMATCH' });
  });

  it('records through the transcript decorator without changing the exchanges', async () => {
    const entries: { command: Uint8Array }[] = [];
    const card = withTranscript(new ReplayChannel(load('read-card.card.jsonl')), (e) => entries.push(e));
    const psam = new ReplayChannel(load('read-card.psam.jsonl'));
    const session = ok(await HealthCardSession.open(card, new PsamClient(psam), TEST_SESSION_OPTIONS));
    ok(await session.readCard());
    expect(entries).toHaveLength(load('read-card.card.jsonl').exchanges.length);
  });
});

// --- Masking (withTranscript's default) over a whole session ------------------------------------

/** Entries with bytes as hex: what a log of the transcript would hold. */
const dump = (...logs: (readonly TranscriptEntry[])[]) =>
  JSON.stringify(logs, (_k, v: unknown) => (v instanceof Uint8Array ? toHex(v) : v));

/**
 * The holder's data as it could appear in a transcript: name as GBK bytes and as text, ID
 * number and phones as ASCII bytes and as their digits (which is also their packed-BCD hex).
 */
function needles(items: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {
    'name (GBK bytes)': toHex(encodeAnsText(items.name!)),
    'name (text)': items.name!,
    'ID number (ASCII bytes)': toHex(encodeAnsText(items.idNumber!)),
    'ID number (digits / BCD)': items.idNumber!.slice(0, 17),
  };
  for (const key of ['phone1', 'phone2'] as const) {
    const phone = items[key];
    if (!phone) continue;
    out[`${key} (ASCII bytes)`] = toHex(encodeAnsText(phone));
    out[`${key} (digits / BCD)`] = phone.replace(/\D/g, '');
  }
  return out;
}

describe('a default (masked) transcript of a whole session', () => {
  it.each(['T=1', 'T=0'] as const)(
    'of reading every section (%s) holds none of the holder’s name, ID number or phones',
    async (protocol) => {
      // Control: with the data in clear (synthetic card), every needle is found, so the search works.
      const clear = await openRig('masking', {
        card: { protocol },
        transcript: { privacy: 'secrets-only' },
      });
      ok(await clear.session.readCard());
      const found = needles(clear.built.items);
      expect(clear.built.items.phone1).toBeTruthy();
      const clearText = dump(clear.cardLog, clear.psamLog);
      for (const [what, needle] of Object.entries(found)) {
        if (what.includes('bytes')) expect(clearText, what).toContain(needle);
      }

      const rig = await openRig('masking', { card: { protocol } });
      ok(await rig.session.readCard());
      const text = dump(rig.cardLog, rig.psamLog);
      for (const [what, needle] of Object.entries(found)) expect(text, what).not.toContain(needle);
      // The flow is still there: same exchanges, same headers, lengths and status words.
      expect(rig.cardLog.map((e) => [e.command.length, e.response?.length, e.response?.at(-2)])).toEqual(
        clear.cardLog.map((e) => [e.command.length, e.response?.length, e.response?.at(-2)]),
      );
      expect(rig.cardLog.some((e) => e.masked)).toBe(true);
    },
  );

  it('of writing a phone number (80 FA plaintext, SM UPDATE RECORD) holds that number nowhere', async () => {
    const phone = '15867452301'; // synthetic
    const ascii = toHex(encodeAnsText(phone));
    const clear = await openRig('masking write', { transcript: { privacy: 'secrets-only' } });
    ok(await clear.session.writeItems({ phone1: phone }));
    // In clear, the PSAM is handed the plaintext to encrypt.
    expect(dump(clear.psamLog)).toContain(ascii);

    const rig = await openRig('masking write');
    ok(await rig.session.writeItems({ phone1: phone }));
    const text = dump(rig.cardLog, rig.psamLog);
    expect(text).not.toContain(ascii);
    expect(text).not.toContain(phone);
    expect(rig.psamLog.filter((e) => e.command[1] === 0xfa).every((e) => e.masked)).toBe(true);
    expect(rig.cardLog.filter((e) => e.command[1] === 0xdc).every((e) => e.masked)).toBe(true);
  });

  it('replays the command flow but not the data: raw reads give filler, decoding fails', async () => {
    const rig = await openRig('masking replay');
    ok(await rig.session.readFile('DDF1/EF06'));
    ok(await rig.session.readCard(['basic']));
    const replay = (log: readonly TranscriptEntry[], atr: Uint8Array) =>
      new ReplayChannel(transcriptFromJsonl(transcriptToJsonl({ atr, protocol: 'T=1' }, log)));
    const card = replay(rig.cardLog, rig.card.atr);
    const psam = replay(rig.psamLog, rig.psam.atr);
    const session = ok(await HealthCardSession.open(card, new PsamClient(psam), TEST_SESSION_OPTIONS));
    // The read-key authentication replays: the live 80 DE (factors from the masked city code)
    // and 80 FA match their masked recordings; the records come back as 2A filler.
    const records = ok(await session.readFile('DDF1/EF06'));
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) expect(record.every((b) => b === 0x2a)).toBe(true);
    await expect(session.readCard(['basic'])).rejects.toMatchObject({ code: 'HCARD_E_CARD_DATA_INVALID' });
  });
});
