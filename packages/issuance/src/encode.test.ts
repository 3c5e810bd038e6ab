/**
 * encodeBatch in-process (the emulator driver instead of pcscd, which tests/pcsc covers): each
 * failure of a card gets its reason, the job goes on with the next card, and a station fault
 * (no blank cards) puts the job back instead of spoiling it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asciiBytes, type CardChannel, concatBytes, sm3, softwareKeyStore } from '@hcard/card-core';
import {
  buildBlankCardImage,
  buildPsamImage,
  EmulatedHealthCard,
  EmulatedPsam,
  TEST_KEY_STORE,
  TEST_PSAM_PIN,
  testCertificate,
} from '@hcard/emulator';
import { EmulatorDriver } from '@hcard/reader-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { type CardEvent, encodeBatch } from './encode.js';
import { openJournal } from './journal/open-journal.js';
import { prepareBatch } from './prepare.js';
import { issuanceSettings, TEST_ISSUER_CONFIG } from './settings.js';
import type { CardPrinter } from './station/printer.js';

const dir = mkdtempSync(join(tmpdir(), 'hcard-encode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const READER = 'Emulated Encoder 00 00';

// Three synthetic residents (made-up ID numbers with GB 11643 check characters).
const CSV = [
  '姓名,性别,民族,出生日期,身份证号,联系电话,住址,新农合号,乡镇,村',
  '测试甲,女,汉族,1949-12-31,11010519491231002X,13800000000,示例镇一村1号,,示例镇,一村',
  '测试乙,男,汉族,1960-01-01,110105196001010017,13800000001,示例镇一村2号,,示例镇,一村',
  '测试丙,女,回族,1975-06-15,110105197506150028,13800000002,示例镇二村3号,,示例镇,二村',
].join('\n');

/** A card that answers one READ RECORD with a byte changed (a chip that does not keep its data). */
function corrupting(card: EmulatedHealthCard): CardChannel & { reset(): Uint8Array } {
  let reads = 0;
  return {
    get atr() {
      return card.atr;
    },
    protocol: card.protocol,
    reset: () => card.reset(),
    transmit: async (command) => {
      const answer = await card.transmit(command);
      if (command[1] === 0xb2 && answer.length > 4 && ++reads === 3)
        return concatBytes(Uint8Array.of(answer[0]! ^ 0x01), answer.subarray(1));
      return answer;
    },
    close: () => card.close(),
  };
}

/** A printer whose "cards" come from `blanks`, inserted into the emulator driver's reader. */
function printer(
  driver: EmulatorDriver,
  blanks: (() => CardChannel & { reset(): Uint8Array })[],
): CardPrinter {
  return {
    name: 'test printer',
    encoder: READER,
    feed: async () => {
      const next = blanks.shift();
      if (!next) {
        const { hcardError } = await import('@hcard/card-core');
        throw hcardError('HCARD_E_PRINTER_EMPTY', 'test printer');
      }
      driver.insert(READER, next());
    },
    print: async () => undefined,
    eject: async () => driver.remove(READER),
    close: async () => undefined,
  };
}

async function run(name: string, blanks: (() => CardChannel & { reset(): Uint8Array })[]) {
  const input = join(dir, `${name}.csv`);
  writeFileSync(input, CSV);
  const journal = await openJournal(`sqlite:${join(dir, `${name}.db`)}`);
  await prepareBatch({
    input,
    batch: name,
    journal,
    settings: issuanceSettings({ ...TEST_ISSUER_CONFIG, issueDate: '20261130' }, testCertificate('issuer')),
    securityCodes: (cards) => TEST_KEY_STORE.securityCodes(cards),
  });
  const driver = new EmulatorDriver();
  driver.addReader(READER);
  const events: CardEvent[] = [];
  const result = await encodeBatch({
    batch: name,
    journal,
    keyStore: TEST_KEY_STORE,
    driver,
    stations: [{ printer: printer(driver, blanks) }],
    psam: async () => ({ channel: new EmulatedPsam(buildPsamImage()), pin: TEST_PSAM_PIN }),
    face: async () => new Uint8Array(0),
    onCard: (e) => events.push(e),
  });
  const status = await journal.status(name);
  await journal.close();
  return { result, status, events };
}

const blank = (seed: string) => () => new EmulatedHealthCard(buildBlankCardImage({ seed }));

describe('encodeBatch (emulator driver)', () => {
  it('issues every prepared row on good blank cards', async () => {
    const { result, status } = await run('good', [blank('g1'), blank('g2'), blank('g3')]);
    expect(result).toMatchObject({ issued: 3, spoiled: 0 });
    expect(status.states).toMatchObject({ issued: 3, prepared: 0, spoiled: 0 });
  });

  it('a card that reads back other data than was written is VERIFY_FAILED; one that refuses the transport key is PERSO_REFUSED', async () => {
    // A blank of another key set: its transport key is not this key store's.
    const foreign = softwareKeyStore({
      id: 'other',
      masterKey: (id) => sm3(asciiBytes(`other:${id}`)).slice(0, 16),
      sm2PrivateKey: (role) => sm3(asciiBytes(`other:sm2:${role}`)),
    });
    const { result, status, events } = await run('faults', [
      () => corrupting(new EmulatedHealthCard(buildBlankCardImage({ seed: 'f1' }))),
      () => new EmulatedHealthCard(buildBlankCardImage({ seed: 'f2', keyStore: foreign })),
      blank('f3'),
      blank('f4'),
    ]);
    expect(events.map((e) => (e.type === 'spoiled' ? e.reason : e.type))).toEqual([
      'VERIFY_FAILED',
      'PERSO_REFUSED',
      'issued',
    ]);
    expect(result).toMatchObject({ issued: 1, spoiled: 2 });
    expect(status.reasons).toEqual({ VERIFY_FAILED: 1, PERSO_REFUSED: 1 });
  });

  it('no blank cards left: the run stops and the job goes back, not spoiled', async () => {
    const { result, status } = await run('empty', [blank('e1')]);
    expect(result).toMatchObject({ issued: 1, spoiled: 0, stoppedBy: 'test printer: no blank cards left' });
    expect(status.states).toMatchObject({ issued: 1, prepared: 2, encoding: 0, spoiled: 0 });
  });
});
