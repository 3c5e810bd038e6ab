/**
 * The emulated health card with raw APDUs (no session object): card keys recomputed
 * independently from the documented test masters, CN (ATR bytes 5–12) and CITY (spec §6.1),
 * cryptograms and secure-messaging commands built with the independent reference
 * (sm-crypto SM4 + the spec formulas; sm-reference.test-helper.ts).
 */
import { type CardImage, EmulatedHealthCard, generateCard } from '@hcard/emulator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ascii,
  concat,
  hex,
  refCardKeyOf,
  refCryptogram,
  refExternalAuthData,
  refSessionKey,
  refSmCommand,
  SPEC_KEY_TABLE,
  type SpecKeyId,
  unhex,
} from '../../../packages/card-core/src/crypto/sm-reference.test-helper.js';
import { documentedTestMaster } from '../keys/documented-master.test-helper.js';

const SEED = 'sm-reference-anchor';
const BUILT = generateCard(SEED);
/** The DLL's terminal data T for read keys (spec §6.2). */
const T = unhex('1122334455667788');

type Card = EmulatedHealthCard;

/** Raw APDU exchange: data and status word as uppercase hex. */
function send(card: Card, apdu: string | Uint8Array): { data: string; sw: string } {
  const response = hex(card.process(typeof apdu === 'string' ? unhex(apdu) : apdu));
  return { data: response.slice(0, -4), sw: response.slice(-4) };
}

const withLc = (header: string, data: Uint8Array): Uint8Array =>
  concat(unhex(header), Uint8Array.of(data.length), data);

function selectPath(card: Card, ...fids: string[]): void {
  for (const fid of fids) expect(send(card, `00A4000002${fid}`).sw, `SELECT ${fid}`).toBe('9000');
}

/** Diversification factors as a terminal obtains them (spec §6.1), and the card keys from them. */
function factorsOf(card: Card): { cn: Uint8Array; city: Uint8Array; cityCode: string } {
  const cn = card.atr.slice(5, 13);
  selectPath(card, 'DDF1', 'EF05');
  const r = send(card, '00B2390005');
  expect(r.sw).toBe('9000');
  expect(r.data.slice(0, 4)).toBe('3903');
  const cityCode = r.data.slice(4);
  const city = concat(unhex(cityCode).slice(0, 2), ascii('000000'));
  card.reset();
  return { cn, city, cityCode };
}

function keysOf(card: Card) {
  const { cn, city } = factorsOf(card);
  return (id: SpecKeyId) => refCardKeyOf(id, documentedTestMaster(id), cn, city);
}

function getChallenge(card: Card): Uint8Array {
  const r = send(card, '0084000008');
  expect(r.sw).toBe('9000');
  expect(r.data).toHaveLength(16);
  return unhex(r.data);
}

/** Read-key authentication (spec §6.2): A from the session key of the card's challenge and T. */
function readAuthData(card: Card, key: Uint8Array): Uint8Array {
  return refExternalAuthData(refSessionKey(key, getChallenge(card)), T);
}

/**
 * Update-key authentication (spec §6.3): two challenges; R2 (the card's last) is the session
 * factor and R1 takes the place of T. Returns the EXTERNAL AUTHENTICATE data A ‖ R1 ‖ 01.
 */
function updateAuthData(card: Card, key: Uint8Array): Uint8Array {
  const r1 = getChallenge(card);
  const r2 = getChallenge(card);
  return concat(refCryptogram(refSessionKey(key, r2), r1), r1, Uint8Array.of(0x01));
}

function externalAuthenticate(card: Card, id: SpecKeyId, data: Uint8Array): string {
  const p2 = SPEC_KEY_TABLE[id].cardRef!;
  return send(card, withLc(`008200${p2.toString(16).padStart(2, '0')}`, data)).sw;
}

/** A protected command built by the reference with the STK session of a fresh challenge. */
function smCommand(
  card: Card,
  stk: Uint8Array,
  header: { cla: number; ins: number; p1: number; p2: number },
  data: Uint8Array | undefined,
): Uint8Array {
  return refSmCommand(refSessionKey(stk, getChallenge(card)), header, data);
}

