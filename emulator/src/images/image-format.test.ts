/**
 * Card and PSAM images are checked field by field when they are loaded: a malformed image fails
 * with HCARD_E_IMAGE_INVALID naming the field (as a JSON path), never with another error, and
 * never loads to misbehave later. Valid images (generated, snapshots, JSON round trips) load.
 */
import { HcardError, HEALTH_CARD_PROFILE, isHcardError } from '@hcard/card-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EmulatedHealthCard } from '../health-card/emulated-health-card.js';
import { EmulatedPsam } from '../psam/emulated-psam.js';
import { buildBlankCardImage } from './blank-image.js';
import { buildPsamImage, generateCard } from './build-image.js';
import { type CardImage, type PsamImage, validateCardImage, validatePsamImage } from './image-format.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests break images on purpose
type Json = any;

const CARD: CardImage = generateCard('image-format-test').image;
const PSAM: PsamImage = buildPsamImage();
const copy = <T>(value: T): Json => JSON.parse(JSON.stringify(value));

/** A copy of `image` changed by `change`. */
const broken = <T>(image: T, change: (image: Json) => void): Json => {
  const c = copy(image);
  change(c);
  return c;
};

function invalidError(validate: () => unknown): HcardError {
  let thrown: unknown;
  try {
    validate();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, 'expected HCARD_E_IMAGE_INVALID').toBeInstanceOf(HcardError);
  expect((thrown as HcardError).code).toBe('HCARD_E_IMAGE_INVALID');
  return thrown as HcardError;
}

const hex = (bytes: number, fill = '00') => fill.repeat(bytes);

