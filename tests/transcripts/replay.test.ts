import { readFileSync } from 'node:fs';
import {
  HealthCardSession,
  PsamClient,
  ReplayChannel,
  transcriptFromJsonl,
  withTranscript,
} from '@hcard/card-core';
import { generateCard } from '@hcard/emulator';
import { describe, expect, it } from 'vitest';
import { ok } from '../support/emulated-rig.js';
import { recordReadCard, TRANSCRIPT_SEED } from './record.js';

const load = (name: string) => transcriptFromJsonl(readFileSync(new URL(name, import.meta.url), 'utf8'));

describe('the session against a recorded transcript', () => {
  it('reads the same card from the committed transcript, exchange for exchange', async () => {
    const card = new ReplayChannel(load('read-card.card.jsonl'));
    const psam = new ReplayChannel(load('read-card.psam.jsonl'));
    const session = ok(await HealthCardSession.open(card, new PsamClient(psam)));
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
    const session = ok(await HealthCardSession.open(card, new PsamClient(psam)));
    // Asking for clinical data first is not what was recorded.
    await expect(session.readCard(['clinical'])).rejects.toMatchObject({ code: 'HCARD_E_REPLAY_MISMATCH' });
  });

  it('records through the transcript decorator without changing the exchanges', async () => {
    const entries: { command: Uint8Array }[] = [];
    const card = withTranscript(new ReplayChannel(load('read-card.card.jsonl')), (e) => entries.push(e));
    const psam = new ReplayChannel(load('read-card.psam.jsonl'));
    const session = ok(await HealthCardSession.open(card, new PsamClient(psam)));
    ok(await session.readCard());
    expect(entries).toHaveLength(load('read-card.card.jsonl').exchanges.length);
  });
});