function flipBit(data: Uint8Array, bit: number): Uint8Array {
  const out = Uint8Array.from(data);
  out[bit >> 3] = out[bit >> 3]! ^ (0x80 >> (bit & 7));
  return out;
}

const recordsOf = (image: CardImage, path: string): readonly string[] => {
  const f = image.files[path]!;
  if (!('records' in f)) throw new Error(`${path} is not a record file`);
  return f.records;
};

describe('card keys and factors', () => {
  it('the image keys equal the reference derivation from the test masters, CN and CITY', () => {
    const card = new EmulatedHealthCard(BUILT.image);
    const { cn, city, cityCode } = factorsOf(card);
    // The CITY factor comes from the card's own city code (EF05 tag 39, cn 3).
    expect(cityCode).toBe(BUILT.items.cityCode);
    expect(hex(cn)).toBe(BUILT.image.atr.slice(10, 26));
    const keys = card.snapshot().keys;
    for (const id of Object.keys(SPEC_KEY_TABLE) as SpecKeyId[]) {
      expect(keys[id]?.value, id).toBe(hex(refCardKeyOf(id, documentedTestMaster(id), cn, city)));
    }
  });
});

describe('selection and free reads (spec §3.3, §6.1)', () => {
  it('SELECT DDF1 → EF05 → READ RECORD by identifier 39 with Le 05 returns 39 03 <city cn3>', () => {
    const card = new EmulatedHealthCard(BUILT.image);
    expect(send(card, '00A4000002DDF1').sw).toBe('9000');
    expect(send(card, '00A4000002EF05').sw).toBe('9000');
    expect(send(card, '00B2390005')).toEqual({ data: `3903${BUILT.items.cityCode}`, sw: '9000' });
  });

  it('READ RECORD by number (P2=04): record 10 holds tag 39, record 1 tag 01', () => {
    const card = new EmulatedHealthCard(BUILT.image);
    selectPath(card, 'DDF1', 'EF05');
    expect(send(card, '00B20A0400')).toEqual({ data: `3903${BUILT.items.cityCode}`, sw: '9000' });
    const first = send(card, '00B2010400');
    expect(first.sw).toBe('9000');
    expect(first.data.slice(0, 2)).toBe('01');
  });

  it('record not found → 6A83 (by number and by identifier), unknown FID → 6A82', () => {
    const card = new EmulatedHealthCard(BUILT.image);
    selectPath(card, 'DDF1', 'EF05');
    expect(send(card, '00B20B0400').sw).toBe('6A83'); // EF05 has 10 records
    expect(send(card, '00B2070000').sw).toBe('6A83'); // tag 07 lives in EF08 (spec §3.3)
    expect(send(card, '00A4000002EF99').sw).toBe('6A82');
  });

  it('READ RECORD with no EF selected → 6986; READ BINARY on a record file → 6981', () => {
    const card = new EmulatedHealthCard(BUILT.image);
    selectPath(card, 'DDF1');
    expect(send(card, '00B2010400').sw).toBe('6986');
    selectPath(card, 'EF05');
    expect(send(card, '00B0000000').sw).toBe('6981');
  });
});