describe('validateCardImage and the EmulatedHealthCard constructor', () => {
  // [what, change, the field the message names (a JSON path), then the rest of the message]
  const cases: [string, (image: Json) => void, string, RegExp][] = [
    // The cases of the issue: each crashed, loaded to misbehave, or failed later.
    [
      'a file entry that is a number',
      (i) => (i.files['DDF1/EF05'] = 3),
      'files["DDF1/EF05"]',
      /must be an object/,
    ],
    [
      'a file entry that is null',
      (i) => (i.files['DDF1/EF06'] = null),
      'files["DDF1/EF06"]',
      /must be an object/,
    ],
    [
      'a file entry that is a string',
      (i) => (i.files['DDF1/EF07'] = 'FFFF'),
      'files["DDF1/EF07"]',
      /must be/,
    ],
    ['a file entry that is an array', (i) => (i.files['DDF1/EF08'] = []), 'files["DDF1/EF08"]', /must be/],
    ['remaining -1', (i) => (i.keys.RK_DDF1.remaining = -1), 'keys.RK_DDF1.remaining', /integer 0–15/],
    ['remaining "x"', (i) => (i.keys.RK_DDF1.remaining = 'x'), 'keys.RK_DDF1.remaining', /integer 0–15/],
    ['remaining 1000', (i) => (i.keys.RK_DDF1.remaining = 1000), 'keys.RK_DDF1.remaining', /integer 0–15/],
    ['an empty ATR', (i) => (i.atr = ''), 'atr', /has 0 bytes, expected 13–33/],
    // The rest of the fields.
    ['format missing', (i) => delete i.format, 'format', /must be hcard-card-image\/1/],
    ['another format', (i) => (i.format = 'hcard-card-image/2'), 'format', /must be/],
    ['another profile', (i) => (i.profile = 'nope'), 'profile', /nope is not health-card\/v1/],
    ['profile not a string', (i) => (i.profile = { id: 1 }), 'profile', /is not health-card\/v1/],
    ['an unknown field (a typo)', (i) => (i.keyset = i.keySet), 'keyset', /is not a field of a card image/],
    ['description not a string', (i) => (i.description = 7), 'description', /must be a string/],
    ['atr missing', (i) => delete i.atr, 'atr', /is missing/],
    ['atr not hex', (i) => (i.atr = '3B6C0G'), 'atr', /must be a hex string/],
    ['atr of odd length', (i) => (i.atr = '3B6'), 'atr', /must be a hex string/],
    ['atr a number', (i) => (i.atr = 0x3b), 'atr', /must be a hex string/],
    ['an ATR too short to hold the card factor', (i) => (i.atr = hex(12)), 'atr', /bytes 5–12/],
    ['an ATR longer than 33 bytes', (i) => (i.atr = hex(34)), 'atr', /has 34 bytes/],
    ['keySet missing', (i) => delete i.keySet, 'keySet', /is missing/],
    ['keySet not a string', (i) => (i.keySet = 1), 'keySet', /must be a non-empty string/],
    ['keys missing', (i) => delete i.keys, 'keys', /is missing/],
    ['keys an array', (i) => (i.keys = []), 'keys', /must be an object/],
    ['a key missing', (i) => delete i.keys.UK_DF03_2, 'keys.UK_DF03_2', /is missing/],
    [
      'an unknown key',
      (i) => (i.keys.RK_DF09 = i.keys.RK_DF01),
      'keys.RK_DF09',
      /is not a key of health-card/,
    ],
    ['a key that is not an object', (i) => (i.keys.RK_DDF1 = 'ab'), 'keys.RK_DDF1', /must be an object/],
    [
      'a key with an unknown field',
      (i) => (i.keys.RK_DDF1.retries = 3),
      'keys.RK_DDF1.retries',
      /not a field/,
    ],
    ['a key value of 15 bytes', (i) => (i.keys.STK_DF03.value = hex(15)), 'keys.STK_DF03.value', /15 bytes/],
    ['a key value not hex', (i) => (i.keys.RK_DDF1.value = 'k'.repeat(32)), 'keys.RK_DDF1.value', /hex/],
    ['a key value missing', (i) => delete i.keys.RK_DDF1.value, 'keys.RK_DDF1.value', /is missing/],
    ['tries 0', (i) => (i.keys.RK_DDF1.tries = 0), 'keys.RK_DDF1.tries', /integer 1–15/],
    ['tries 16', (i) => (i.keys.RK_DDF1.tries = 16), 'keys.RK_DDF1.tries', /integer 1–15/],
    ['tries 2.5', (i) => (i.keys.RK_DDF1.tries = 2.5), 'keys.RK_DDF1.tries', /integer 1–15/],
    ['tries "3"', (i) => (i.keys.RK_DDF1.tries = '3'), 'keys.RK_DDF1.tries', /integer 1–15/],
    ['tries missing', (i) => delete i.keys.RK_DDF1.tries, 'keys.RK_DDF1.tries', /is missing/],
    [
      'remaining above tries',
      (i) => Object.assign(i.keys.UK_DDF1, { tries: 3, remaining: 4 }),
      'keys.UK_DDF1.remaining',
      /integer 0–3 \(0 to tries\)/,
    ],
    ['remaining 1.5', (i) => (i.keys.RK_DDF1.remaining = 1.5), 'keys.RK_DDF1.remaining', /integer/],
    ['remaining null', (i) => (i.keys.RK_DDF1.remaining = null), 'keys.RK_DDF1.remaining', /integer/],
    ['files missing', (i) => delete i.files, 'files', /is missing/],
    ['files an array', (i) => (i.files = []), 'files', /must be an object/],
    ['a file missing', (i) => delete i.files['DDF1/DF02/EF05'], 'files["DDF1/DF02/EF05"]', /is missing/],
    ['an unknown file', (i) => (i.files['DDF1/EF09'] = { data: '' }), 'files["DDF1/EF09"]', /not a file of/],
    [
      'a transparent file given records',
      (i) => (i.files['DDF1/EF07'] = { records: [] }),
      'files["DDF1/EF07"].records',
      /is not a field of a transparent file/,
    ],
    [
      'a record file given data',
      (i) => (i.files['DDF1/EF05'] = { data: '00' }),
      'files["DDF1/EF05"].data',
      /is not a field of a record file/,
    ],
    ['records missing', (i) => (i.files['DDF1/EF05'] = {}), 'files["DDF1/EF05"].records', /is missing/],
    [
      'records not an array',
      (i) => (i.files['DDF1/EF05'].records = '01'),
      'files["DDF1/EF05"].records',
      /must be an array of 10 records/,
    ],
    [
      'one record too many',
      (i) => i.files['DDF1/EF06'].records.push('00'),
      'files["DDF1/EF06"].records',
      /must be an array of 5 records/,
    ],
    [
      'a record that is not hex',
      (i) => (i.files['DDF1/EF06'].records[2] = 'xyz0'),
      'files["DDF1/EF06"].records[2]',
      /must be a hex string/,
    ],
    [
      'a record that is null',
      (i) => (i.files['DDF1/EF06'].records[4] = null),
      'files["DDF1/EF06"].records[4]',
      /must be a hex string/,
    ],
    [
      'a record longer than the record length',
      (i) => (i.files['DDF1/EF06'].records[0] = hex(33)),
      'files["DDF1/EF06"].records[0]',
      /has 33 bytes, expected at most 32/,
    ],
    [
      'transparent data of the wrong size',
      (i) => (i.files['DDF1/EF07'].data = hex(3073)),
      'files["DDF1/EF07"].data',
      /has 3073 bytes, expected 3074/,
    ],
    ['transparent data missing', (i) => (i.files['DDF1/EF07'] = {}), 'files["DDF1/EF07"].data', /is missing/],
    [
      'a file with an unknown field',
      (i) => (i.files['DDF1/EF07'].date = '00'),
      'files["DDF1/EF07"].date',
      /is not a field/,
    ],
  ];

  it.each(cases)('rejects %s, naming the field', (_what, change, field, detail) => {
    const image = broken(CARD, change);
    for (const load of [() => validateCardImage(image), () => new EmulatedHealthCard(image)]) {
      const e = invalidError(load);
      expect(e.message.startsWith(`Invalid card image: ${field} `), e.message).toBe(true);
      expect(e.message).toMatch(detail);
      expect(e.details).toEqual({ field });
      // Never file contents or key values (a message may reach a log).
      expect(e.message).not.toMatch(/[0-9A-F]{16}/i);
    }
  });

  it.each([
    ['null', null],
    ['an array', [CARD]],
    ['a string', JSON.stringify(CARD)],
    ['a number', 1],
  ])('rejects %s as the image', (_what, image) => {
    expect(invalidError(() => new EmulatedHealthCard(image)).message).toMatch(/must be a JSON object/);
  });

  it('checks the ATR against where the settings put the card factor', () => {
    const image = copy(CARD);
    expect(() => validateCardImage(image, HEALTH_CARD_PROFILE, { cardFactorOffset: 8 })).not.toThrow();
    expect(
      invalidError(() => validateCardImage(image, HEALTH_CARD_PROFILE, { cardFactorOffset: 9 })).message,
    ).toMatch(/atr has 16 bytes, expected 17–33 \(an ATR holding the card factor at bytes 9–16\)/);
  });

  it('names an unknown key with quotes and escapes, on one line', () => {
    const e = invalidError(() => validateCardImage(broken(CARD, (i) => (i.files['a\nb'] = {}))));
    expect(e.message).toContain('files["a\\nb"] is not a file of health-card/v1');
    expect(e.message).not.toContain('\n');
  });

  it('loads generated images, their JSON round trip and snapshots, with the retry counters given', () => {
    for (const seed of [1, 'two', 'image-format-test']) {
      const image = generateCard(seed, { keyTries: 3 }).image;
      expect(validateCardImage(image).image).toBe(image);
      expect(() => new EmulatedHealthCard(copy(image))).not.toThrow();
    }
    const card = new EmulatedHealthCard(
      broken(CARD, (i) => Object.assign(i.keys.RK_DF01, { tries: 5, remaining: 0 })),
    );
    expect(card.triesLeft('RK_DF01')).toBe(0);
    expect(card.triesLeft('RK_DDF1')).toBe(15);
    const again = new EmulatedHealthCard(copy(card.snapshot()));
    expect(again.triesLeft('RK_DF01')).toBe(0);
    expect(validateCardImage(card.snapshot()).files.get('DDF1/EF05')?.records).toHaveLength(10);
  });
});

