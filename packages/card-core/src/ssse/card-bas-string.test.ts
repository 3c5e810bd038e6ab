import { describe, expect, it } from 'vitest';
import { expectHcardError } from '../expect-error.test-helper.js';
import {
  buildCardBasString,
  buildHsmStep1String,
  CARD_BAS_FIELDS,
  type CardBasFields,
  cardBasFieldsOf,
  parseCardBasString,
  parseHsmStep1String,
} from './card-bas-string.js';

/** The kiosk log of spec A.7 [S6]: a blank card, fields 2, 3, 5 and 11 empty. */
const KIOSK = '411600|||411600D156000005C38275EEFC9B9648||008C544CB386844116018593CA|3.00|20211203|20311202|';

describe('parseCardBasString (spec A.7)', () => {
  it('parses the kiosk example and keeps its empty fields', () => {
    expect(parseCardBasString(`${KIOSK}410100813475||`)).toEqual({
      regionCode: '411600',
      socialSecurityNumber: '',
      cardNumber: '',
      cardIdCode: '411600D156000005C38275EEFC9B9648',
      name: '',
      atrHistoricalBytes: '008C544CB386844116018593CA',
      specVersion: '3.00',
      issueDate: '20211203',
      expiryDate: '20311202',
      terminalNumber: '410100813475',
      readerSerial: '',
    });
  });

  it('the kiosk line as logged has 9 fields: an 11-field parser says so instead of guessing', () => {
    const e = expectHcardError(() => parseCardBasString(KIOSK), 'HCARD_E_SSSE_STRING_INVALID');
    expect(e.message).toContain('9 fields, expected 11');
  });

  it('needs the terminating "|" of the last field', () => {
    expectHcardError(() => parseCardBasString('a|b|c|d|e|f|g|h|i|j|k'), 'HCARD_E_SSSE_STRING_INVALID');
  });

  it('round-trips: build then parse gives the fields back, 11 terminators', () => {
    const fields = Object.fromEntries(
      CARD_BAS_FIELDS.map((f, i) => [f.key, i % 3 === 0 ? '' : `v${i}`]),
    ) as CardBasFields;
    const text = buildCardBasString(fields);
    expect(text.match(/\|/g)).toHaveLength(11);
    expect(text.endsWith('|')).toBe(true);
    expect(parseCardBasString(text)).toEqual(fields);
  });

  it('refuses a field with a "|" in it, naming the field', () => {
    const fields = Object.fromEntries(CARD_BAS_FIELDS.map((f) => [f.key, ''])) as CardBasFields;
    const e = expectHcardError(
      () => buildCardBasString({ ...fields, name: 'a|b' }),
      'HCARD_E_SSSE_STRING_INVALID',
    );
    expect(e.message).toContain('姓名');
  });
});

describe('cardBasFieldsOf', () => {
  const card = {
    cardIdCode: '639900D15600000500BF7C7A48FB4966',
    regionCode: '639900',
    cardType: '1',
    specVersion: '1.00',
    generation: 1,
    initOrgNumber: '00'.repeat(12),
    issueDate: '20101001',
    expiryDate: '20201001',
    cardNumber: 'X00000019',
  };

  it('puts the spec A.7 example values in their fields', () => {
    const holder = {
      socialSecurityNumber: '111111198101011110',
      name: '张三',
      sex: '1',
      ethnicity: '01',
      birthPlace: '111111',
      birthDate: '19810101',
    };
    const text = buildCardBasString(
      cardBasFieldsOf(card, holder, '00814E43238697159900BF7C7A', { terminalNumber: '410100813475' }),
    );
    expect(text).toBe(
      '639900|111111198101011110|X00000019|639900D15600000500BF7C7A48FB4966|张三|00814E43238697159900BF7C7A|1.00|20101001|20201001|410100813475||',
    );
  });

  it('without holder data leaves 社会保障号码 and 姓名 empty', () => {
    const fields = cardBasFieldsOf(card, undefined, '');
    expect([fields.socialSecurityNumber, fields.name]).toEqual(['', '']);
  });
});

describe('HSM step-1 strings (spec A.7)', () => {
  it('has 9 fields in the documented order and keeps empty random values', () => {
    const text = '639900|00814E43238697159900BF7C7A|01|639900D15600000500BF7C7A48FB4966|||||RDR1|';
    const fields = parseHsmStep1String(text);
    expect(fields).toEqual({
      regionCode: '639900',
      atrHistoricalBytes: '00814E43238697159900BF7C7A',
      algorithm: '01',
      cardIdCode: '639900D15600000500BF7C7A48FB4966',
      internalFactor: '',
      internalData: '',
      externalFactor: '',
      externalData: '',
      readerSerial: 'RDR1',
    });
    expect(buildHsmStep1String(fields)).toBe(text);
  });
});