describe('read authentication (spec §6.2)', () => {
  it('EF06 needs RK_DDF1; after EXTERNAL AUTHENTICATE (P2=04) the read works; leaving the DF drops it', () => {
    const card = new EmulatedHealthCard(BUILT.image);
    const key = keysOf(card);
    selectPath(card, 'DDF1', 'EF06');
    expect(send(card, '00B2010400').sw).toBe('6982');
    expect(externalAuthenticate(card, 'RK_DDF1', readAuthData(card, key('RK_DDF1')))).toBe('9000');
    const name = send(card, '00B2010400');
    expect(name.sw).toBe('9000');
    expect(name.data.slice(0, 4)).toBe('0B1E'); // item 11 姓名, ans 30
    // The security state is per DF: DF01 and back to DDF1 loses the grant.
    selectPath(card, 'DF01', 'DDF1', 'EF06');
    expect(send(card, '00B2010400').sw).toBe('6982');
  });

  it('a read grant of DDF1 does not open DF01', () => {
    const card = new EmulatedHealthCard(BUILT.image);
    const key = keysOf(card);
    selectPath(card, 'DDF1');
    expect(externalAuthenticate(card, 'RK_DDF1', readAuthData(card, key('RK_DDF1')))).toBe('9000');
    selectPath(card, 'DF01', 'EF05');
    expect(send(card, '00B2010400').sw).toBe('6982');
    expect(externalAuthenticate(card, 'RK_DF01', readAuthData(card, key('RK_DF01')))).toBe('9000');
    expect(send(card, '00B2010400').sw).toBe('9000');
  });

  it('EXTERNAL AUTHENTICATE without GET CHALLENGE → 6985; a challenge is single-use', () => {
    const card = new EmulatedHealthCard(BUILT.image);
    const key = keysOf(card);
    selectPath(card, 'DDF1');
    const data = readAuthData(card, key('RK_DDF1'));
    const fresh = new EmulatedHealthCard(BUILT.image);
    selectPath(fresh, 'DDF1');
    expect(externalAuthenticate(fresh, 'RK_DDF1', data)).toBe('6985');
    expect(fresh.triesLeft('RK_DDF1')).toBe(15);
    expect(externalAuthenticate(card, 'RK_DDF1', data)).toBe('9000');
    expect(externalAuthenticate(card, 'RK_DDF1', data)).toBe('6985');
  });

  it('wrong cryptogram → 63C2, 63C1, 63C0, then 6983 even with a correct one (keyTries 3)', () => {
    const card = new EmulatedHealthCard(generateCard(SEED, { keyTries: 3 }).image);
    const key = keysOf(card);
    selectPath(card, 'DDF1', 'EF06');
    for (const expected of ['63C2', '63C1', '63C0']) {
      const data = readAuthData(card, key('RK_DDF1'));
      expect(externalAuthenticate(card, 'RK_DDF1', flipBit(data, 0))).toBe(expected);
    }
    expect(card.triesLeft('RK_DDF1')).toBe(0);
    expect(externalAuthenticate(card, 'RK_DDF1', readAuthData(card, key('RK_DDF1')))).toBe('6983');
    expect(send(card, '00B2010400').sw).toBe('6982');
  });

  it('a success before blocking resets the counter to the maximum', () => {
    const card = new EmulatedHealthCard(generateCard(SEED, { keyTries: 3 }).image);
    const key = keysOf(card);
    selectPath(card, 'DDF1');
    expect(externalAuthenticate(card, 'RK_DDF1', flipBit(readAuthData(card, key('RK_DDF1')), 0))).toBe(
      '63C2',
    );
    expect(externalAuthenticate(card, 'RK_DDF1', flipBit(readAuthData(card, key('RK_DDF1')), 63))).toBe(
      '63C1',
    );
    expect(externalAuthenticate(card, 'RK_DDF1', readAuthData(card, key('RK_DDF1')))).toBe('9000');
    expect(card.triesLeft('RK_DDF1')).toBe(3);
    expect(externalAuthenticate(card, 'RK_DDF1', flipBit(readAuthData(card, key('RK_DDF1')), 0))).toBe(
      '63C2',
    );
  });
});

// EF08 record 2: tag 10 (本人电话1), len 14 (ans 20), "13800138000" padded with 00.
const newPhone = concat(Uint8Array.of(0x10, 0x14), ascii('13800138000'), new Uint8Array(9));
const ef08Header = { cla: 0x04, ins: 0xdc, p1: 0x02, p2: 0x04 };

