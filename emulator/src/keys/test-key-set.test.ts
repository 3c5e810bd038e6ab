/**
 * The test key store answers with keys derived from the documented masters (recomputed with
 * sm-crypto from their labels) through the independent SM4 reference: card keys, the transport
 * key and security codes; the PSAM export is exactly the documented masters.
 */
import { HEALTH_CARD_PROFILE } from '@hcard/card-core';
import { describe, expect, it } from 'vitest';
import {
  hex,
  refCardKey,
  refSecurityCode,
  unhex,
} from '../../../packages/card-core/src/crypto/sm-reference.test-helper.js';
import { documentedTestMaster } from './documented-master.test-helper.js';
import { TEST_KEY_STORE } from './test-key-set.js';

const CN = unhex('0123456789ABCDEF');
const CITY = unhex('4101303030303030');

describe('TEST_KEY_STORE', () => {
  it('gives card keys diversified from the documented masters (1 level CN, 2 levels CN ‖ CITY)', () => {
    expect(hex(TEST_KEY_STORE.cardKey('TRANSPORT', [CN]))).toBe(
      hex(refCardKey(documentedTestMaster('TRANSPORT'), CN)),
    );
    expect(hex(TEST_KEY_STORE.cardKey('UK_DDF1', [CN]))).toBe(
      hex(refCardKey(documentedTestMaster('UK_DDF1'), CN)),
    );
    expect(hex(TEST_KEY_STORE.cardKey('RK_DDF1', [CN, CITY]))).toBe(
      hex(refCardKey(documentedTestMaster('RK_DDF1'), CN, CITY)),
    );
  });

  it('gives security codes from the documented CVN master, one by one and in a batch', () => {
    const cards = [
      { cardNumber: '410102199001011234', issueDate: '20240101', expiryDate: '20340101' },
      { cardNumber: '11010519491231002X', issueDate: '20230615', expiryDate: '20330615' },
    ];
    const expected = cards.map((c) =>
      refSecurityCode(documentedTestMaster('CVN'), c.cardNumber, c.issueDate, c.expiryDate),
    );
    expect(cards.map((c) => TEST_KEY_STORE.securityCode(c))).toEqual(expected);
    expect(TEST_KEY_STORE.securityCodes(cards)).toEqual(expected);
  });

  it('exports exactly the documented masters for the PSAM image, and nothing on the KeyStore interface does', () => {
    const ids = HEALTH_CARD_PROFILE.keys.map((k) => k.id);
    const masters = TEST_KEY_STORE.exportPsamMasters(ids);
    expect([...masters.keys()]).toEqual(ids);
    for (const id of ids) expect(hex(masters.get(id)!), id).toBe(hex(documentedTestMaster(id)));
    expect(Object.keys(TEST_KEY_STORE).sort()).toEqual(
      ['cardKey', 'exportPsamMasters', 'id', 'securityCode', 'securityCodes', 'sm2PrivateKey'].sort(),
    );
  });
});
