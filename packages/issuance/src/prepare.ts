/**
 * `prepare`: enrolment file → validated, allocated, encoded rows in the journal. A pipeline over
 * chunks (ingest → validate → photos → security codes → records → journal), one journal
 * transaction per chunk together with the resume watermark, so a kill at any moment loses at
 * most the chunk in flight and a re-run carries on after the last committed row.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { hcardError, isHcardError } from '@hcard/card-core';
import { openEnrolment } from './ingest/index.js';
import type { Journal, PreparedRow } from './journal/journal.js';
import type { EnrolledPerson, Rejection, SourceRow } from './model.js';
import {
  buildTemplate,
  type CardTemplate,
  encodeCardPayload,
  parseTemplate,
  personalValues,
  serialiseTemplate,
} from './records/card-template.js';
import type { IssuanceSettings } from './settings.js';
import { type PhotoSource, photosForChunk } from './stages/photos.js';
import { validatePerson } from './validate/index.js';

export interface PrepareOptions {
  readonly input: string;
  readonly batch: string;
  readonly journal: Journal;
  readonly settings: IssuanceSettings;
  /** Security codes (CVN) of many cards at once, from the issuer's key (key store). */
  readonly securityCodes: (
    cards: readonly { cardNumber: string; issueDate: string; expiryDate: string }[],
  ) => string[];
  readonly format?: 'csv' | 'xlsx' | 'jsonl';
  readonly encoding?: 'auto' | 'utf-8' | 'gbk';
  readonly mapping?: string;
  /** Photo folder; without it cards are prepared without photos. */
  readonly photos?: PhotoSource;
  readonly chunkSize?: number;
  readonly onProgress?: (progress: PrepareProgress) => void;
}

export interface PrepareProgress {
  /** Input rows handled so far, this run and earlier ones. */
  readonly rows: number;
  readonly prepared: number;
  readonly rejected: number;
  /** Fraction of the input read (0–1), when known. */
  readonly fraction?: number;
}

export interface PrepareResult {
  readonly batch: string;
  /** Rows skipped because an earlier run had committed them. */
  readonly resumedAfter: number;
  readonly rows: number;
  readonly prepared: number;
  readonly rejected: number;
  readonly encoding?: string;
}

/** A codec refusal as the row's reject reason. */
function encodingRejection(e: unknown): Rejection {
  if (isHcardError(e, 'HCARD_E_ANS_TOO_LONG')) return { reason: 'FIELD_TOO_LONG', message: e.message };
  if (isHcardError(e, 'HCARD_E_ANS_UNMAPPABLE')) return { reason: 'CHAR_NOT_ENCODABLE', message: e.message };
  throw e;
}

const isRejection = (v: EnrolledPerson | Rejection): v is Rejection => 'reason' in v;

async function fileDigest(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** What else decides how rows are read: a re-run with other options is another batch, not a resume. */
function optionsDigest(options: PrepareOptions): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        format: options.format ?? null,
        encoding: options.encoding ?? 'auto',
        mapping: options.mapping ?? null,
        photos: options.photos?.dir ?? null,
      }),
    )
    .digest('hex');
}

export async function prepareBatch(options: PrepareOptions): Promise<PrepareResult> {
  const batch = await options.journal.openBatch(options.batch, {
    inputDigest: await fileDigest(options.input),
    optionsDigest: optionsDigest(options),
    template: serialiseTemplate(buildTemplate(options.settings)),
  });
  // A batch keeps the template of its first run: resumed the next day, its cards still carry the
  // issue date (and issuer data) the first rows got.
  const template = parseTemplate(batch.template);
  const resumedAfter = batch.preparedThrough;
  const counts = { rows: resumedAfter, prepared: 0, rejected: 0 };
  if (batch.prepareDone) return { batch: options.batch, resumedAfter, ...counts };

  const source = await openEnrolment(options.input, {
    ...(options.format ? { format: options.format } : {}),
    encoding: options.encoding ?? 'auto',
    ...(options.mapping ? { mapping: options.mapping } : {}),
    chunkSize: options.chunkSize ?? 4000,
    startAfterRow: resumedAfter,
  });
  // One commit in flight while the next chunk is prepared: an asynchronous store (PostgreSQL)
  // writes while this process validates and encodes. Commits stay in input order.
  let committing: Promise<void> | undefined;
  for await (const chunk of source.chunks) {
    if (chunk.length === 0) continue;
    const rows = await prepareChunk(chunk, template, options);
    await committing;
    committing = options.journal
      .commitChunk(options.batch, rows, chunk[chunk.length - 1]!.rowNumber)
      .then((outcome) => {
        const rejected = rows.filter((r) => 'reason' in r).length + outcome.duplicates.length;
        counts.rows += chunk.length;
        counts.rejected += rejected;
        counts.prepared += chunk.length - rejected;
        options.onProgress?.({ ...counts, ...(source.fraction ? { fraction: source.fraction() } : {}) });
      });
    // Awaited before the next commit or at the end; this only keeps Node from calling it unhandled meanwhile.
    committing.catch(() => undefined);
  }
  await committing;
  await options.journal.markPrepareDone(options.batch);
  return {
    batch: options.batch,
    resumedAfter,
    ...counts,
    ...(source.encoding ? { encoding: source.encoding } : {}),
  };
}

/** Validation, photos, security codes and records for one chunk. */
async function prepareChunk(
  chunk: readonly SourceRow[],
  template: CardTemplate,
  options: PrepareOptions,
): Promise<PreparedRow[]> {
  const checked = chunk.map((row) => validatePerson(row));
  const photos = options.photos
    ? await photosForChunk(
        options.photos,
        checked.map((p) => (isRejection(p) ? undefined : p.idNumber)),
      )
    : undefined;

  const accepted: { index: number; person: EnrolledPerson }[] = [];
  const out: PreparedRow[] = new Array(chunk.length);
  checked.forEach((p, index) => {
    const rowNumber = chunk[index]!.rowNumber;
    const photo = photos?.[index];
    if (isRejection(p)) {
      const id = chunk[index]!.values.idNumber;
      out[index] = { rowNumber, ...(id ? { idNumber: id } : {}), reason: p.reason, message: p.message };
    } else if (photo && 'reason' in photo) {
      out[index] = { rowNumber, idNumber: p.idNumber, reason: photo.reason, message: photo.message };
    } else accepted.push({ index, person: p });
  });

  const { issueDate, expiryDate } = options.settings;
  const codes = options.securityCodes(
    accepted.map(({ person }) => ({ cardNumber: person.idNumber, issueDate, expiryDate })),
  );
  if (codes.length !== accepted.length)
    throw hcardError('HCARD_E_ARG_INVALID', 'security code count mismatch');
  accepted.forEach(({ index, person }, k) => {
    const photo = photos?.[index] as { jpeg: Uint8Array } | undefined;
    const { rowNumber, idNumber } = person;
    try {
      const payload = encodeCardPayload(template, personalValues(person, codes[k]!), photo?.jpeg);
      out[index] = { rowNumber, idNumber, township: person.township, village: person.village, payload };
    } catch (e) {
      // Validation should have caught it; if the card's codec still refuses, the row is rejected, not the batch.
      out[index] = { rowNumber, idNumber, ...encodingRejection(e) };
    }
  });
  return out;
}
