import {
  type CardChannel,
  forwardChannel,
  getChallenge,
  HEALTH_CARD_PROFILE,
  HealthCardSession,
  PsamClient,
  readRecord,
  run,
  selectFile,
  toHex,
  verifyEncounterSignature,
} from '@hcard/card-core';
import {
  buildPsamImage,
  createRandom,
  EmulatedPsam,
  generateEncounter,
  generatePhoto,
  generateResident,
  TEST_SESSION_OPTIONS,
  testCertificate,
  testPublicKey,
} from '@hcard/emulator';
import { describe, expect, it } from 'vitest';
import { header, ok, openRig } from '../support/emulated-rig.js';

/** Every TLV item a terminal may write (DDF1/EF08, DF01/*, DF02/EF05–EF06). */
const WRITABLE_TLV_KEYS = HEALTH_CARD_PROFILE.items
  .filter((i) => i.location.kind === 'tlv')
  .filter((i) => {
    const file = HEALTH_CARD_PROFILE.files.find(
      (f) => i.location.kind === 'tlv' && f.path === i.location.file,
    )!;
    return file.write.kind === 'key';
  })
  .map((i) => i.key);

describe('writing through the session', () => {
  it('round-trips every writable TLV item (EF08, DF01, DF02) under secure messaging', async () => {
    const { session, card, cardLog, built } = await openRig(20);
    const other = generateResident('another resident').items;
    const values = Object.fromEntries(WRITABLE_TLV_KEYS.map((k) => [k, other[k]!]));
    expect(Object.keys(values)).toHaveLength(6 + 20 + 16);
    ok(await session.writeItems(values));

    // Every record went out as CLA 04 UPDATE RECORD, none in plain text.
    const updates = cardLog.filter((e) => e.command[1] === 0xdc);
    expect(updates).toHaveLength(WRITABLE_TLV_KEYS.length);
    expect(updates.every((e) => e.command[0] === 0x04)).toBe(true);

    // A fresh session on the same card (after a reset) reads the new values; EF05/EF06 are untouched.
    card.reset();
    const fresh = ok(
      await HealthCardSession.open(
        card,
        new PsamClient(new EmulatedPsam(buildPsamImage())),
        TEST_SESSION_OPTIONS,
      ),
    );
    const data = ok(await fresh.readCard(['basic', 'extended', 'clinical']));
    for (const key of WRITABLE_TLV_KEYS) expect(data.items[key], key).toBe(values[key]);
    expect(data.items.name).toBe(built.items.name);
    expect(data.items.idNumber).toBe(built.items.idNumber);
  });

  it('writes only the records of the items given', async () => {
    const { session, card } = await openRig(21);
    const before = card.snapshot().files;
    ok(await session.writeItems({ phone2: '0371-66660000' }));
    const after = card.snapshot().files;
    const changed = Object.keys(after).filter((p) => JSON.stringify(after[p]) !== JSON.stringify(before[p]));
    expect(changed).toEqual(['DDF1/EF08']);
    const ef08 = (after['DDF1/EF08'] as { records: string[] }).records;
    const old = (before['DDF1/EF08'] as { records: string[] }).records;
    expect(ef08.filter((r, i) => r !== old[i])).toHaveLength(1);
  });

  it('refuses EF05 and EF06 items before sending anything', async () => {
    const { session, cardLog } = await openRig(22);
    const sent = cardLog.length;
    await expect(session.writeItems({ name: '王小明' })).rejects.toMatchObject({
      code: 'HCARD_E_PROFILE_NOT_WRITABLE',
    });
    await expect(session.writeItems({ cardType: '2' })).rejects.toMatchObject({
      code: 'HCARD_E_PROFILE_NOT_WRITABLE',
    });
    expect(cardLog.length).toBe(sent);
  });

  it('rejects a value the card cannot store, naming the item and character, and changes nothing', async () => {
    const { session, card, cardLog } = await openRig(23);
    const before = JSON.stringify(card.snapshot());
    const sent = cardLog.length;
    const attempt = session.writeItems({ address1: '北京市东城区', contact1Name: '𠮷田' });
    await expect(attempt).rejects.toMatchObject({ code: 'HCARD_E_ANS_UNMAPPABLE', details: { item: 25 } });
    await expect(session.writeItems({ contact1Name: '𠮷田' })).rejects.toThrow(/𠮷.*U\+20BB7/);
    await expect(session.writeItems({ phone1: '1'.repeat(21) })).rejects.toMatchObject({
      code: 'HCARD_E_ANS_TOO_LONG',
    });
    expect(cardLog.length).toBe(sent);
    expect(JSON.stringify(card.snapshot())).toBe(before);
  });

  it('adds allergy and immunisation records as record 1 and drops the oldest', async () => {
    const { session } = await openRig(24);
    const additions = ['青霉素', '花粉', '海鲜', '尘螨'];
    for (const substance of additions) ok(await session.addAllergy({ substance, reaction: '皮疹' }));
    ok(await session.addImmunisation({ name: '流感疫苗', date: '20241001' }));
    const data = ok(await session.readCard(['clinical']));
    // Three slots: the newest three, newest first.
    expect(data.allergies!.map((a) => a.substance)).toEqual(['尘螨', '海鲜', '花粉']);
    expect(data.immunisations![0]).toEqual({ name: '流感疫苗', date: '20241001' });
  });

  it('sets and erases encounter index flags with MACed WRITE/ERASE RECORD', async () => {
    const { session, cardLog } = await openRig(25, { encounters: { inpatient: 0, outpatient: 0 } });
    ok(await session.setEncounterFlag('outpatient', 3, true));
    expect(ok(await session.readCard(['encounters'])).outpatientFlags).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
    ok(await session.setEncounterFlag('outpatient', 3, false));
    expect(ok(await session.readCard(['encounters'])).outpatientFlags).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    const flagCommands = cardLog.filter((e) => e.command[0] === 0x84).map((e) => header(e));
    expect(flagCommands).toEqual(['84D20304', '840C0304']);
    // Each carries exactly a 4-byte MAC (Lc = 04).
    expect(
      cardLog.filter((e) => e.command[0] === 0x84).every((e) => e.command[4] === 4 && e.command.length === 9),
    ).toBe(true);
  });

  it('writes, signs and reads back encounter records in every slot', async () => {
    const { session } = await openRig(26, { encounters: { inpatient: 0, outpatient: 0 } });
    const random = createRandom('write encounters');
    const written = { inpatient: [] as Record<string, string>[], outpatient: [] as Record<string, string>[] };
    for (const kind of ['inpatient', 'outpatient'] as const) {
      const slots = kind === 'inpatient' ? 3 : 5;
      for (let n = 1; n <= slots; n++) {
        const values = generateEncounter(kind, random.fork(`${kind}${n}`));
        written[kind].push(values);
        ok(await session.writeEncounter(kind, n, values, { sign: n % 2 === 1 }));
      }
    }
    const data = ok(await session.readCard(['encounters']));
    for (const kind of ['inpatient', 'outpatient'] as const) {
      expect(data[kind]!.map((r) => r.number)).toEqual(written[kind].map((_, i) => i + 1));
      for (const [i, record] of data[kind]!.entries()) {
        for (const [key, value] of Object.entries(written[kind][i]!))
          expect(record.items[key], key).toBe(value);
      }
      // Odd slots were signed by the PSAM with its certificate.
      const file = ok(await session.readEncounterBytes(kind, 1));
      const signer = verifyEncounterSignature(HEALTH_CARD_PROFILE, kind, file, {
        issuerPublicKey: testPublicKey('issuer'),
        at: '20250101',
      });
      expect(toHex(signer.publicKey)).toBe(toHex(testPublicKey('sam')));
      const size = HEALTH_CARD_PROFILE.layouts[kind].dataLength;
      expect(toHex(file.subarray(size + 64, size + 64 + 20))).toBe(
        toHex(testCertificate('sam').subarray(0, 20)),
      );
    }
  });

  it('writes the photo and reads it back; refuses what is not a small JPEG', async () => {
    const { session } = await openRig(27);
    const photo = generatePhoto('new photo');
    ok(await session.writePhoto(photo));
    expect(toHex(ok(await session.readPhoto())!)).toBe(toHex(photo));
    await expect(session.writePhoto(new Uint8Array(3073).fill(0xff))).rejects.toMatchObject({
      code: 'HCARD_E_PHOTO_INVALID',
    });
    await expect(session.writePhoto(Uint8Array.of(1, 2, 3))).rejects.toMatchObject({
      code: 'HCARD_E_PHOTO_INVALID',
    });
  });
});