describe('writes: update-key authentication (spec §6.3) and secure messaging (spec §6.4, §6.5)', () => {
  it('SM UPDATE RECORD on DDF1/EF08 record 2 after UK_DDF1 (P2=05) → 9000, the record is the new TLV', () => {
    const card = new EmulatedHealthCard(BUILT.image);
    const key = keysOf(card);
    selectPath(card, 'DDF1', 'EF08');
    // Before the update key: refused even with a valid SM command.
    expect(send(card, smCommand(card, key('STK_DDF1'), ef08Header, newPhone)).sw).toBe('6982');
    expect(externalAuthenticate(card, 'UK_DDF1', updateAuthData(card, key('UK_DDF1')))).toBe('9000');
    const command = smCommand(card, key('STK_DDF1'), ef08Header, newPhone);
    expect(command[4]).toBe(0x24); // spec §6.4 (DLL hard-coded Lc) for a 20-byte item
    expect(send(card, command).sw).toBe('9000');
    expect(recordsOf(card.snapshot(), 'DDF1/EF08')[1]).toBe(hex(newPhone));
    // And it reads back after RK_DDF1.
    expect(externalAuthenticate(card, 'RK_DDF1', readAuthData(card, key('RK_DDF1')))).toBe('9000');
    expect(send(card, '00B2020400')).toEqual({ data: hex(newPhone), sw: '9000' });
  });

  it('update keys use R2 as the session factor and R1 as T (the other way round fails)', () => {
    const card = new EmulatedHealthCard(BUILT.image);
    const key = keysOf(card);
    selectPath(card, 'DDF1');
    const r1 = getChallenge(card);
    const r2 = getChallenge(card);
    const swapped = concat(refCryptogram(refSessionKey(key('UK_DDF1'), r1), r2), r2, Uint8Array.of(0x01));
    expect(externalAuthenticate(card, 'UK_DDF1', swapped)).toBe('63CE');
  });

  it('a plain 00 DC to EF08 → 6982 (the file demands SM), before and after UK_DDF1', () => {
    const card = new EmulatedHealthCard(BUILT.image);
    const key = keysOf(card);
    selectPath(card, 'DDF1', 'EF08');
    const before = card.snapshot();
    expect(send(card, withLc('00DC0204', newPhone)).sw).toBe('6982');
    expect(externalAuthenticate(card, 'UK_DDF1', updateAuthData(card, key('UK_DDF1')))).toBe('9000');
    expect(send(card, withLc('00DC0204', newPhone)).sw).toBe('6982');
    expect(card.snapshot()).toEqual(before);
  });

  it('an SM command with one MAC bit or one ciphertext bit flipped → 6988, the record unchanged', () => {
    const card = new EmulatedHealthCard(BUILT.image);
    const key = keysOf(card);
    selectPath(card, 'DDF1', 'EF08');
    const before = card.snapshot().files;
    expect(externalAuthenticate(card, 'UK_DDF1', updateAuthData(card, key('UK_DDF1')))).toBe('9000');
    const macFlipped = smCommand(card, key('STK_DDF1'), ef08Header, newPhone);
    expect(send(card, flipBit(macFlipped, 8 * (macFlipped.length - 1) + 3)).sw).toBe('6988');
    expect(card.snapshot().files).toEqual(before);
    // A MAC failure drops the grant, so each attempt starts with the update key again.
    expect(externalAuthenticate(card, 'UK_DDF1', updateAuthData(card, key('UK_DDF1')))).toBe('9000');
    const cipherFlipped = smCommand(card, key('STK_DDF1'), ef08Header, newPhone);
    expect(send(card, flipBit(cipherFlipped, 8 * 5 + 17)).sw).toBe('6988');
    expect(card.snapshot().files).toEqual(before);
    // The same command unflipped works with a fresh challenge.
    expect(externalAuthenticate(card, 'UK_DDF1', updateAuthData(card, key('UK_DDF1')))).toBe('9000');
    expect(send(card, smCommand(card, key('STK_DDF1'), ef08Header, newPhone)).sw).toBe('9000');
    expect(recordsOf(card.snapshot(), 'DDF1/EF08')[1]).toBe(hex(newPhone));
  });

  it('cyclic allergy file DF02/EF07: UPDATE RECORD P1=00 P2=03 after UK_DF02_3 (P2=87) becomes record 1', () => {
    const card = new EmulatedHealthCard(BUILT.image);
    const key = keysOf(card);
    selectPath(card, 'DDF1', 'DF02', 'EF07');
    const before = recordsOf(card.snapshot(), 'DDF1/DF02/EF07');
    expect(before).toHaveLength(3);
    // 过敏物质名称 ans 20 ‖ 过敏反应 ans 100 (spec §4.3).
    const allergy = concat(ascii('PENICILLIN'), new Uint8Array(10), ascii('URTICARIA'), new Uint8Array(91));
    expect(allergy).toHaveLength(120);
    expect(send(card, withLc('00DC0003', allergy)).sw).toBe('6982');
    expect(externalAuthenticate(card, 'UK_DF02_3', updateAuthData(card, key('UK_DF02_3')))).toBe('9000');
    expect(send(card, withLc('00DC0003', allergy)).sw).toBe('9000');
    expect(recordsOf(card.snapshot(), 'DDF1/DF02/EF07')).toEqual([hex(allergy), before[0], before[1]]);
  });

  it('index file DF03/EF05: 84 D2 (UK_DF03_1, P2=85) sets 00, 84 0C (UK_DF03_2, P2=86) sets FF, bad MAC → 6988', () => {
    const card = new EmulatedHealthCard(generateCard(SEED, { encounters: { inpatient: 0 } }).image);
    const key = keysOf(card);
    selectPath(card, 'DDF1', 'DF03', 'EF05');
    expect(recordsOf(card.snapshot(), 'DDF1/DF03/EF05')).toEqual(['FF', 'FF', 'FF']);
    const write = { cla: 0x84, ins: 0xd2, p1: 0x01, p2: 0x04 };
    const erase = { cla: 0x84, ins: 0x0c, p1: 0x01, p2: 0x04 };

    expect(externalAuthenticate(card, 'UK_DF03_1', updateAuthData(card, key('UK_DF03_1')))).toBe('9000');
    const setValid = smCommand(card, key('STK_DF03'), write, undefined);
    expect(hex(setValid.subarray(0, 5))).toBe('84D2010404');
    expect(setValid).toHaveLength(9);
    expect(send(card, setValid).sw).toBe('9000');
    expect(recordsOf(card.snapshot(), 'DDF1/DF03/EF05')).toEqual(['00', 'FF', 'FF']);

    expect(externalAuthenticate(card, 'UK_DF03_2', updateAuthData(card, key('UK_DF03_2')))).toBe('9000');
    const before = card.snapshot().files;
    expect(send(card, flipBit(smCommand(card, key('STK_DF03'), erase, undefined), 8 * 5)).sw).toBe('6988');
    expect(card.snapshot().files).toEqual(before);
    expect(externalAuthenticate(card, 'UK_DF03_2', updateAuthData(card, key('UK_DF03_2')))).toBe('9000');
    expect(send(card, smCommand(card, key('STK_DF03'), erase, undefined)).sw).toBe('9000');
    expect(recordsOf(card.snapshot(), 'DDF1/DF03/EF05')).toEqual(['FF', 'FF', 'FF']);
  });
});

