import {
  decodeTlvRecord,
  emptyValue,
  encodeTlvRecord,
  HEALTH_CARD_PROFILE,
  type HealthCardSettings,
  isHcardError,
  itemsOfFile,
} from '@hcard/card-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EnrolledPerson } from '../model.js';
import { issuanceSettings, TEST_ISSUER_CONFIG } from '../settings.js';
import {
  buildTemplate,
  cardFiles,
  encodeCardPayload,
  encodeRecord,
  parseTemplate,
  payloadValues,
  personalValues,
  serialiseTemplate,
} from './card-template.js';

// Synthetic person (GB 11643 annex example number, a made-up name).
const person: EnrolledPerson = {
  rowNumber: 7,
  name: '测试甲',
  sex: '02',
  ethnicity: '01',
  birthDate: '19491231',
  idNumber: '11010519491231002X',
  phone: '13800000000',
  address: '示例省示例市示例路1号',
  ruralInsuranceNumber: '410100000000000001',
  township: '示例镇',
  village: '一村',
};
const certificate = new Uint8Array(180).fill(0xab);
const settings = issuanceSettings({ ...TEST_ISSUER_CONFIG, issueDate: '20261130' }, certificate);
const codec = { charset: 'gbk' } satisfies Pick<HealthCardSettings, 'charset'>;

/** Every TLV item of a card's files, decoded. */
function decodeAll(files: ReturnType<typeof cardFiles>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const file of HEALTH_CARD_PROFILE.files.filter((f) => f.structure === 'linear-tlv')) {
    const records = (files.get(file.path) as { records: Uint8Array[] }).records;
    for (const item of itemsOfFile(HEALTH_CARD_PROFILE, file.path)) {
      if (item.location.kind !== 'tlv') continue;
      values[item.key] = decodeTlvRecord(item, records[item.location.record - 1]!, codec);
    }
  }
  return values;
}

