/** `hcard hotlist add|remove|import|list`: the station's list of lost, stolen and cancelled cards. */
import { readFileSync } from 'node:fs';
import { hcardError } from '@hcard/card-core';
import {
  addToHotlist,
  defaultHotlistFile,
  HOTLIST_REASONS,
  isHotlistReason,
  parseHotlistImport,
  readHotlistFile,
  removeFromHotlist,
} from '@hcard/gateway';
import { defineCommand } from '../shared/command.js';
import { toJson } from '../shared/json.js';
import { maskCardNumber } from '../shared/privacy.js';

const FILE_OPTION = {
  type: 'string',
  value: 'file',
  description: 'the hotlist file (default $XDG_CONFIG_HOME/hcard/hotlist.json, beside the gateway config)',
} as const;

const ABOUT = `
The hotlist holds cards reported lost, stolen or cancelled; "hcard check" and the gateway's
identity check fail a card on it. The file keeps a SHA-256 of each card number and its masked
form, never the number itself. Changes take effect at the next check, also in a running gateway.`;

const fileOf = (file: string | undefined) => file ?? defaultHotlistFile();

function requireCard(card: string | undefined): string {
  if (!card) throw hcardError('HCARD_E_ARG_INVALID', '--card is required');
  return card;
}

export const hotlistAddCommand = defineCommand({
  name: 'hotlist add',
  summary: 'put a card on the hotlist (lost, stolen, cancelled)',
  description: ABOUT,
  options: {
    card: {
      type: 'string',
      value: 'number',
      description: 'the card number (health card: the ID number; SSSE: 卡号)',
    },
    reason: { type: 'string', value: 'reason', description: `why: ${HOTLIST_REASONS.join(', ')}` },
    note: { type: 'string', value: 'text', description: 'a note kept with the entry (no personal data)' },
    file: FILE_OPTION,
  },
  examples: ['hcard hotlist add --card 410102199001011234 --reason lost'],
  run: async (options, io) => {
    const card = requireCard(options.card);
    const reason = options.reason ?? '';
    if (!isHotlistReason(reason))
      throw hcardError('HCARD_E_ARG_INVALID', `--reason must be one of ${HOTLIST_REASONS.join(', ')}`);
    const file = fileOf(options.file);
    const { added } = addToHotlist(file, [
      { cardNumber: card, reason, ...(options.note ? { note: options.note } : {}) },
    ]);
    io.out(
      `${added ? 'added' : 'updated'} ${maskCardNumber(card.trim().toUpperCase())} (${reason}) in ${file}`,
    );
    return 0;
  },
});

export const hotlistRemoveCommand = defineCommand({
  name: 'hotlist remove',
  summary: 'take a card off the hotlist',
  description: ABOUT,
  options: {
    card: { type: 'string', value: 'number', description: 'the card number' },
    file: FILE_OPTION,
  },
  examples: ['hcard hotlist remove --card 410102199001011234'],
  run: async (options, io) => {
    const card = requireCard(options.card);
    const file = fileOf(options.file);
    const removed = removeFromHotlist(file, card);
    io.out(`${removed ? 'removed' : 'not listed:'} ${maskCardNumber(card.trim().toUpperCase())}`);
    return removed ? 0 : 1;
  },
});

export const hotlistImportCommand = defineCommand({
  name: 'hotlist import',
  summary: 'add many cards to the hotlist from a CSV file',
  description: `${ABOUT}

The input has one card per line: card number, reason and an optional note, separated by commas,
tabs or semicolons; a header line is skipped. Lines that cannot be read are listed by number and
nothing of them is added; the others are.`,
  options: {
    input: { type: 'string', value: 'file', description: 'the CSV file to import' },
    file: FILE_OPTION,
  },
  examples: ['hcard hotlist import --input reported-lost.csv'],
  run: async (options, io) => {
    if (!options.input) throw hcardError('HCARD_E_ARG_INVALID', '--input is required');
    let text: string;
    try {
      text = readFileSync(options.input, 'utf8');
    } catch (e) {
      throw hcardError(
        'HCARD_E_ARG_INVALID',
        `cannot read ${options.input} (${(e as NodeJS.ErrnoException).code ?? 'read failed'})`,
      );
    }
    const { updates, rejected } = parseHotlistImport(text);
    const file = fileOf(options.file);
    const { added, updated } = updates.length > 0 ? addToHotlist(file, updates) : { added: 0, updated: 0 };
    for (const r of rejected) io.err(`hcard: line ${r.line}: ${r.reason}`);
    io.out(`${added} added, ${updated} updated, ${rejected.length} rejected → ${file}`);
    return rejected.length > 0 ? 1 : 0;
  },
});

export const hotlistListCommand = defineCommand({
  name: 'hotlist list',
  summary: 'show the hotlist (masked card numbers)',
  description: ABOUT,
  options: {
    json: { type: 'boolean', description: 'print the entries as JSON' },
    file: FILE_OPTION,
  },
  run: async (options, io) => {
    const entries = readHotlistFile(fileOf(options.file));
    if (options.json) io.out(toJson(entries.map(({ card: _hash, ...shown }) => shown)));
    else if (entries.length === 0) io.out('the hotlist is empty');
    else
      for (const e of entries)
        io.out(`${e.masked}  ${e.reason.padEnd(9)}  ${e.added}${e.note ? `  ${e.note}` : ''}`);
    return 0;
  },
});
