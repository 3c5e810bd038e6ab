/**
 * The station's hotlist: cards reported lost, stolen or cancelled, which identity checks fail
 * (`hcard hotlist add|remove|import|list`; `hcard check` and the gateway read it). A JSON file
 * beside the gateway config (`$XDG_CONFIG_HOME/hcard/hotlist.json`, mode 0600):
 *
 *   {"format":"hcard-hotlist/1","entries":[{"card":"<SHA-256 hex>","masked":"4101**********1234",
 *     "reason":"lost","added":"2026-11-30T08:00:00.000Z"}]}
 *
 * A health card's number is its holder's ID number, so the file keeps only a SHA-256 of each
 * card number (and a masked form to show in `list`): reading the file does not list residents.
 * The hash is unsalted so that several stations' lists can be merged; it hides numbers from a
 * casual reader, not from someone who enumerates ID numbers. `Hotlist` re-reads the file when it
 * changes, so an update takes effect at the next check.
 */
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type HotlistEntry, hcardError, maskCardNumber } from '@hcard/card-core';
import { defaultConfigFile } from './config.js';
import { FileChange, type FileStamp } from './file-change.js';

export const HOTLIST_FORMAT = 'hcard-hotlist/1';
export const HOTLIST_REASONS = ['lost', 'stolen', 'cancelled'] as const;
export type HotlistReason = (typeof HOTLIST_REASONS)[number];

export interface HotlistFileEntry {
  /** SHA-256 (hex) of the normalised card number. */
  readonly card: string;
  readonly masked: string;
  readonly reason: HotlistReason;
  readonly added: string;
  readonly note?: string;
}

/** `$XDG_CONFIG_HOME/hcard/hotlist.json`, beside the gateway config. */
export function defaultHotlistFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(dirname(defaultConfigFile(env)), 'hotlist.json');
}

const normalise = (cardNumber: string) => cardNumber.trim().toUpperCase();
const hashOf = (cardNumber: string) => createHash('sha256').update(normalise(cardNumber)).digest('hex');

export function isHotlistReason(value: string): value is HotlistReason {
  return (HOTLIST_REASONS as readonly string[]).includes(value);
}

function validCardNumber(cardNumber: string): boolean {
  return /^[0-9A-Za-z]{6,32}$/.test(cardNumber.trim());
}

/** The entries of a hotlist file; a missing file is an empty list, a damaged one an error. */
export function readHotlistFile(file: string): HotlistFileEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw hcardError('HCARD_E_CONFIG_INVALID', `cannot read the hotlist ${file}`);
  }
  let json: { format?: unknown; entries?: unknown };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    throw hcardError('HCARD_E_CONFIG_INVALID', `the hotlist ${file} is not JSON`);
  }
  if (json.format !== HOTLIST_FORMAT || !Array.isArray(json.entries))
    throw hcardError('HCARD_E_CONFIG_INVALID', `the hotlist ${file} is not ${HOTLIST_FORMAT}`);
  return json.entries.map((entry: Partial<HotlistFileEntry>, i) => {
    if (
      typeof entry?.card !== 'string' ||
      !/^[0-9a-f]{64}$/.test(entry.card) ||
      !isHotlistReason(String(entry.reason))
    )
      throw hcardError('HCARD_E_CONFIG_INVALID', `the hotlist ${file}: entry ${i + 1} is damaged`);
    return entry as HotlistFileEntry;
  });
}

function writeHotlistFile(file: string, entries: readonly HotlistFileEntry[]): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ format: HOTLIST_FORMAT, entries }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}

export interface HotlistUpdate {
  readonly cardNumber: string;
  readonly reason: HotlistReason;
  readonly note?: string;
}

/** Adds (or updates the reason of) each card; returns how many were new and how many changed. */
export function addToHotlist(
  file: string,
  updates: readonly HotlistUpdate[],
  now = new Date(),
): { added: number; updated: number } {
  const entries = new Map(readHotlistFile(file).map((e) => [e.card, e]));
  let added = 0;
  let updated = 0;
  for (const u of updates) {
    if (!validCardNumber(u.cardNumber))
      throw hcardError('HCARD_E_ARG_INVALID', 'a card number is 6–32 letters and digits');
    const card = hashOf(u.cardNumber);
    const before = entries.get(card);
    if (before) updated++;
    else added++;
    entries.set(card, {
      card,
      masked: maskCardNumber(normalise(u.cardNumber)),
      reason: u.reason,
      added: before?.added ?? now.toISOString(),
      ...(u.note ? { note: u.note } : {}),
    });
  }
  writeHotlistFile(file, [...entries.values()]);
  return { added, updated };
}

/** Removes a card; false when it was not listed. */
export function removeFromHotlist(file: string, cardNumber: string): boolean {
  const entries = readHotlistFile(file);
  const card = hashOf(cardNumber);
  const kept = entries.filter((e) => e.card !== card);
  if (kept.length === entries.length) return false;
  writeHotlistFile(file, kept);
  return true;
}

export interface HotlistImport {
  readonly updates: HotlistUpdate[];
  /** Lines that were refused: line number and why (no card numbers). */
  readonly rejected: { line: number; reason: string }[];
}

/**
 * Parses an import file: one card per line, `card number,reason[,note]` (comma, tab or
 * semicolon); a header line and blank lines are skipped.
 */
export function parseHotlistImport(text: string): HotlistImport {
  const updates: HotlistUpdate[] = [];
  const rejected: { line: number; reason: string }[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const [cardNumber = '', reason = '', ...rest] = line.split(/[,;\t]/).map((f) => f.trim());
    // A first line without digits is a header.
    if (index === 0 && !/\d/.test(cardNumber)) continue;
    const lower = reason.toLowerCase();
    if (!validCardNumber(cardNumber)) rejected.push({ line: index + 1, reason: 'not a card number' });
    else if (!isHotlistReason(lower))
      rejected.push({ line: index + 1, reason: `reason must be one of ${HOTLIST_REASONS.join(', ')}` });
    else {
      const note = rest.join(',').trim();
      updates.push({ cardNumber, reason: lower, ...(note ? { note } : {}) });
    }
  }
  return { updates, rejected };
}

/** Looks cards up in a hotlist file, re-reading it when it changes on disk (FileChange). */
export class Hotlist {
  #entries = new Map<string, HotlistFileEntry>();
  readonly #fileChange: FileChange;

  /** `stampOf`: see FileChange. */
  constructor(
    readonly file: string,
    options: { stampOf?: (file: string) => FileStamp | undefined } = {},
  ) {
    this.#fileChange = new FileChange(file, options.stampOf);
  }

  #refresh(): void {
    if (!this.#fileChange.changed()) return;
    try {
      this.#entries = new Map(readHotlistFile(this.file).map((e) => [e.card, e]));
    } catch (e) {
      // Unreadable: every lookup says so until the file is fixed.
      this.#fileChange.forget();
      throw e;
    }
  }

  lookup(cardNumber: string): HotlistEntry | undefined {
    this.#refresh();
    const entry = this.#entries.get(hashOf(cardNumber));
    return entry && { reason: entry.reason };
  }

  get size(): number {
    this.#refresh();
    return this.#entries.size;
  }
}
