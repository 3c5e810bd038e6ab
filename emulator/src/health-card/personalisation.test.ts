/**
 * Personalisation of a blank card in the reference COS (architecture §5, spec §9.5), in
 * process: card-core's `personalise` against the emulated factory-state card, then the
 * health-card session with the test PSAM reads everything back. Expected contents come from
 * `buildCardImage` (the issued-card builder the reader tests already pin), expected keys also
 * from the documented test masters through the independent SM4 reference.
 */
import {
  blankChipIdentity,
  encodeCommand,
  endPersonalisationCommand,
  externalAuthCryptogram,
  externalAuthData,
  fromHex,
  HEALTH_CARD_PROFILE,
  HealthCardSession,
  keyLoadPlaintext,
  loadKeyCommand,
  type PersonalisationPlan,
  PsamClient,
  personalise,
  planKeys,
  REFERENCE_COS,
  SM4,
  type TranscriptEntry,
  toHex,
  withTranscript,
} from '@hcard/card-core';
import {
  type BuiltCard,
  buildBlankCardImage,
  buildCardImage,
  buildPsamImage,
  type CardImage,
  chipFactor,
  EmulatedHealthCard,
  EmulatedPsam,
  generateResident,
  TEST_KEY_STORE,
  TEST_SESSION_OPTIONS,
} from '@hcard/emulator';
import { describe, expect, it } from 'vitest';
import {
  ascii,
  concat,
  hex,
  refCardKey,
  refCardKeyOf,
  unhex,
} from '../../../packages/card-core/src/crypto/sm-reference.test-helper.js';
import { documentedTestMaster } from '../keys/documented-master.test-helper.js';

type Card = EmulatedHealthCard;
const T = unhex('0102030405060708');

function send(card: Card, apdu: string | Uint8Array): { data: string; sw: string } {
  const response = hex(card.process(typeof apdu === 'string' ? unhex(apdu) : apdu));
  return { data: response.slice(0, -4), sw: response.slice(-4) };
}

/** The plan an issuance station builds: chip identity read first, the resident's files, keys from the store. */
async function planFor(card: Card, seed: string): Promise<{ plan: PersonalisationPlan; built: BuiltCard }> {
  const identity = await blankChipIdentity(card);
  if (!identity.ok) throw new Error(identity.refusal.meaning);
  const resident = generateResident(seed);
  const built = buildCardImage(
    { ...resident, items: { ...resident.items, chipSerial: identity.value.chipSerial } },
    { seed },
  );
  const files = Object.fromEntries(
    Object.entries(built.image.files).map(([path, f]) => [
      path,
      'records' in f ? { records: f.records.map(fromHex) } : { data: fromHex(f.data) },
    ]),
  );
  const keys = planKeys(TEST_KEY_STORE, { cn: identity.value.cn, cityCode: built.items.cityCode! });
  return { plan: { ...keys, files }, built };
}

const blankCard = (seed: string, transportTries?: number) =>
  new EmulatedHealthCard(buildBlankCardImage({ seed, ...(transportTries ? { transportTries } : {}) }));

/** GET CHALLENGE, then the transport key's EXTERNAL AUTHENTICATE with `key` (right or wrong). */
function transportAuth(card: Card, key: Uint8Array): string {
  card.process(unhex('00A40000023F00'));
  const challenge = unhex(send(card, '0084000008').data);
  const data = externalAuthData(externalAuthCryptogram(SM4, refSession(key, challenge), T), T);
  return send(card, concat(unhex('00820001'), Uint8Array.of(data.length), data)).sw;
}

/** Session key by the independent reference: E_K(R ‖ ~R). */
const refSession = (key: Uint8Array, challenge: Uint8Array) => refCardKey(key, challenge);

function loadKeyApdu(card: Card, transport: Uint8Array, number: number, value: Uint8Array): Uint8Array {
  const challenge = unhex(send(card, '0084000008').data);
  const command = loadKeyCommand(
    { id: 'UK_DDF1', number },
    keyLoadPlaintext(15, value),
    SM4,
    refSession(transport, challenge),
  );
  return encodeCommand(command.apdu);
}