describe('validatePsamImage and the EmulatedPsam constructor', () => {
  const cases: [string, (image: Json) => void, string, RegExp][] = [
    ['format missing', (i) => delete i.format, 'format', /must be hcard-psam-image\/1/],
    ['a card image format', (i) => (i.format = 'hcard-card-image/1'), 'format', /must be/],
    ['an unknown field', (i) => (i.pinTry = 3), 'pinTry', /is not a field of a PSAM image/],
    ['description not a string', (i) => (i.description = []), 'description', /must be a string/],
    ['an empty ATR', (i) => (i.atr = ''), 'atr', /has 0 bytes, expected 2–33/],
    ['atr not hex', (i) => (i.atr = 'ATR'), 'atr', /must be a hex string/],
    ['pin missing', (i) => delete i.pin, 'pin', /is missing/],
    ['a pin of odd length', (i) => (i.pin = '12345'), 'pin', /even number \(4–16\) of digits/],
    ['a pin with letters', (i) => (i.pin = '12AB'), 'pin', /digits/],
    ['a pin too short', (i) => (i.pin = '12'), 'pin', /digits/],
    ['a pin too long', (i) => (i.pin = '1'.repeat(18)), 'pin', /digits/],
    ['a pin as a number', (i) => (i.pin = 123456), 'pin', /digits/],
    ['pinTries 0', (i) => (i.pinTries = 0), 'pinTries', /integer 1–15/],
    ['pinTries 16', (i) => (i.pinTries = 16), 'pinTries', /integer 1–15/],
    ['pinTries "3"', (i) => (i.pinTries = '3'), 'pinTries', /integer 1–15/],
    ['pinTries missing', (i) => delete i.pinTries, 'pinTries', /is missing/],
    ['files missing', (i) => delete i.files, 'files', /is missing/],
    ['files an array', (i) => (i.files = ['00']), 'files', /must be an object/],
    ['a file missing', (i) => delete i.files['001B'], 'files["001B"]', /is missing/],
    ['an unknown file', (i) => (i.files['0017'] = '00'), 'files["0017"]', /is not a PSAM file/],
    [
      'a file of the wrong size',
      (i) => (i.files['0016'] = hex(5)),
      'files["0016"]',
      /has 5 bytes, expected 6/,
    ],
    ['a file that is not hex', (i) => (i.files['001C'] = { data: '00' }), 'files["001C"]', /hex string/],
    ['keys missing', (i) => delete i.keys, 'keys', /is missing/],
    ['keys not an array', (i) => (i.keys = {}), 'keys', /must be an array/],
    ['a key that is null', (i) => (i.keys[1] = null), 'keys[1]', /must be an object/],
    [
      'a key with an unknown field',
      (i) => (i.keys[0].tries = 3),
      'keys[0].tries',
      /is not a field of a PSAM key/,
    ],
    ['a key index of 256', (i) => (i.keys[2].index = 256), 'keys[2].index', /integer 0–255/],
    ['a key index of -1', (i) => (i.keys[2].index = -1), 'keys[2].index', /integer 0–255/],
    ['a key index missing', (i) => delete i.keys[2].index, 'keys[2].index', /is missing/],
    ['a key usage as a string', (i) => (i.keys[3].usage = '47'), 'keys[3].usage', /integer 0–255/],
    [
      'a key value of 8 bytes',
      (i) => (i.keys[4].value = hex(8)),
      'keys[4].value',
      /has 8 bytes, expected 16/,
    ],
    [
      'a key index used twice',
      (i) => (i.keys[5].index = i.keys[1].index),
      'keys[5].index',
      /repeats keys\[1\]/,
    ],
    ['signingKey missing', (i) => delete i.signingKey, 'signingKey', /is missing/],
    [
      'signingKey of 31 bytes',
      (i) => (i.signingKey = hex(31, '01')),
      'signingKey',
      /has 31 bytes, expected 32/,
    ],
  ];

  it.each(cases)('rejects %s, naming the field', (_what, change, field, detail) => {
    const image = broken(PSAM, change);
    for (const load of [() => validatePsamImage(image), () => new EmulatedPsam(image)]) {
      const e = invalidError(load);
      expect(e.message.startsWith(`Invalid card image: ${field} `), e.message).toBe(true);
      expect(e.message).toMatch(detail);
      expect(e.details).toEqual({ field });
      expect(e.message).not.toMatch(/[0-9A-F]{16}/i);
    }
  });

  it('loads the generated PSAM image and its JSON round trip', () => {
    expect(validatePsamImage(PSAM)).toBe(PSAM);
    expect(() => new EmulatedPsam(copy(PSAM))).not.toThrow();
    expect(() => validatePsamImage(buildPsamImage({ pin: '1234567890123456' }))).not.toThrow();
  });
});

