/** `hcard card new`: a synthetic card image (by default the three-in-one chip), for `hcard emulate` and tests. */
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { hcardError } from '@hcard/card-core';
import { CHIP_APPLICATIONS, type ChipApplication, generateCard, generateChip } from '@hcard/emulator';
import { defineCommand } from '../shared/command.js';
import { maskCardNumber, maskIdNumber, maskName } from '../shared/privacy.js';
import { parseSeed } from '../shared/seed.js';

export const cardNewCommand = defineCommand({
  name: 'card new',
  summary: 'write a synthetic card image (JSON): the three-in-one chip by default',
  description: `
Generates a synthetic resident and the image of their three-in-one card: the health
application (every file of the profile, a photo, signed encounter records), the social-security
(SSSE) application and a bank application with a synthetic UnionPay card number, all of the same
person, with the documented test keys. --apps chooses the applications; "--apps health" writes a
plain health-card image. The image is pretty JSON, for "hcard emulate --card". The same seed
always gives the same image; without --seed a random seed is used (and printed). Who was
generated is printed to stderr, masked.`,
  options: {
    seed: { type: 'string', value: 'seed', description: 'which synthetic resident (number or text)' },
    out: { type: 'string', value: 'file', description: 'write the image to this file (default: stdout)' },
    apps: {
      type: 'string',
      value: 'list',
      description: `applications on the chip, comma-separated: ${CHIP_APPLICATIONS.join(', ')}`,
      default: CHIP_APPLICATIONS.join(','),
    },
  },
  examples: [
    'hcard card new --seed 7 --out card.json',
    'hcard card new --apps health --seed 7 > health-only.json',
    'hcard card new --apps ssse,bank --out insurance-and-bank.json',
  ],
  run: async (options, io) => {
    const seed = options.seed === undefined ? randomInt(1, 1_000_000) : parseSeed(options.seed);
    const apps = parseApps(options.apps);
    const built = generateCard(seed);
    const image =
      apps.length === 1 && apps[0] === 'health' ? built.image : generateChip(seed, { apps }).image;
    const json = JSON.stringify(image, null, 2);
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

function parseApps(text: string): ChipApplication[] {
  const apps = [
    ...new Set(
      text
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = apps.filter((a) => !(CHIP_APPLICATIONS as readonly string[]).includes(a));
  if (apps.length === 0 || unknown.length > 0)
    throw hcardError(
      'HCARD_E_ARG_INVALID',
      `--apps takes ${CHIP_APPLICATIONS.join(', ')} (comma-separated)${unknown.length ? `, not ${unknown.join(', ')}` : ''}`,
    );
  // Health first, as on the chip.
  return CHIP_APPLICATIONS.filter((a) => apps.includes(a));
}

function writeImage(file: string, json: string): void {
  try {
    writeFileSync(file, json);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? 'write failed';
    throw hcardError('HCARD_E_ARG_INVALID', `cannot write --out ${file} (${reason})`);
  }
}