describe('factory state', () => {
  it('has the CN of its chip serial at ATR bytes 5–12, GET DATA gives the serial, no card keys', async () => {
    const card = blankCard('f1');
    const image = card.toImage();
    expect(image.lifecycle).toBe('factory');
    expect(image.keys).toEqual({});
    const serial = send(card, '00CA000A0A');
    expect(serial.sw).toBe('9000');
    const text = Buffer.from(unhex(serial.data)).toString('ascii');
    expect(text).toMatch(/^[0-9A-Z]{10}$/);
    expect(text).toBe(image.chipSerial);
    expect(hex(card.atr.slice(5, 13))).toBe(hex(chipFactor(text)));
    // The transport key is the TRANSPORT master diversified once with CN (independent reference).
    expect(image.transportKey?.value).toBe(
      hex(refCardKey(documentedTestMaster('TRANSPORT'), card.atr.slice(5, 13))),
    );
    // Card keys are not loaded: read-key authentication finds nothing.
    expect(send(card, '00A4000002DDF1').sw).toBe('9000');
    send(card, '0084000008');
    expect(send(card, concat(unhex('0082000411'), new Uint8Array(17))).sw).toBe('6A88');
  });

  it('two seeds give two chips; the same seed the same chip', () => {
    expect(buildBlankCardImage({ seed: 'a' })).toEqual(buildBlankCardImage({ seed: 'a' }));
    expect(buildBlankCardImage({ seed: 'a' }).atr).not.toBe(buildBlankCardImage({ seed: 'b' }).atr);
  });
});

describe('personalise a blank card', () => {
  it('ends with exactly the files and keys buildCardImage makes, issued, and a session reads everything back', async () => {
    const card = blankCard('p1');
    const { plan, built } = await planFor(card, 'p1');
    const log: TranscriptEntry[] = [];
    const result = await personalise(
      withTranscript(card, (e) => log.push(e)),
      plan,
    );
    expect(result).toMatchObject({ ok: true, chip: { chipSerial: card.toImage().chipSerial } });

    const image = card.toImage();
    expect(card.lifecycle).toBe('issued');
    expect(image.lifecycle).toBeUndefined();
    expect(image.transportKey).toBeUndefined();
    expect(image.atr).toBe(built.image.atr);
    expect(image.files).toEqual(built.image.files);
    const keys = Object.fromEntries(
      Object.entries(image.keys).map(([id, k]) => [id, { value: k!.value, tries: k!.tries }]),
    );
    expect(keys).toEqual(built.image.keys);
    // Keys also by the independent reference from the documented masters.
    // CITY = the first two bytes of the cn city code ‖ ASCII "000000" (spec §6.1).
    const city = concat(unhex(built.items.cityCode!.slice(0, 4)), ascii('000000'));
    for (const def of HEALTH_CARD_PROFILE.keys)
      expect(image.keys[def.id]?.value, def.id).toBe(
        hex(refCardKeyOf(def.id, documentedTestMaster(def.id), plan.cn, city)),
      );

    // Key loading is redacted in the transcript (84 D4 like 80 D4): no key bytes, not even lengths.
    const loads = log.filter((e) => hex(e.command).startsWith('84D4'));
    expect(loads).toHaveLength(HEALTH_CARD_PROFILE.keys.length);
    for (const e of loads) expect([e.redacted, e.command.length]).toEqual([true, 5]);

    const session = await HealthCardSession.open(
      card,
      new PsamClient(new EmulatedPsam(buildPsamImage())),
      TEST_SESSION_OPTIONS,
    );
    if (!session.ok) throw new Error(session.refusal.meaning);
    const data = await session.value.readCard();
    if (!data.ok) throw new Error(data.refusal.meaning);
    expect(data.value.items).toEqual(built.items);
    expect(data.value.allergies).toEqual(built.resident.allergies);
    expect(data.value.immunisations).toEqual(built.resident.immunisations);
    expect(toHex(data.value.photo!)).toBe(toHex(built.resident.photo));
    expect(data.value.inpatientFlags).toEqual([true, false, false]);
    expect(data.value.outpatientFlags).toEqual([true, true, false, false, false]);
    for (const kind of ['inpatient', 'outpatient'] as const) {
      const records = data.value[kind]!;
      expect(records).toHaveLength(built.encounters[kind].length);
      for (const [n, written] of built.encounters[kind].entries())
        for (const [key, value] of Object.entries(written))
          expect(records[n]!.items[key], `${kind} ${key}`).toBe(value);
    }
  });

  it('sets index files the plan leaves out to FF', async () => {
    const card = blankCard('p2');
    const { plan } = await planFor(card, 'p2');
    const { 'DDF1/DF03/EF05': _i, 'DDF1/DF03/EF06': _o, ...files } = plan.files;
    expect((await personalise(card, { ...plan, files })).ok).toBe(true);
    const image = card.toImage().files;
    expect(image['DDF1/DF03/EF05']).toEqual({ records: ['FF', 'FF', 'FF'] });
    expect(image['DDF1/DF03/EF06']).toEqual({ records: ['FF', 'FF', 'FF', 'FF', 'FF'] });
  });

  it('refuses a plan made for another chip before sending anything', async () => {
    const card = blankCard('p3');
    const { plan } = await planFor(card, 'p3');
    const other = blankCard('p3-other');
    const before = other.commandCount;
    await expect(personalise(other, plan)).rejects.toMatchObject({ code: 'HCARD_E_CHIP_MISMATCH' });
    expect(other.commandCount).toBe(before);
  });
});

