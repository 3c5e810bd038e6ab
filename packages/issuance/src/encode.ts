/**
 * `encode`: prepared rows → personalised, verified, printed cards. One worker per encoder, each
 * bound to its printer: claim a job, feed a blank card, personalise it (reference COS), read
 * every written file back through the health-card session and compare, print the face, mark it
 * issued, eject. A card that fails anywhere is spoiled with its reason, ejected to the reject
 * bin, and the worker goes on with the next job and the next blank card.
 */
import { hostname } from 'node:os';
import {
  blankChipIdentity,
  type CardChannel,
  equalBytes,
  HealthCardSession,
  hcardError,
  isHcardError,
  type KeyStore,
  PsamClient,
  personalise,
  planKeys,
  toHcardError,
  toHex,
} from '@hcard/card-core';
import type { ReaderDriver } from '@hcard/reader-driver';
import type { ChipInfo, EncodeJob, Journal } from './journal/journal.js';
import {
  type CardTemplate,
  cardFiles,
  type FileBytes,
  parseTemplate,
  payloadValues,
  photoOf,
  templateValues,
} from './records/card-template.js';
import type { CardPrinter } from './station/printer.js';

/** Why a card was spoiled (journal reason codes of spoiled rows; README lists them). */
export const SPOIL_REASONS = {
  CARD_REMOVED: 'The card left the encoder before it was finished',
  PERSO_REFUSED: 'The blank card refused a personalisation command',
  VERIFY_FAILED: 'Reading the card back gave other data than was written',
  ENCODER_FAILED: 'The encoder or printer failed',
} as const;
export type SpoilReason = keyof typeof SPOIL_REASONS;

export interface EncodeStation {
  readonly printer: CardPrinter;
}

export interface EncodeOptions {
  readonly batch: string;
  readonly journal: Journal;
  readonly keyStore: KeyStore;
  readonly driver: ReaderDriver;
  readonly stations: readonly EncodeStation[];
  /** A PSAM channel for read-back, per worker (a PSAM reader, or the key store behind a software PSAM). */
  readonly psam: () => Promise<{ channel: CardChannel; pin: string }>;
  /** Card face (PNG) of a finished card. */
  readonly face: (
    values: Readonly<Record<string, string>>,
    photo: Uint8Array | undefined,
  ) => Promise<Uint8Array>;
  /** Station id prefix in the journal (default: host name). */
  readonly stationPrefix?: string;
  /** Stop after this many cards in all (default: until the batch is done). */
  readonly limit?: number;
  readonly signal?: AbortSignal;
  readonly onCard?: (event: CardEvent) => void;
  /** How long a fed card may take to appear in the encoder. */
  readonly cardWaitMs?: number;
}

export type CardEvent =
  | { readonly type: 'issued'; readonly station: string; readonly rowNumber: number; readonly ms: number }
  | {
      readonly type: 'spoiled';
      readonly station: string;
      readonly rowNumber: number;
      readonly reason: SpoilReason;
      readonly detail: string;
    };

export interface EncodeResult {
  readonly issued: number;
  readonly spoiled: number;
  /** Jobs put back because this station had left them in `encoding` (an earlier run was killed). */
  readonly released: number;
  /** Why the run ended early ("printer empty"), if it did. */
  readonly stoppedBy?: string;
}

