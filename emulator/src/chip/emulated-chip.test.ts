/**
 * The multi-application router, with the real health card on the MF side and a recording
 * application standing in for SSSE/bank (their own tests run them through the chip too).
 */
import { describe, expect, it } from 'vitest';
import { EmulatedHealthCard } from '../health-card/emulated-health-card.js';
import { generateCard } from '../images/build-image.js';
import type { EmulatedApplication } from './emulated-application.js';
import { EmulatedChip } from './emulated-chip.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();
const unhex = (s: string) => new Uint8Array(Buffer.from(s, 'hex'));
const IMAGE = generateCard('chip-router').image;

/** SELECT by name → `<tag> 9000`; SELECT of its own EF05 → 9000, other FIDs → 6A82; else `<tag> INS 9000`. */
class RecordingApp implements EmulatedApplication {
  readonly seen: string[] = [];
  resets = 0;
  constructor(
    readonly name: string,
    readonly aids: Uint8Array[],
    readonly tag: number,
  ) {}
  process(command: Uint8Array): Uint8Array {
    this.seen.push(hex(command));
    if (command[1] === 0xa4 && command[2] === 0x04) return Uint8Array.of(this.tag, 0x90, 0x00);
    if (command[1] === 0xa4) return unhex(hex(command.subarray(5, 7)) === 'EF05' ? '9000' : '6A82');
    return Uint8Array.of(this.tag, command[1] ?? 0, 0x90, 0x00);
  }
  reset(): void {
    this.resets++;
  }
}

const SSSE_AID = '7378312E73682EC9E7BBE1B1A3D5CF';
const DEBIT_AID = 'A000000333010101';
const selectName = (aid: string) =>
  `00A40400${(aid.length / 2).toString(16).padStart(2, '0').toUpperCase()}${aid}`;

function build(protocol: 'T=0' | 'T=1' = 'T=1') {
  const ssse = new RecordingApp('ssse', [unhex(SSSE_AID)], 0x55);
  const bank = new RecordingApp('bank', [unhex(DEBIT_AID)], 0xbb);
  const health = new EmulatedHealthCard(IMAGE, { protocol });
  return { chip: new EmulatedChip({ health, applications: [ssse, bank] }), ssse, bank, health };
}

const send = (c: EmulatedChip, apdu: string) => hex(c.process(unhex(apdu)));

describe('EmulatedChip', () => {
  it('routes SELECT by name to the application whose AID matches, and later commands to it', () => {
    const { chip, ssse, bank } = build();
    expect(send(chip, selectName(SSSE_AID))).toBe('559000');
    expect(send(chip, '00B2010400')).toBe('55B29000');
    expect(send(chip, selectName(DEBIT_AID))).toBe('BB9000');
    expect(send(chip, '00B2010C00')).toBe('BBB29000');
    expect(ssse.seen).toEqual([selectName(SSSE_AID), '00B2010400']);
    expect(bank.seen).toEqual([selectName(DEBIT_AID), '00B2010C00']);
    // Leaving an application drops its state.
    expect(ssse.resets).toBe(1);
  });

  it('accepts a partial DF name (a prefix of the AID), and keeps the selection on an unknown name', () => {
    const { chip, bank } = build();
    expect(send(chip, selectName('A0000003330101'))).toBe('BB9000');
    expect(send(chip, selectName('A000000004101001'))).toBe('6A82');
    expect(send(chip, '00B2011400')).toBe('BBB29000');
    expect(bank.resets).toBe(0);
  });

  it('sends MF-side commands to the health application, and SELECT 3F00 leaves an application', () => {
    const { chip, ssse } = build();
    // The health card answers SELECT by FID of DDF1 itself.
    expect(send(chip, '00A4000002DDF1')).toBe('9000');
    send(chip, selectName(SSSE_AID));
    expect(send(chip, '00A40000023F00')).toBe('9000');
    expect(ssse.resets).toBe(1);
    expect(send(chip, '00A4000002DDF1')).toBe('9000');
    expect(ssse.seen).toHaveLength(1);
  });

  it('searches the MF side for a FID the application does not know (ISO 7816-4 sibling search)', () => {
    const { chip, ssse } = build();
    send(chip, selectName(SSSE_AID));
    expect(send(chip, '00A4000002EF05')).toBe('9000');
    expect(send(chip, '00A4000002DDF1')).toBe('9000');
    expect(ssse.resets).toBe(1);
    // Now on the health side: READ RECORD goes to the health card (not the app's `55 B2` answer).
    expect(send(chip, '00A4000002EF05')).toBe('9000');
    expect(send(chip, '00B2010400').endsWith('9000')).toBe(true);
    expect(send(chip, '00B2010400').startsWith('55')).toBe(false);
    // A FID nobody has stays 6A82 and keeps the application selected.
    send(chip, selectName(SSSE_AID));
    expect(send(chip, '00A4000002ABCD')).toBe('6A82');
    expect(send(chip, '00B2010400')).toBe('55B29000');
  });

  it('searches the MF side when the application has no files by FID at all (6A86)', () => {
    const bank = new RecordingApp('bank', [unhex(DEBIT_AID)], 0xbb);
    const noFids: EmulatedApplication = {
      name: 'bank',
      aids: bank.aids,
      reset: () => bank.reset(),
      process: (command) =>
        command[1] === 0xa4 && command[2] !== 0x04 ? unhex('6A86') : bank.process(command),
    };
    const chip = new EmulatedChip({ health: new EmulatedHealthCard(IMAGE), applications: [noFids] });
    send(chip, selectName(DEBIT_AID));
    expect(send(chip, '00A4000002DDF1')).toBe('9000');
    expect(bank.resets).toBe(1);
    send(chip, selectName(DEBIT_AID));
    expect(send(chip, '00A4000002ABCD')).toBe('6A86');
  });

  it('hands out an application answer by GET RESPONSE on a T=0 chip', () => {
    const { chip } = build('T=0');
    expect(send(chip, selectName(SSSE_AID))).toBe('6101');
    expect(send(chip, '00C0000001')).toBe('559000');
    expect(send(chip, '00C0000001')).toBe('6985');
  });

  it('forgets the selected application on reset and when the card is pulled', async () => {
    const { chip, ssse } = build();
    send(chip, selectName(SSSE_AID));
    chip.reset();
    expect(ssse.resets).toBe(1);
    expect(send(chip, '00A4000002DDF1')).toBe('9000');
    chip.setPresent(false);
    await expect(chip.transmit(unhex('00A40000023F00'))).rejects.toMatchObject({ code: 'HCARD_E_TRANSPORT' });
  });

  it('serves a chip without the health application', () => {
    const bank = new RecordingApp('bank', [unhex(DEBIT_AID)], 0xbb);
    const chip = new EmulatedChip({ applications: [bank], atr: unhex('3B6800000073C84013009000') });
    expect(chip.applicationNames).toEqual(['bank']);
    expect(send(chip, '00A40000023F00')).toBe('9000');
    expect(send(chip, '00B2010400')).toBe('6A82');
    expect(send(chip, selectName(DEBIT_AID))).toBe('BB9000');
    expect(() => new EmulatedChip({ applications: [bank] })).toThrow(/needs an ATR/);
  });
});