describe('secure-messaging retry counters and the security state', () => {
  /** Three tries per key, and free index records so that 84 D2 has something to change. */
  const STRICT = generateCard(SEED, { keyTries: 3, encounters: { inpatient: 0 } }).image;

  /** Both kinds of SM command: encrypted UPDATE RECORD and the MAC-only index write. */
  const SM_TARGETS = [
    {
      name: '04 DC on DDF1/EF08',
      path: ['DDF1', 'EF08'],
      uk: 'UK_DDF1',
      stk: 'STK_DDF1',
      header: ef08Header,
      data: newPhone,
    },
    {
      name: '84 D2 on DF03/EF05',
      path: ['DDF1', 'DF03', 'EF05'],
      uk: 'UK_DF03_1',
      stk: 'STK_DF03',
      header: { cla: 0x84, ins: 0xd2, p1: 0x01, p2: 0x04 },
      data: undefined,
    },
  ] as const;
  type SmTarget = (typeof SM_TARGETS)[number];

  /** A terminal's write: the update key, then the SM command (its last MAC bit flipped when `forge`). */
  function smAttempt(card: Card, key: (id: SpecKeyId) => Uint8Array, t: SmTarget, forge = false): string {
    expect(externalAuthenticate(card, t.uk, updateAuthData(card, key(t.uk)))).toBe('9000');
    const command = smCommand(card, key(t.stk), t.header, t.data);
    return send(card, forge ? flipBit(command, 8 * command.length - 1) : command).sw;
  }

  it.each(SM_TARGETS)('$name: a wrong MAC → 6988 and one try less on $stk; a correct one resets it', (t) => {
    const card = new EmulatedHealthCard(STRICT);
    const key = keysOf(card);
    selectPath(card, ...t.path);
    expect(smAttempt(card, key, t, true)).toBe('6988');
    expect(card.triesLeft(t.stk)).toBe(2);
    expect(smAttempt(card, key, t, true)).toBe('6988');
    expect(card.triesLeft(t.stk)).toBe(1);
    expect(card.triesLeft(t.uk)).toBe(3); // the update key was right each time
    expect(smAttempt(card, key, t)).toBe('9000');
    expect(card.triesLeft(t.stk)).toBe(3);
  });

  it('a wrong MAC drops every grant of the DF: the update key and the read key (6982)', () => {
    const card = new EmulatedHealthCard(STRICT);
    const key = keysOf(card);
    selectPath(card, 'DDF1', 'EF06');
    expect(externalAuthenticate(card, 'RK_DDF1', readAuthData(card, key('RK_DDF1')))).toBe('9000');
    expect(send(card, '00B2010400').sw).toBe('9000');
    selectPath(card, 'EF08');
    expect(smAttempt(card, key, SM_TARGETS[0], true)).toBe('6988');
    expect(send(card, smCommand(card, key('STK_DDF1'), ef08Header, newPhone)).sw).toBe('6982');
    selectPath(card, 'EF06');
    expect(send(card, '00B2010400').sw).toBe('6982');
    expect(externalAuthenticate(card, 'RK_DDF1', readAuthData(card, key('RK_DDF1')))).toBe('9000');
    expect(send(card, '00B2010400').sw).toBe('9000');
  });

  it.each(SM_TARGETS)(
    '$name: at zero $stk is blocked, 6983 even with a correct MAC, nothing written',
    (t) => {
      const card = new EmulatedHealthCard(STRICT);
      const key = keysOf(card);
      selectPath(card, ...t.path);
      for (let i = 0; i < 3; i++) expect(smAttempt(card, key, t, true)).toBe('6988');
      expect(card.triesLeft(t.stk)).toBe(0);
      const before = card.snapshot().files;
      expect(smAttempt(card, key, t)).toBe('6983');
      expect(card.snapshot().files).toEqual(before);
      expect(card.triesLeft(t.stk)).toBe(0);
    },
  );

  it('blocked keys stay blocked after reset() and after removal and reinsertion', () => {
    const card = new EmulatedHealthCard(STRICT);
    const key = keysOf(card);
    const t = SM_TARGETS[0];
    selectPath(card, ...t.path);
    for (const left of [2, 1, 0]) {
      const wrong = flipBit(readAuthData(card, key('RK_DDF1')), 0);
      expect(externalAuthenticate(card, 'RK_DDF1', wrong)).toBe(`63C${left}`);
      expect(smAttempt(card, key, t, true)).toBe('6988');
    }
    const powerCycles: [string, () => void][] = [
      ['reset()', () => card.reset()],
      [
        'setPresent(false/true)',
        () => {
          card.setPresent(false);
          card.setPresent(true);
        },
      ],
    ];
    for (const [name, cycle] of powerCycles) {
      cycle();
      selectPath(card, ...t.path);
      expect(externalAuthenticate(card, 'RK_DDF1', readAuthData(card, key('RK_DDF1'))), name).toBe('6983');
      expect(smAttempt(card, key, t), name).toBe('6983');
    }
  });

  it('a captured SM command replayed is refused: the first use consumed its challenge', () => {
    const card = new EmulatedHealthCard(STRICT);
    const key = keysOf(card);
    selectPath(card, 'DDF1', 'EF08');
    expect(externalAuthenticate(card, 'UK_DDF1', updateAuthData(card, key('UK_DDF1')))).toBe('9000');
    const captured = smCommand(card, key('STK_DDF1'), ef08Header, newPhone);
    expect(send(card, captured).sw).toBe('9000');
    // No challenge left to check it against: refused without costing a try.
    expect(send(card, captured).sw).toBe('6985');
    expect(card.triesLeft('STK_DDF1')).toBe(3);
    // After the terminal writes something else, a replay behind its next challenge fails the MAC.
    const otherPhone = concat(Uint8Array.of(0x10, 0x14), ascii('13900139000'), new Uint8Array(9));
    expect(send(card, smCommand(card, key('STK_DDF1'), ef08Header, otherPhone)).sw).toBe('9000');
    getChallenge(card);
    expect(send(card, captured).sw).toBe('6988');
    expect(recordsOf(card.snapshot(), 'DDF1/EF08')[1]).toBe(hex(otherPhone));
  });

  it('an SM command with an Le byte is a length error (6700): no try lost, the challenge kept', () => {
    const card = new EmulatedHealthCard(STRICT);
    const key = keysOf(card);
    selectPath(card, 'DDF1', 'EF08');
    expect(externalAuthenticate(card, 'UK_DDF1', updateAuthData(card, key('UK_DDF1')))).toBe('9000');
    const command = smCommand(card, key('STK_DDF1'), ef08Header, newPhone);
    expect(send(card, concat(command, Uint8Array.of(0x00))).sw).toBe('6700');
    expect(card.triesLeft('STK_DDF1')).toBe(3);
    expect(send(card, command).sw).toBe('9000');
  });

  it('leaving a DF and coming back needs a new EXTERNAL AUTHENTICATE; selecting inside it does not', () => {
    const card = new EmulatedHealthCard(STRICT);
    const key = keysOf(card);
    const authenticate = (): void => {
      expect(externalAuthenticate(card, 'RK_DDF1', readAuthData(card, key('RK_DDF1')))).toBe('9000');
      expect(externalAuthenticate(card, 'UK_DDF1', updateAuthData(card, key('UK_DDF1')))).toBe('9000');
    };
    /** A read needing RK_DDF1 and a write needing UK_DDF1. */
    const useGrants = (): string[] => {
      selectPath(card, 'EF06');
      const read = send(card, '00B2010400').sw;
      selectPath(card, 'EF08');
      return [read, send(card, smCommand(card, key('STK_DDF1'), ef08Header, newPhone)).sw];
    };
    selectPath(card, 'DDF1');
    // Out of DDF1 to a child DF, to the MF, to a child and its sibling; then back.
    for (const away of [['DF01'], ['3F00'], ['DF01', 'DF02']]) {
      authenticate();
      selectPath(card, 'DDF1'); // the current DF again keeps the grants
      expect(useGrants()).toEqual(['9000', '9000']);
      selectPath(card, ...away, 'DDF1');
      expect(useGrants(), away.join(' → ')).toEqual(['6982', '6982']);
    }
    authenticate();
    expect(useGrants()).toEqual(['9000', '9000']);
  });
});