/** A failure with the spoil reason it stands for. */
class Spoil extends Error {
  constructor(
    readonly reason: SpoilReason,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const REMOVAL_CODES = ['HCARD_E_CARD_REMOVED', 'HCARD_E_NO_CARD', 'HCARD_E_CHANNEL_CLOSED'] as const;

function asSpoil(e: unknown): Spoil {
  if (e instanceof Spoil) return e;
  const err = toHcardError(e);
  if (REMOVAL_CODES.some((code) => err.code === code)) return new Spoil('CARD_REMOVED', err.message);
  return new Spoil('ENCODER_FAILED', `${err.code}: ${err.message}`);
}

export async function encodeBatch(options: EncodeOptions): Promise<EncodeResult> {
  const info = await options.journal.getBatch(options.batch);
  if (!info) throw hcardError('HCARD_E_ISSUE_BATCH_UNKNOWN', options.batch);
  const template = parseTemplate(info.template);
  const counts = { issued: 0, spoiled: 0, released: 0 };
  let budget = options.limit ?? Number.POSITIVE_INFINITY;
  let stoppedBy: string | undefined;

  const work = async (station: EncodeStation) => {
    const id = `${options.stationPrefix ?? hostname()}:${station.printer.encoder}`;
    counts.released += await options.journal.releaseStale(options.batch, id);
    const psam = await options.psam();
    try {
      // A wrong PSAM PIN is the station's fault, not a card's: stop before the first blank card.
      await new PsamClient(psam.channel).open(psam.pin);
      while (budget > 0 && !options.signal?.aborted && stoppedBy === undefined) {
        budget--;
        const [job] = await options.journal.claim(options.batch, id, 1);
        if (!job) break;
        try {
          await waitForEmpty(options.driver, station.printer.encoder, options.cardWaitMs ?? 5000);
          await station.printer.feed();
        } catch (e) {
          // No card was touched: the job goes back for another station or run.
          await options.journal.releaseStale(options.batch, id);
          if (isHcardError(e, 'HCARD_E_PRINTER_EMPTY'))
            stoppedBy = `${station.printer.name}: no blank cards left`;
          throw e;
        }
        const outcome = await encodeOne(job, id, station.printer, template, options, psam);
        if (outcome === 'issued') counts.issued++;
        else counts.spoiled++;
      }
    } finally {
      await psam.channel.close();
    }
  };
  const results = await Promise.allSettled(options.stations.map(work));
  const failure = results.find((r) => r.status === 'rejected');
  if (failure && stoppedBy === undefined) throw (failure as PromiseRejectedResult).reason;
  return { ...counts, ...(stoppedBy ? { stoppedBy } : {}) };
}

/** One card, from the blank in the encoder to issued or spoiled. Never throws for the card's faults. */
async function encodeOne(
  job: EncodeJob,
  station: string,
  printer: CardPrinter,
  template: CardTemplate,
  options: EncodeOptions,
  psam: { channel: CardChannel; pin: string },
): Promise<'issued' | 'spoiled'> {
  const started = performance.now();
  let chip: ChipInfo | undefined;
  let channel: CardChannel | undefined;
  try {
    channel = await connectWhenPresent(options.driver, printer.encoder, options.cardWaitMs ?? 5000);
    const identity = await blankChipIdentity(channel);
    if (!identity.ok) throw new Spoil('PERSO_REFUSED', `read chip serial: ${identity.refusal.meaning}`);
    chip = { chipSerial: identity.value.chipSerial, atr: toHex(channel.atr) };
    const files = cardFiles(template, job.payload, chip.chipSerial);
    const values = { ...templateValues(template), ...payloadValues(template, job.payload) };
    const keys = planKeys(options.keyStore, { cn: identity.value.cn, cityCode: values.cityCode! });
    const result = await personalise(channel, { ...keys, files: Object.fromEntries(files) });
    if (!result.ok) throw new Spoil('PERSO_REFUSED', `${result.step}: ${result.refusal.meaning}`);
    await verify(channel, psam, files);
    await printer.print(await options.face(values, photoOf(template, files)));
    await options.journal.markIssued(job.batch, job.rowNumber, station, chip);
    await channel.close();
    channel = undefined;
    await printer.eject('output', chip.chipSerial);
    options.onCard?.({ type: 'issued', station, rowNumber: job.rowNumber, ms: performance.now() - started });
    return 'issued';
  } catch (e) {
    let spoil = asSpoil(e);
    await channel?.close().catch(() => undefined);
    // A link failure while the card was leaving is the card leaving (pcscd answers either way).
    if (isHcardError(e, 'HCARD_E_TRANSPORT') && (await cardLeft(options.driver, printer.encoder)))
      spoil = new Spoil('CARD_REMOVED', spoil.detail);
    await options.journal.markSpoiled(job.batch, job.rowNumber, station, spoil.reason, chip);
    await printer.eject('reject', chip?.chipSerial ?? `row-${job.rowNumber}`).catch(() => undefined);
    options.onCard?.({
      type: 'spoiled',
      station,
      rowNumber: job.rowNumber,
      reason: spoil.reason,
      detail: spoil.detail,
    });
    return 'spoiled';
  }
}

/** Reads every written file back through the health-card session (PSAM-authenticated) and compares. */
async function verify(
  channel: CardChannel,
  psam: { channel: CardChannel; pin: string },
  files: ReadonlyMap<string, FileBytes>,
): Promise<void> {
  const opened = await HealthCardSession.open(channel, new PsamClient(psam.channel), {
    settings: { psamPin: psam.pin },
  });
  if (!opened.ok) throw new Spoil('VERIFY_FAILED', `open session: ${opened.refusal.meaning}`);
  for (const [path, expected] of files) {
    const read = await opened.value.readFile(path);
    if (!read.ok) throw new Spoil('VERIFY_FAILED', `read ${path}: ${read.refusal.meaning}`);
    const written = 'data' in expected ? [expected.data] : expected.records;
    const same =
      read.value.length >= written.length && written.every((r, i) => equalBytes(r, read.value[i]!));
    if (!same) throw new Spoil('VERIFY_FAILED', `${path} differs from what was written`);
  }
}

/** Whether the reader reports its card gone within a moment (PC/SC polls for removals). */
async function cardLeft(driver: ReaderDriver, reader: string, waitMs = 1000): Promise<boolean> {
  const until = performance.now() + waitMs;
  do {
    const info = (await driver.list().catch(() => [])).find((r) => r.name === reader);
    if (info && !info.cardPresent) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  } while (performance.now() < until);
  return false;
}

/**
 * Waits until the reader reports no card: PC/SC learns of a removal by polling, and connecting
 * before it has would reach the card that just left (SCARD_E_NOT_TRANSACTED on the first command).
 */
async function waitForEmpty(driver: ReaderDriver, reader: string, waitMs: number): Promise<void> {
  const until = performance.now() + waitMs;
  while ((await driver.list()).some((r) => r.name === reader && r.cardPresent)) {
    if (performance.now() > until)
      throw hcardError('HCARD_E_PRINTER_FAILED', `the ejected card is still reported in "${reader}"`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Connects once the fed card shows up in the encoder (pcscd polls vpcd; real feeders take time too). */
async function connectWhenPresent(
  driver: ReaderDriver,
  reader: string,
  waitMs: number,
): Promise<CardChannel> {
  const until = performance.now() + waitMs;
  for (;;) {
    try {
      return await driver.connect(reader, { shareMode: 'exclusive', disposition: 'reset' });
    } catch (e) {
      if (!isHcardError(e, 'HCARD_E_NO_CARD') || performance.now() > until) throw e;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
