/** `hcard readers`: the PC/SC readers, whether a card is in each, and its ATR. */
import { toHex } from '@hcard/card-core';
import type { ReaderInfo } from '@hcard/reader-driver';
import { openPcscDriver } from '../card/pcsc.js';
import { defineCommand } from '../shared/command.js';
import { toJson } from '../shared/json.js';

export const readersCommand = defineCommand({
  name: 'readers',
  summary: 'list the PC/SC readers and the cards in them',
  description: `
Lists the readers the PC/SC service (pcscd) knows, whether a card is in each and the card's
ATR. A desk reader with a PSAM slot shows up twice: "<model> 00 00" for the user card and
"<model> 00 01" for the PSAM.`,
  options: {
    json: { type: 'boolean', description: 'print a JSON array: name, cardPresent, atr (hex or null)' },
  },
  examples: ['hcard readers', 'hcard readers --json'],
  run: async (options, io) => {
    const driver = openPcscDriver();
    try {
      const readers = await driver.list();
      io.out(options.json ? toJson(readers.map(readerJson)) : formatReaders(readers));
      return 0;
    } finally {
      await driver.close();
    }
  },
});

const readerJson = (r: ReaderInfo) => ({
  name: r.name,
  cardPresent: r.cardPresent,
  atr: r.atr ? toHex(r.atr) : null,
});

function formatReaders(readers: readonly ReaderInfo[]): string {
  if (readers.length === 0) return 'no PC/SC readers';
  const rows = [
    ['READER', 'CARD', 'ATR'],
    ...readers.map((r) => [r.name, r.cardPresent ? 'yes' : 'no', r.atr ? toHex(r.atr) : '']),
  ];
  const widths = [0, 1].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map(([name, card, atr]) => `${name!.padEnd(widths[0]!)}  ${card!.padEnd(widths[1]!)}  ${atr}`.trimEnd())
    .join('\n');
}