describe('robustness', () => {
  /** Mostly well-formed APDUs to the card's instructions, with random bytes mixed in. */
  const command = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc
      .tuple(
        fc.constantFrom(0x00, 0x04, 0x84, 0x80, 0x0c),
        fc.constantFrom(0xa4, 0xb2, 0xb0, 0xd6, 0xdc, 0xd2, 0x0c, 0x84, 0x82, 0xc0),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.uint8Array({ maxLength: 260 }),
        fc.option(fc.integer({ min: 0, max: 255 }), { nil: undefined }),
      )
      .map(([cla, ins, p1, p2, data, le]) =>
        concat(
          Uint8Array.of(cla, ins, p1, p2),
          data.length > 0 && data.length < 256 ? concat(Uint8Array.of(data.length), data) : new Uint8Array(),
          le === undefined ? new Uint8Array() : Uint8Array.of(le),
        ),
      ),
    // SELECTs of real FIDs, so later commands reach files.
    fc
      .constantFrom('DDF1', 'DF01', 'DF02', 'DF03', 'EF05', 'EF06', 'EF07', 'EF08', 'EE01', 'ED05', '3F00')
      .map((fid) => unhex(`00A4000002${fid}`)),
  );

  it('any byte strings to card.process get at least a status word and never throw', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 16 }), (commands) => {
        const card = new EmulatedHealthCard(BUILT.image);
        for (const c of commands) expect(card.process(c).length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });
});