describe('refusals', () => {
  it('a data write without transport authentication → 6982, the file unchanged', () => {
    const card = blankCard('r1');
    for (const fid of ['DDF1', 'EF07']) expect(send(card, `00A4000002${fid}`).sw).toBe('9000');
    expect(send(card, '00D6000003FFD8FF').sw).toBe('6982');
    expect(send(card, '00A4000002EF05').sw).toBe('9000');
    expect(send(card, '00DC010403010131').sw).toBe('6982');
    expect(card.toImage().files['DDF1/EF07']).toEqual(buildBlankCardImage({ seed: 'r1' }).files['DDF1/EF07']);
  });

  it('a wrong transport key counts down (63C2, 63C1, 63C0), then 6983 even with the right one; it survives reset', () => {
    const card = blankCard('r2', 3);
    const right = fromHex(card.toImage().transportKey!.value);
    const wrong = right.map((b, i) => (i === 0 ? b ^ 1 : b));
    expect(transportAuth(card, wrong)).toBe('63C2');
    card.reset();
    expect(transportAuth(card, wrong)).toBe('63C1');
    expect(transportAuth(card, wrong)).toBe('63C0');
    expect(transportAuth(card, right)).toBe('6983');
    expect(new EmulatedHealthCard(card.toImage()).triesLeft('TRANSPORT')).toBe(0);
    // Still no personalisation rights.
    send(card, '00A4000002DDF1');
    send(card, '00A4000002EF07');
    expect(send(card, '00D6000003FFD8FF').sw).toBe('6982');
  });

  it('a right transport key resets its counter and grants writes, in every DF, until reset', () => {
    const card = blankCard('r3', 3);
    const right = fromHex(card.toImage().transportKey!.value);
    expect(
      transportAuth(
        card,
        right.map((b) => b ^ 0xff),
      ),
    ).toBe('63C2');
    expect(transportAuth(card, right)).toBe('9000');
    expect(card.triesLeft('TRANSPORT')).toBe(3);
    expect(card.lifecycle).toBe('personalisation');
    for (const fid of ['DDF1', 'DF03', 'EE01']) send(card, `00A4000002${fid}`);
    expect(send(card, '00D6000002ABCD').sw).toBe('9000');
    card.reset();
    for (const fid of ['DDF1', 'DF03', 'EE01']) send(card, `00A4000002${fid}`);
    expect(send(card, '00D6000002ABCD').sw).toBe('6982');
    expect(card.lifecycle).toBe('personalisation');
  });

  it('LOAD KEY with a tampered MAC → 6988: no key, one transport try less, rights gone; a replay is refused', () => {
    const card = blankCard('r4', 5);
    const transport = fromHex(card.toImage().transportKey!.value);
    expect(transportAuth(card, transport)).toBe('9000');
    const value = unhex('00112233445566778899AABBCCDDEEFF');
    const good = loadKeyApdu(card, transport, 0x2a, value);
    const tampered = Uint8Array.from(good);
    tampered[tampered.length - 1]! ^= 0x01;
    expect(send(card, tampered).sw).toBe('6988');
    expect(card.triesLeft('TRANSPORT')).toBe(4);
    expect(card.toImage().keys).toEqual({});
    // Rights are gone: a well-formed load now needs a new authentication.
    expect(send(card, loadKeyApdu(card, transport, 0x2a, value)).sw).toBe('6982');

    expect(transportAuth(card, transport)).toBe('9000');
    expect(card.triesLeft('TRANSPORT')).toBe(5);
    const ok = loadKeyApdu(card, transport, 0x2a, value);
    expect(send(card, ok).sw).toBe('9000');
    expect(card.toImage().keys.UK_DDF1).toEqual({ value: hex(value), tries: 15, remaining: 15 });
    // The same bytes again: the challenge they were made for is spent.
    expect(send(card, ok).sw).toBe('6985');
    // A fresh, valid load of a key already loaded is refused too.
    expect(send(card, loadKeyApdu(card, transport, 0x2a, value)).sw).toBe('6985');
    // Key numbers are the PSAM indices (spec §6.8); another is unknown.
    expect(send(card, loadKeyApdu(card, transport, 0x77, value)).sw).toBe('6A88');
  });

  it('END PERSONALISATION needs rights and every key loaded', async () => {
    const card = blankCard('r5');
    const end = encodeCommand(endPersonalisationCommand().apdu);
    expect(send(card, end).sw).toBe('6982');
    expect(transportAuth(card, fromHex(card.toImage().transportKey!.value))).toBe('9000');
    expect(send(card, end).sw).toBe('6985');
    expect(card.lifecycle).toBe('personalisation');
  });
});

