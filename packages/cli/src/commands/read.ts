/**
 * `hcard read`: reads the card in a PC/SC reader with the PSAM in its paired slot: the health
 * application (default), or with --app the social-security and bank applications of the
 * three-in-one card too.
 */
import { writeFileSync } from 'node:fs';
import { ALL_SECTIONS, CARD_APPLICATIONS, type CardApplication, hcardError } from '@hcard/card-core';
import { appsJson, formatApps } from '../card/apps-view.js';
import { formatCardView, formatReadSummary } from '../card/card-view.js';
import { openPcscDriver } from '../card/pcsc.js';
import { readAppsThroughDriver, readThroughDriver } from '../card/read-card.js';
import { parseSections } from '../card/sections.js';
import { chooseSlots } from '../card/slots.js';
import { defaultConfigFile, PSAM_PIN_ENV, resolvePsamPin } from '../config/psam-pin.js';
import { defineCommand } from '../shared/command.js';
import { roundMs, toJson } from '../shared/json.js';

export const readCommand = defineCommand({
  name: 'read',
  summary: 'read the card in a PC/SC reader: health, or --app ssse, bank, all',
  description: `
Reads the resident health card in a PC/SC reader, authenticating with the PSAM in its paired
slot, and prints what a registration desk shows. By default the user card is in the first
reader named "… 00 00" and the PSAM in the same reader's "… 00 01" slot.

The PSAM PIN comes from the environment variable ${PSAM_PIN_ENV}, else from "psamPin" in the
config file (the one the gateway uses). There is no default, and the PIN is never taken from
the command line or printed. A PIN the PSAM refuses is not presented again in the same
process, and the error says how many tries the PSAM has left.

A card refusal prints the refused command, its status word and meaning, and exits with 69.

--app chooses the application of the three-in-one card: health (the default), ssse (the
social-security application: card data, the holder data through the PSAM on 3.0 cards, and the
national iReadCardBas string), bank (the bank application: the card number masked to its first
6 and last 4 digits, the holder's name and the expiry month; never the full number) or all.
With --app, an application the card does not have, or refuses, is reported and the others are
still read.`,
  options: {
    app: {
      type: 'string',
      value: 'app',
      description: `application(s): ${CARD_APPLICATIONS.join(', ')} or all`,
      default: 'health',
    },
    reader: { type: 'string', value: 'name', description: 'reader holding the user card' },
    'psam-reader': { type: 'string', value: 'name', description: 'reader holding the PSAM' },
    sections: {
      type: 'string',
      value: 'list',
      description: `sections to read, comma-separated: ${ALL_SECTIONS.join(',')}`,
      default: ALL_SECTIONS.join(','),
    },
    photo: { type: 'string', value: 'file', description: 'write the photo (JPEG) to this file' },
    all: { type: 'boolean', description: 'print every item read, not only the registration items' },
    json: { type: 'boolean', description: 'print everything read as JSON (bytes as hex)' },
    config: {
      type: 'string',
      value: 'file',
      description: 'config file with "psamPin"',
      default: defaultConfigFile(),
    },
  },
  examples: [
    'HCARD_PSAM_PIN=123456 hcard read   # the test PSAM of "hcard emulate"',
    'hcard read --sections basic,photo --photo holder.jpg',
    'hcard read --reader "ACS ACR39U 00 00" --psam-reader "ACS ACR39U 00 01" --json',
    'hcard read --app all',
    'hcard read --app ssse --json   # includes the iReadCardBas string',
  ],
  run: async (options, io) => {
    const apps = parseApp(options.app);
    const sections = parseSections(options.sections, 'hcard read');
    // --photo needs the photo section; asking for the file is asking for the section.
    if (options.photo !== undefined && !sections.includes('photo')) sections.push('photo');
    const psamPin = resolvePsamPin(options.config);
    const driver = openPcscDriver();
    try {
      const readers = (await driver.list()).map((r) => r.name);
      const slots = chooseSlots(readers, {
        ...(options.reader === undefined ? {} : { user: options.reader }),
        ...(options['psam-reader'] === undefined ? {} : { psam: options['psam-reader'] }),
      });
      if (apps) {
        const { read, apdus, ms } = await readAppsThroughDriver(driver, slots, apps, sections, psamPin);
        const photo = read.health?.kind === 'read' ? read.health.data.photo : undefined;
        if (options.photo !== undefined && photo) writePhoto(options.photo, photo);
        if (options.json) {
          const where = { reader: slots.user, psamReader: slots.psam, apdus, ms: roundMs(ms) };
          io.out(toJson({ read: where, ...appsJson(read) }));
        } else {
          io.out(formatReadSummary(`read from ${slots.user} (PSAM in ${slots.psam})`, apdus, ms));
          io.out('');
          io.out(formatApps(read, { all: options.all }));
        }
        return 0;
      }
      const { data, apdus, ms } = await readThroughDriver(driver, slots, sections, psamPin);
      if (options.photo !== undefined) {
        if (data.photo) writePhoto(options.photo, data.photo);
        else io.err(`hcard: the card holds no photo; ${options.photo} not written`);
      }
      if (options.json) {
        const read = { reader: slots.user, psamReader: slots.psam, apdus, ms: roundMs(ms) };
        io.out(toJson({ read, ...data }));
      } else {
        io.out(formatReadSummary(`read from ${slots.user} (PSAM in ${slots.psam})`, apdus, ms));
        io.out('');
        io.out(
          formatCardView(data, { all: options.all, ...(options.photo ? { photoFile: options.photo } : {}) }),
        );
      }
      return 0;
    } finally {
      await driver.close();
    }
  },
});

/** undefined: the health application alone, read as before (refusals are errors). */
function parseApp(text: string): CardApplication[] | undefined {
  if (text === 'health') return undefined;
  if (text === 'all') return [...CARD_APPLICATIONS];
  if ((CARD_APPLICATIONS as readonly string[]).includes(text)) return [text as CardApplication];
  throw hcardError(
    'HCARD_E_ARG_INVALID',
    `--app takes ${CARD_APPLICATIONS.join(', ')} or all, not "${text}"`,
  );
}

function writePhoto(file: string, jpeg: Uint8Array): void {
  try {
    writeFileSync(file, jpeg);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? 'write failed';
    throw hcardError('HCARD_E_ARG_INVALID', `cannot write --photo ${file} (${reason})`);
  }
}