// ---- property: any JSON, anywhere, gives a value or HCARD_E_IMAGE_INVALID -------------------

/** Every place in a JSON value (as key paths), the root included. */
function placesOf(value: Json, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => placesOf(v, [...path, i])));
  if (typeof value === 'object' && value !== null)
    return here.concat(...Object.entries(value).map(([k, v]) => placesOf(v, [...path, k])));
  return here;
}

/** A copy of `image` with the value at `path` replaced (or deleted, or a field added). */
function mutate(
  image: unknown,
  path: (string | number)[],
  how: 'set' | 'delete' | 'add',
  value: unknown,
): Json {
  if (path.length === 0) return how === 'set' ? value : copy(image);
  const c = copy(image);
  let parent = c;
  for (const k of path.slice(0, -1)) parent = parent[k];
  const last = path[path.length - 1]!;
  if (how === 'set') parent[last] = value;
  else if (how === 'delete') delete parent[last];
  else if (typeof parent[last] === 'object' && parent[last] !== null) parent[last].extra = value;
  return c;
}

function loadsOrRejects(load: () => unknown): boolean {
  try {
    load();
    return true;
  } catch (e) {
    if (isHcardError(e, 'HCARD_E_IMAGE_INVALID')) return true;
    throw e;
  }
}

describe('any JSON value (property)', () => {
  /** Any JSON value as the whole image, or put anywhere in a valid one (or a field deleted or added there). */
  const someImage = (valid: unknown) =>
    fc.oneof(
      fc.jsonValue(),
      fc
        .record({
          place: fc.constantFrom(...placesOf(valid)),
          how: fc.constantFrom('set', 'delete', 'add') as fc.Arbitrary<'set' | 'delete' | 'add'>,
          value: fc.oneof(
            fc.jsonValue({ maxDepth: 2 }),
            fc.constantFrom(-1, 0, 16, 1000, '', '00', 'x', null),
          ),
        })
        .map(({ place, how, value }) => mutate(valid, place, how, value)),
    );

  it('validateCardImage and the card: a value (the card loads) or HCARD_E_IMAGE_INVALID', () => {
    fc.assert(
      fc.property(someImage(CARD), (image) => {
        expect(loadsOrRejects(() => validateCardImage(image))).toBe(true);
        expect(loadsOrRejects(() => new EmulatedHealthCard(image))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('validatePsamImage and the PSAM: a value (the PSAM loads) or HCARD_E_IMAGE_INVALID', () => {
    fc.assert(
      fc.property(someImage(PSAM), (image) => {
        expect(loadsOrRejects(() => validatePsamImage(image))).toBe(true);
        expect(loadsOrRejects(() => new EmulatedPsam(image))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('a loaded card never holds a retry counter outside 0–tries', () => {
    const ids = HEALTH_CARD_PROFILE.keys.map((k) => k.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.oneof(fc.integer({ min: -20, max: 20 }), fc.jsonValue({ maxDepth: 1 })),
        fc.oneof(fc.integer({ min: -20, max: 20 }), fc.jsonValue({ maxDepth: 1 })),
        (id, tries, remaining) => {
          const image = broken(CARD, (i) => Object.assign(i.keys[id], { tries, remaining }));
          let card: EmulatedHealthCard;
          try {
            card = new EmulatedHealthCard(image);
          } catch (e) {
            expect(isHcardError(e, 'HCARD_E_IMAGE_INVALID')).toBe(true);
            return;
          }
          expect(Number.isInteger(card.triesLeft(id))).toBe(true);
          expect(card.triesLeft(id)).toBeGreaterThanOrEqual(0);
          expect(card.triesLeft(id)).toBeLessThanOrEqual(tries as number);
          expect(tries).toBeLessThanOrEqual(15);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('lifecycle, transport key and chip serial (reference COS factory state)', () => {
  const BLANK: CardImage = buildBlankCardImage({ seed: 'image-format-blank' });

  it('a blank image validates and loads', () => {
    expect(() => validateCardImage(copy(BLANK))).not.toThrow();
    expect(new EmulatedHealthCard(copy(BLANK)).lifecycle).toBe('factory');
  });

  const cases: [string, CardImage, (image: Json) => void, string, RegExp][] = [
    [
      'an unknown lifecycle',
      BLANK,
      (i) => (i.lifecycle = 'retired'),
      'lifecycle',
      /one of factory, personalisation, issued/,
    ],
    [
      'a factory card without its transport key',
      BLANK,
      (i) => delete i.transportKey,
      'transportKey',
      /is missing/,
    ],
    [
      'a transport key of 15 bytes',
      BLANK,
      (i) => (i.transportKey.value = hex(15)),
      'transportKey.value',
      /15 bytes, expected 16/,
    ],
    [
      'an issued card with a transport key',
      CARD,
      (i) => (i.transportKey = BLANK.transportKey),
      'transportKey',
      /must be absent/,
    ],
    ['an issued card missing a key', CARD, (i) => delete i.keys.STK_DF03, 'keys.STK_DF03', /is missing/],
    [
      'a chip serial of 9 characters',
      BLANK,
      (i) => (i.chipSerial = 'ABCDEFGHI'),
      'chipSerial',
      /10 printable ASCII/,
    ],
  ];
  it.each(cases)('rejects %s, naming the field', (_what, base, change, field, message) => {
    const error = invalidError(() => validateCardImage(broken(base, change)));
    expect(error.detail).toMatch(new RegExp(`^${field.replace(/[.[\]"]/g, '\\$&')} `));
    expect(error.detail).toMatch(message);
    expect(error.details).toMatchObject({ field });
  });
});