describe('card refusals are typed results', () => {
  it('reading EF06 without the read-key authentication gives 6982', async () => {
    const { card } = await openRig(30);
    card.reset();
    expect((await run(card, selectFile('DDF1'))).ok).toBe(true);
    expect((await run(card, selectFile('EF06'))).ok).toBe(true);
    const result = await run(card, readRecord(1));
    expect(result).toEqual({
      ok: false,
      refusal: { command: 'READ RECORD #1', sw: 0x6982, meaning: 'security status not satisfied' },
    });
  });

  it('a wrong cryptogram decrements the key counter and blocks the key at zero', async () => {
    const tries = 3;
    const { card } = await openRig(31, { keyTries: tries });
    card.reset();
    await run(card, selectFile('DDF1'));
    const attempts: number[] = [];
    for (let i = 0; i < tries + 1; i++) {
      await run(card, getChallenge());
      const r = await run(card, {
        name: 'EXTERNAL AUTHENTICATE',
        apdu: { cla: 0, ins: 0x82, p1: 0, p2: 0x04, data: new Uint8Array(17).fill(i + 1) },
        statuses: [
          { pattern: '63Cx', outcome: 'refused', meaning: 'authentication failed', source: 'ISO 7816-4' },
        ],
      });
      attempts.push(r.ok ? 0x9000 : r.refusal.sw);
    }
    expect(attempts).toEqual([0x63c2, 0x63c1, 0x63c0, 0x6983]);
    expect(card.triesLeft('RK_DDF1')).toBe(0);
    // Now even the genuine PSAM cannot open EF06: the session gets a typed refusal.
    const { session } = await openRig(31, { keyTries: tries, cardChannel: () => card });
    const read = await session.readCard(['basic']);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.refusal).toMatchObject({ command: 'EXTERNAL AUTHENTICATE', sw: 0x6983 });
  });

  it('a tampered secure-messaging MAC is refused and the record is unchanged', async () => {
    const tamper = (inner: CardChannel): CardChannel =>
      forwardChannel(inner, (command) => {
        if (command[0] !== 0x04) return inner.transmit(command);
        const bad = Uint8Array.from(command);
        bad[bad.length - 1] = bad.at(-1)! ^ 0x01;
        return inner.transmit(bad);
      });
    const { session, card } = await openRig(32, { cardChannel: tamper });
    const before = JSON.stringify(card.snapshot().files['DDF1/EF08']);
    const result = await session.writeItems({ phone1: '13900000000' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusal).toMatchObject({ command: 'UPDATE RECORD (SM)', sw: 0x6988 });
    expect(JSON.stringify(card.snapshot().files['DDF1/EF08'])).toBe(before);
  });

  it('a tampered MAC costs STK_DDF1 a try; the same session re-authenticates and the next clean write resets the counter', async () => {
    let tampering = true;
    const tamper = (inner: CardChannel): CardChannel =>
      forwardChannel(inner, (command) => {
        if (!tampering || command[0] !== 0x04) return inner.transmit(command);
        const bad = Uint8Array.from(command);
        bad[bad.length - 1] = bad.at(-1)! ^ 0x01;
        return inner.transmit(bad);
      });
    const { session, card } = await openRig(33, { keyTries: 3, cardChannel: tamper });
    const first = await session.writeItems({ phone1: '13900000000' });
    expect(first.ok ? 0x9000 : first.refusal.sw).toBe(0x6988);
    expect(card.triesLeft('STK_DDF1')).toBe(2);
    tampering = false;
    // The card dropped UK_DDF1 with the MAC failure; the same session authenticates again.
    ok(await session.writeItems({ phone1: '13900000000' }));
    expect(card.triesLeft('STK_DDF1')).toBe(3);
    expect(ok(await session.readCard(['basic'])).items.phone1).toBe('13900000000');
  });
});
