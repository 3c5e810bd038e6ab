/** `hcard card new`: a synthetic card image, for `hcard emulate` and tests. */
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { hcardError } from '@hcard/card-core';
import { generateCard } from '@hcard/emulator';
import { defineCommand } from '../shared/command.js';
import { maskCardNumber, maskIdNumber, maskName } from '../shared/privacy.js';
import { parseSeed } from '../shared/seed.js';

export const cardNewCommand = defineCommand({
  name: 'card new',
  summary: 'write a synthetic card image (JSON)',
  description: `
Generates a synthetic resident and the image of their health card: every file of the profile,
a photo, signed encounter records and the documented test keys. The image is pretty JSON, for
"hcard emulate --card". The same seed always gives the same image; without --seed a random
seed is used (and printed). Who was generated is printed to stderr, masked.`,
  options: {
    seed: { type: 'string', value: 'seed', description: 'which synthetic resident (number or text)' },
    out: { type: 'string', value: 'file', description: 'write the image to this file (default: stdout)' },
  },
  examples: ['hcard card new --seed 7 --out card.json', 'hcard card new > card.json'],
  run: async (options, io) => {
    const seed = options.seed === undefined ? randomInt(1, 1_000_000) : parseSeed(options.seed);
    const built = generateCard(seed);
    const json = JSON.stringify(built.image, null, 2);
    if (options.out === undefined) io.out(json);
    else writeImage(options.out, `${json}\n`);
    const { name = '', idNumber = '', cardNumber = '' } = built.items;
    io.err(
      `hcard: generated ${maskName(name)} (ID ${maskIdNumber(idNumber)}, card ${maskCardNumber(cardNumber)})` +
        ` from seed ${JSON.stringify(seed)}${options.out === undefined ? '' : ` → ${options.out}`}`,
    );
    return 0;
  },
});

function writeImage(file: string, json: string): void {
  try {
    writeFileSync(file, json);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? 'write failed';
    throw hcardError('HCARD_E_ARG_INVALID', `cannot write --out ${file} (${reason})`);
  }
}
