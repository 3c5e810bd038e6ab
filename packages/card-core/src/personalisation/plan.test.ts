/**
 * Personalisation plans: keys come from the key store already diversified for one chip (the
 * factors of spec §6.8 in PSAM command order), and a plan that does not fit the profile is
 * refused before anything is sent, naming the key or file but never its bytes.
 */
import { describe, expect, it } from 'vitest';
import { toHex } from '../bytes.js';
import type { CardKeyId, KeyStore } from '../crypto/key-store.js';
import { HEALTH_CARD_PROFILE } from '../profiles/health-card/index.js';
import { checkPlan, type PersonalisationPlan, planKeys } from './plan.js';

/** A store that answers each request with a marker of what it was asked, so the test sees the factors. */
function recordingStore(): KeyStore & { asked: Map<CardKeyId, string[]> } {
  const asked = new Map<CardKeyId, string[]>();
  return {
    id: 'recording',
    asked,
    cardKey(id, factors) {
      asked.set(id, factors.map(toHex));
      return new Uint8Array(16).fill(factors.length);
    },
    securityCode: () => '000',
    securityCodes: (cards) => cards.map(() => '000'),
    sm2PrivateKey: () => new Uint8Array(32),
  };
}

const CN = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);

describe('planKeys', () => {
  it('asks for every profile key and the transport key with CN (and CITY for 2-level keys)', () => {
    const store = recordingStore();
    const keys = planKeys(store, { cn: CN, cityCode: '410102' });
    // CITY = cn(city code)[0..2] ‖ ASCII "000000" (spec §6.1).
    const city = '4101303030303030';
    expect(store.asked.get('TRANSPORT')).toEqual(['0102030405060708']);
    expect(store.asked.get('RK_DDF1')).toEqual(['0102030405060708', city]); // usage 47: 2 levels
    expect(store.asked.get('UK_DDF1')).toEqual(['0102030405060708']); // usage 27: 1 level
    expect(Object.keys(keys.keys).sort()).toEqual(HEALTH_CARD_PROFILE.keys.map((k) => k.id).sort());
  });
});

describe('checkPlan', () => {
  const base = (): PersonalisationPlan => ({
    ...planKeys(recordingStore(), { cn: CN, cityCode: '410102' }),
    files: {},
  });

  it('accepts a plan with every key and no files', () => {
    expect(() => checkPlan(base())).not.toThrow();
  });

  it.each<[string, (p: PersonalisationPlan) => PersonalisationPlan, RegExp]>([
    ['a missing key', (p) => ({ ...p, keys: { ...p.keys, STK_DF03: undefined } }), /key STK_DF03 is missing/],
    [
      'an unknown file',
      (p) => ({ ...p, files: { 'DDF1/EF09': { data: new Uint8Array(1) } } }),
      /DDF1\/EF09 is not a file/,
    ],
    [
      'a photo of the wrong size',
      (p) => ({ ...p, files: { 'DDF1/EF07': { data: new Uint8Array(3) } } }),
      /needs 3074 bytes/,
    ],
    [
      'records for a transparent file',
      (p) => ({ ...p, files: { 'DDF1/EF07': { records: [] } } }),
      /give \{ data \}/,
    ],
    [
      'an allergy record of the wrong length',
      (p) => ({ ...p, files: { 'DDF1/DF02/EF07': { records: [new Uint8Array(119)] } } }),
      /record 1 has 119 bytes, expected 120/,
    ],
    ['key tries 16', (p) => ({ ...p, keyTries: 16 }), /keyTries 16/],
  ])('rejects %s with HCARD_E_ARG_INVALID', (_what, change, message) => {
    expect(() => checkPlan(change(base()))).toThrow(message);
    try {
      checkPlan(change(base()));
    } catch (e) {
      expect((e as { code: string }).code).toBe('HCARD_E_ARG_INVALID');
    }
  });
});