describe('after END PERSONALISATION', () => {
  async function issuedCard(seed: string): Promise<{ card: Card; plan: PersonalisationPlan }> {
    const card = blankCard(seed);
    const { plan } = await planFor(card, seed);
    const result = await personalise(card, plan);
    if (!result.ok) throw new Error(`${result.step}: ${result.refusal.meaning}`);
    return { card, plan };
  }

  /** EXTERNAL AUTHENTICATE with a card key in the current DF (read/update keys: see spec §6.2–§6.3). */
  function keyAuth(card: Card, ref: number, key: Uint8Array): string {
    const challenge = unhex(send(card, '0084000008').data);
    const data = externalAuthData(externalAuthCryptogram(SM4, refSession(key, challenge), T), T);
    return send(card, concat(unhex('008200'), Uint8Array.of(ref, data.length), data)).sw;
  }

  it('EF05 and EF06 refuse writes (6985) even after a valid UK_DDF1 authentication; EF07 still takes them', async () => {
    const { card, plan } = await issuedCard('e1');
    send(card, '00A4000002DDF1');
    expect(keyAuth(card, 0x05, plan.keys.UK_DDF1!)).toBe('9000');
    const before = card.toImage().files;
    for (const [fid, record] of [
      ['EF05', '0301'],
      ['EF06', '0B1E'],
    ] as const) {
      expect(send(card, `00A4000002${fid}`).sw).toBe('9000');
      const data = unhex(`${record}${'00'.repeat(Number.parseInt(record.slice(2), 16))}`);
      expect(send(card, concat(unhex('00DC0104'), Uint8Array.of(data.length), data)).sw, fid).toBe('6985');
      expect(send(card, concat(unhex('04DC0104'), Uint8Array.of(data.length), data)).sw, fid).toBe('6985');
    }
    expect(card.toImage().files['DDF1/EF05']).toEqual(before['DDF1/EF05']);
    expect(card.toImage().files['DDF1/EF06']).toEqual(before['DDF1/EF06']);
    // The grant itself is fine: the photo file (UK_DDF1, plain) still takes a write.
    send(card, '00A4000002EF07');
    expect(send(card, '00D6000002FFD8').sw).toBe('9000');
  });

  it('personalising twice is refused: the transport key is gone (6A88), nothing changes', async () => {
    const { card, plan } = await issuedCard('e2');
    const before = card.toImage();
    const again = await personalise(card, plan);
    expect(again).toMatchObject({ ok: false, step: 'transport authentication', refusal: { sw: 0x6a88 } });
    expect(card.toImage()).toEqual(before);
    expect(send(card, encodeCommand(endPersonalisationCommand().apdu)).sw).toBe('6982');
  });

  it('the lifecycle survives reset and a toImage() round trip; the new card is the same card', async () => {
    const { card } = await issuedCard('e3');
    card.reset();
    expect(card.lifecycle).toBe('issued');
    const copy = new EmulatedHealthCard(JSON.parse(JSON.stringify(card.toImage())) as CardImage);
    expect(copy.lifecycle).toBe('issued');
    expect(copy.toImage()).toEqual(card.toImage());
    // A half-personalised card keeps its state and its transport counter too.
    const half = blankCard('e3-half', 4);
    const transport = fromHex(half.toImage().transportKey!.value);
    expect(
      transportAuth(
        half,
        transport.map((b) => b ^ 1),
      ),
    ).toBe('63C3');
    expect(transportAuth(half, transport)).toBe('9000');
    expect(
      transportAuth(
        half,
        transport.map((b) => b ^ 1),
      ),
    ).toBe('63C3');
    const restored = new EmulatedHealthCard(half.toImage());
    expect([restored.lifecycle, restored.triesLeft('TRANSPORT')]).toEqual(['personalisation', 3]);
  });

  it('REFERENCE_COS names the files the profile says are never rewritten', () => {
    const never = HEALTH_CARD_PROFILE.files.filter((f) => f.write.kind === 'never').map((f) => f.path);
    expect([...REFERENCE_COS.lockedAtEnd].sort()).toEqual(never.sort());
  });
});
