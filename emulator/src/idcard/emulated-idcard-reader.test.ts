import { fromHex, toHex } from '@hcard/card-core';
import { describe, expect, it } from 'vitest';
import { EmulatedIdCardReader } from './emulated-idcard-reader.js';
import { generateIdCard } from './synthetic-id-card.js';

/** Spec C.2 worked examples. */
const CMD = {
  find: 'AA AA AA 96 69 00 03 20 01 22',
  select: 'AA AA AA 96 69 00 03 20 02 21',
  read: 'AA AA AA 96 69 00 03 30 01 32',
  address: 'AA AA AA 96 69 00 03 30 03 30',
  fingerprint: 'AA AA AA 96 69 00 03 30 10 23',
  samId: 'AA AA AA 96 69 00 03 12 FF EE',
  status: 'AA AA AA 96 69 00 03 11 FF ED',
  reset: 'AA AA AA 96 69 00 03 10 FF EC',
};
const hex = (s: string) => s.replaceAll(' ', '');

function ask(reader: EmulatedIdCardReader, command: string): string {
  return reader
    .receive(fromHex(command))
    .map((b) => toHex(b))
    .join('');
}

const sw3 = (frameHex: string) => frameHex.slice(18, 20);

describe('EmulatedIdCardReader answers as spec C.2 shows', () => {
  it('finds and selects a card with the worked-example frames', () => {
    const reader = new EmulatedIdCardReader({ card: generateIdCard(7) });
    expect(ask(reader, CMD.find)).toBe(hex('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97'));
    expect(ask(reader, CMD.select)).toBe(hex(`AA AA AA 96 69 00 0C 00 00 90 ${'00 '.repeat(8)}9C`));
  });

  it('answers find fail and select fail without a card', () => {
    const reader = new EmulatedIdCardReader();
    expect(ask(reader, CMD.find)).toBe(hex('AA AA AA 96 69 00 04 00 00 80 84'));
    expect(ask(reader, CMD.select)).toBe(hex('AA AA AA 96 69 00 04 00 00 81 85'));
  });

  it('answers status and reset OK', () => {
    const reader = new EmulatedIdCardReader();
    expect(ask(reader, CMD.status)).toBe(hex('AA AA AA 96 69 00 04 00 00 90 94'));
    expect(ask(reader, CMD.reset)).toBe(hex('AA AA AA 96 69 00 04 00 00 90 94'));
    expect(ask(reader, CMD.samId)).toMatch(/^AAAAAA9669001400009005000100/);
  });

  it('sends the text+photo answer as 1295 bytes with LEN 05 08, the fingerprint one with LEN 09 0A (spec C.5)', () => {
    const reader = new EmulatedIdCardReader({ card: generateIdCard(7) });
    ask(reader, CMD.find);
    ask(reader, CMD.select);
    const read = ask(reader, CMD.read);
    expect(read.length / 2).toBe(1295);
    expect(read.slice(0, 20)).toBe(hex('AA AA AA 96 69 05 08 00 00 90'));
    expect(read.slice(20, 28)).toBe('01000400');
    expect(ask(reader, CMD.fingerprint).slice(0, 20)).toBe(hex('AA AA AA 96 69 09 0A 00 00 90'));
  });

  it('answers 34 to a read before select, 91 when there is no appended address', () => {
    const reader = new EmulatedIdCardReader({ card: generateIdCard(7) });
    expect(sw3(ask(reader, CMD.read))).toBe('34');
    ask(reader, CMD.find);
    ask(reader, CMD.select);
    expect(sw3(ask(reader, CMD.address))).toBe('91');
  });

  it('serves the appended address as 70 bytes', () => {
    const reader = new EmulatedIdCardReader({ card: generateIdCard(7, { appendedAddress: '新址' }) });
    ask(reader, CMD.find);
    ask(reader, CMD.select);
    const answer = ask(reader, CMD.address);
    expect(sw3(answer)).toBe('90');
    expect(answer.length / 2).toBe(10 + 70 + 1);
  });
});

describe('the card must leave the field before the next read (spec C.3)', () => {
  it('answers find 80 after a read until the card is taken away and placed again', () => {
    const card = generateIdCard(7);
    const reader = new EmulatedIdCardReader({ card });
    ask(reader, CMD.find);
    ask(reader, CMD.select);
    ask(reader, CMD.read);
    expect(sw3(ask(reader, CMD.find))).toBe('80');
    reader.remove();
    expect(sw3(ask(reader, CMD.find))).toBe('80');
    reader.insert(card);
    expect(sw3(ask(reader, CMD.find))).toBe('9F');
  });
});

describe('damaged commands and faults', () => {
  it('answers 10 to a command with a wrong checksum, 11 to an impossible LEN, 21 to an unknown command', () => {
    const reader = new EmulatedIdCardReader();
    expect(sw3(ask(reader, 'AA AA AA 96 69 00 03 11 FF EE'))).toBe('10');
    expect(sw3(ask(reader, 'AA AA AA 96 69 00 01 00'))).toBe('11');
    expect(sw3(ask(reader, 'AA AA AA 96 69 00 03 30 05 36'))).toBe('21');
  });

  it('inverts the checksum of the next response only', () => {
    const reader = new EmulatedIdCardReader();
    reader.injectFault({ kind: 'bad-checksum' });
    expect(ask(reader, CMD.status)).toBe(hex('AA AA AA 96 69 00 04 00 00 90 6B'));
    expect(ask(reader, CMD.status)).toBe(hex('AA AA AA 96 69 00 04 00 00 90 94'));
  });

  it('answers an injected status the given number of times, optionally for one command', () => {
    const reader = new EmulatedIdCardReader({ card: generateIdCard(7) });
    reader.injectFault({ kind: 'status', sw3: 0x66, times: 2, cmd: 0x20 });
    expect(sw3(ask(reader, CMD.status))).toBe('90');
    expect(sw3(ask(reader, CMD.find))).toBe('66');
    expect(sw3(ask(reader, CMD.find))).toBe('66');
    expect(sw3(ask(reader, CMD.find))).toBe('9F');
  });

  it('loses the card mid-read: answers 41, or half a frame and then nothing', () => {
    const reader = new EmulatedIdCardReader({ card: generateIdCard(7) });
    reader.injectFault({ kind: 'remove-during-read', answer: 'status' });
    ask(reader, CMD.find);
    ask(reader, CMD.select);
    expect(sw3(ask(reader, CMD.read))).toBe('41');
    expect(reader.card).toBeUndefined();

    reader.insert(generateIdCard(7));
    reader.injectFault({ kind: 'remove-during-read', answer: 'stop' });
    ask(reader, CMD.find);
    ask(reader, CMD.select);
    expect(ask(reader, CMD.read).length / 2).toBe(647);
    expect(sw3(ask(reader, CMD.find))).toBe('80');
  });
});