describe('card template and payload (records/card-template.ts)', () => {
  const template = buildTemplate(settings);

  it('lays the person, the batch settings and the chip serial over empty items', () => {
    const payload = encodeCardPayload(template, personalValues(person, '123'));
    const values = decodeAll(cardFiles(template, payload, 'CHIP000042'));
    expect(values).toMatchObject({
      cardNumber: person.idNumber,
      idNumber: person.idNumber,
      documentNumber: person.idNumber,
      name: person.name,
      sex: '02',
      ethnicity: '01',
      birthDate: '19491231',
      phone1: '13800000000',
      address1: person.address,
      addressType1: '1',
      ruralInsuranceNumber: person.ruralInsuranceNumber,
      securityCode: '123',
      chipSerial: 'CHIP000042',
      issuerName: TEST_ISSUER_CONFIG.issuerName,
      issuerCode: TEST_ISSUER_CONFIG.issuerCode,
      cityCode: '410100',
      issueDate: '20261130',
      expiryDate: '20361130',
      documentType: '01',
      cardType: '1',
      specVersion: '1.00',
    });
    expect(values.issuerCertificate).toBe('AB'.repeat(180));
    // Items neither the sheet nor the settings give stay empty.
    for (const key of ['phone2', 'contact1Name', 'address2', 'asthma', 'psychiatricFlag']) {
      const item = HEALTH_CARD_PROFILE.items.find((i) => i.key === key)!;
      expect(values[key], key).toBe(emptyValue(item));
    }
  });

  it('writes only what differs from a blank chip: record files and index files set to free', () => {
    const written = [...template.files.keys()];
    const tlvFiles = HEALTH_CARD_PROFILE.files.filter((f) => f.structure === 'linear-tlv').map((f) => f.path);
    expect(written).toEqual(expect.arrayContaining(tlvFiles));
    expect(written.filter((p) => !tlvFiles.includes(p)).sort()).toEqual(['DDF1/DF03/EF05', 'DDF1/DF03/EF06']);
    for (const path of ['DDF1/DF03/EF05', 'DDF1/DF03/EF06']) {
      const records = (template.files.get(path) as { records: Uint8Array[] }).records;
      expect(records.length).toBeGreaterThan(0);
      expect(records.every((r) => r.length > 0 && r.every((b) => b === 0xff))).toBe(true);
    }
  });

  it('writes no address type when the sheet has no address', () => {
    const homeless = { ...person, address: '' };
    const values = decodeAll(
      cardFiles(template, encodeCardPayload(template, personalValues(homeless, '1')), 'C'),
    );
    expect(values.address1).toBe('');
    expect(values.addressType1).toBe('');
  });

  it('two people share the template but not their records', () => {
    const other = { ...person, name: '测试乙', idNumber: '110105194912310029', sex: '01' };
    const a = cardFiles(template, encodeCardPayload(template, personalValues(person, '111')), 'CHIPA00001');
    const b = cardFiles(template, encodeCardPayload(template, personalValues(other, '222')), 'CHIPB00002');
    expect(decodeAll(a).name).toBe('测试甲');
    expect(decodeAll(b).name).toBe('测试乙');
    expect(decodeAll(a).securityCode).toBe('111');
    // The template itself is untouched by laying records over it.
    expect(decodeAll(template.files as ReturnType<typeof cardFiles>).name).toBe('');
  });

  it('carries the photo as its length-prefixed field, and none without photos', () => {
    const jpeg = Uint8Array.of(0xff, 0xd8, 1, 2, 3, 0xff, 0xd9);
    const withPhoto = cardFiles(
      template,
      encodeCardPayload(template, personalValues(person, '1'), jpeg),
      'C',
    );
    const field = (withPhoto.get('DDF1/EF07') as { data: Uint8Array }).data;
    expect(field).toHaveLength(3074);
    expect([...field.subarray(0, 2 + jpeg.length)]).toEqual([0, 7, ...jpeg]);
    // Without a photo the chip's factory-zero photo file is left as it is.
    const without = cardFiles(template, encodeCardPayload(template, personalValues(person, '1')), 'C');
    expect(without.has('DDF1/EF07')).toBe(false);
    const tooBig = new Uint8Array(3073);
    expect(() => encodeCardPayload(template, personalValues(person, '1'), tooBig)).toThrow(
      expect.objectContaining({ code: 'HCARD_E_PHOTO_INVALID' }),
    );
  });

  it('survives serialisation (encode uses exactly what prepare encoded)', () => {
    const payload = encodeCardPayload(template, personalValues(person, '987'));
    const again = parseTemplate(serialiseTemplate(template));
    expect(decodeAll(cardFiles(again, payload, 'CHIP000001'))).toEqual(
      decodeAll(cardFiles(template, payload, 'CHIP000001')),
    );
    expect(payloadValues(again, payload)).toMatchObject({ name: '测试甲', securityCode: '987' });
  });

  it('refuses a payload of another version and text the card cannot store', () => {
    const payload = encodeCardPayload(template, personalValues(person, '1'));
    payload[0] = 9;
    expect(() => cardFiles(template, payload, 'C')).toThrow(/version 9/);
    try {
      encodeCardPayload(template, personalValues({ ...person, name: '测'.repeat(16) }, '1'));
      expect.unreachable();
    } catch (e) {
      expect(isHcardError(e, 'HCARD_E_ANS_TOO_LONG')).toBe(true);
    }
  });
});

describe('encodeRecord (fast paths of the card codec)', () => {
  const items = HEALTH_CARD_PROFILE.items.filter((i) => i.location.kind === 'tlv' && i.type !== 'b');
  const outcome = (f: () => Uint8Array) => {
    try {
      return [...f()];
    } catch (e) {
      return (e as { code?: string }).code ?? 'thrown';
    }
  };

  it('gives the bytes (or the error) of encodeTlvRecord for any text, digits and ASCII included', () => {
    const text = fc.oneof(
      fc.stringMatching(/^\d{0,24}$/),
      fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
      fc.string({ maxLength: 20 }),
      fc.constantFrom('', '测试', '11010519491231002X', '\u007f', '\t', 'é'),
    );
    fc.assert(
      fc.property(fc.constantFrom(...items), text, (item, value) => {
        expect(outcome(() => encodeRecord(item, value, codec))).toEqual(
          outcome(() => encodeTlvRecord(item, value, codec)),
        );
      }),
      { numRuns: 3000 },
    );
  });
});
