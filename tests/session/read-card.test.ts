import {
  decodeRawRecord,
  fromHex,
  HEALTH_CARD_PROFILE,
  itemsOfLayout,
  toHex,
  verifyCertificate,
  verifyEncounterSignature,
} from '@hcard/card-core';
import { testPublicKey } from '@hcard/emulator';
import { describe, expect, it } from 'vitest';
import { header, ok, openRig } from '../support/emulated-rig.js';

const SEEDS = [1, 2, 'reader-test', 4242];

describe('reading a generated card through the session', () => {
  it.each(SEEDS)('returns every item 1–385 equal to what the image holds (seed %s)', async (seed) => {
    const { built, session } = await openRig(seed, { encounters: { inpatient: 3, outpatient: 5 } });
    const data = ok(await session.readCard());

    // Items 1–57: exactly the builder's values (resident data plus certificate and CVN).
    expect(data.items).toEqual(built.items);
    expect(Object.keys(data.items)).toHaveLength(57);
    // The resident values themselves, not only the builder's copy.
    for (const [key, value] of Object.entries(built.resident.items)) expect(data.items[key]).toBe(value);

    // Items 58–61: the cyclic records, newest first.
    expect(data.allergies).toEqual(built.resident.allergies);
    expect(data.immunisations).toEqual(built.resident.immunisations);

    // Items 62–63: index flags; items 64–384: every field of every record in use.
    expect(data.inpatientFlags).toEqual([true, true, true]);
    expect(data.outpatientFlags).toEqual([true, true, true, true, true]);
    for (const kind of ['inpatient', 'outpatient'] as const) {
      const records = data[kind]!;
      expect(records).toHaveLength(built.encounters[kind].length);
      for (const [i, record] of records.entries()) {
        const written = built.encounters[kind][i]!;
        const fields = itemsOfLayout(HEALTH_CARD_PROFILE, kind);
        for (const item of fields) {
          if (item.key in written)
            expect(record.items[item.key], `${kind} ${i + 1} ${item.key}`).toBe(written[item.key]);
        }
        // Every field was read, signature and certificate included.
        expect(Object.keys(record.items)).toHaveLength(fields.length);
      }
    }

    // Item 385: the photo bytes.
    expect(toHex(data.photo!)).toBe(toHex(built.resident.photo));
  });

  it('reads a T=0 card the same way, fetching data with GET RESPONSE', async () => {
    const t1 = await openRig(11);
    const t0 = await openRig(11, { card: { protocol: 'T=0' } });
    expect(ok(await t0.session.readCard())).toEqual(ok(await t1.session.readCard()));
    const getResponses = t0.cardLog.filter((e) => header(e) === '00C00000');
    // Every command that returned data on T=1 did so through 61xx + GET RESPONSE on T=0.
    expect(getResponses.length).toBe(t1.cardLog.filter((e) => (e.response?.length ?? 0) > 2).length);
    expect(t0.cardLog.some((e) => e.response?.[0] === 0x61)).toBe(true);
  });

  it('reads every file byte for byte as the image holds it', async () => {
    const { built, session } = await openRig(5);
    for (const file of HEALTH_CARD_PROFILE.files) {
      const bytes = ok(await session.readFile(file.path));
      const image = built.image.files[file.path]!;
      const expected = 'records' in image ? image.records : [image.data];
      expect(bytes.map(toHex), file.path).toEqual(expected);
    }
  });

  it('decodes empty cyclic records as absent', async () => {
    const { built, session } = await openRig(6);
    const records = ok(await session.readFile('DDF1/DF02/EF08')).map((r) =>
      decodeRawRecord(HEALTH_CARD_PROFILE, 'DDF1/DF02/EF08', r),
    );
    expect(records.filter(Boolean)).toHaveLength(built.resident.immunisations.length);
  });

  it('sends no redundant SELECT and one EXTERNAL AUTHENTICATE per protected DF', async () => {
    const { session, cardLog } = await openRig(7);
    ok(await session.readCard());
    const headers = cardLog.map(header);
    const selects = cardLog.filter((e) => header(e) === '00A40000').map((e) => toHex(e.command.subarray(5)));
    // Each file or DF is selected exactly once in tree order.
    expect(selects).toEqual([
      'DDF1',
      'EF05',
      'EF06',
      'EF08',
      'EF07',
      'DF01',
      'EF05',
      'EF06',
      'EF07',
      'EF08',
      'DF02',
      'EF05',
      'EF06',
      'EF07',
      'EF08',
      'DF03',
      'EF05',
      'EE01',
      'EF06',
      'ED01',
      'ED02',
    ]);
    const auths = cardLog.filter((e) => header(e).startsWith('0082')).map((e) => e.command[3]);
    expect(auths).toEqual([0x04, 0x84, 0x84, 0x84]);
    // The city code record read at open is not read again.
    expect(headers.filter((h) => h === '00B23900')).toHaveLength(1);
  });

  it('reads the registration sections without touching DF01–DF03', async () => {
    const { session, cardLog } = await openRig(8);
    const data = ok(await session.readCard(['basic']));
    expect(Object.keys(data.items).sort()).toEqual(
      HEALTH_CARD_PROFILE.items
        .filter(
          (i) =>
            i.location.kind === 'tlv' && ['DDF1/EF05', 'DDF1/EF06', 'DDF1/EF08'].includes(i.location.file),
        )
        .map((i) => i.key)
        .sort(),
    );
    expect(cardLog.some((e) => toHex(e.command).includes('A4000002DF0'))).toBe(false);
  });

  it('returns encounter records whose SM2 signatures chain to the trusted root', async () => {
    const { session } = await openRig(9, { encounters: { inpatient: 1, outpatient: 1 } });
    const items = ok(await session.readCard(['basic'])).items;
    const issuerKey = verifyCertificate(fromHex(items.issuerCertificate!), testPublicKey('root'), {
      role: 'issuer',
      at: '20250101',
    });
    for (const kind of ['inpatient', 'outpatient'] as const) {
      const file = ok(await session.readEncounterBytes(kind, 1));
      const signer = verifyEncounterSignature(HEALTH_CARD_PROFILE, kind, file, {
        issuerPublicKey: issuerKey,
        at: '20250101',
      });
      expect(signer.role).toBe('sam');
      const tampered = Uint8Array.from(file);
      tampered[100] = tampered[100]! ^ 0x01;
      expect(() =>
        verifyEncounterSignature(HEALTH_CARD_PROFILE, kind, tampered, {
          issuerPublicKey: issuerKey,
          at: '20250101',
        }),
      ).toThrow(expect.objectContaining({ code: 'HCARD_E_SIGNATURE_INVALID' }));
    }
  });

  it('refuses to read an encounter record whose index flag says empty', async () => {
    const { session } = await openRig(10, { encounters: { inpatient: 1, outpatient: 0 } });
    await expect(session.readEncounter('inpatient', 2)).rejects.toMatchObject({
      code: 'HCARD_E_RECORD_EMPTY',
    });
    expect(ok(await session.readEncounter('inpatient', 1)).number).toBe(1);
  });
});
