/**
 * JSONL enrolment files: one JSON object per line, keyed by the sheet's headers (mapped or
 * default Chinese) or the English field names; unknown keys are ignored, a missing key is an
 * empty field. The row number is the line number. A line that is not a JSON object means the
 * file is broken, not the person: a catalogue error naming the line (no reject reason fits).
 */
import type { EnrolmentField, SourceRow } from '../model.js';
import { cellText } from './cell-text.js';
import { headerLookup } from './columns.js';
import type { TableReadOptions } from './csv.js';
import { inputMalformedError } from './errors.js';
import { Chunker, emptyValues, isBlank } from './rows.js';

export async function* readJsonlChunks(
  text: AsyncIterable<string>,
  options: TableReadOptions,
): AsyncGenerator<SourceRow[]> {
  const lookup = headerLookup(options.mapping);
  const chunker = new Chunker(options.chunkSize);
  let lineNumber = 0;
  let pending = '';

  function toRow(line: string): SourceRow | undefined {
    lineNumber++;
    if (lineNumber <= options.startAfterRow) return undefined;
    if (line.trim() === '') return undefined;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      throw inputMalformedError(`JSONL line ${lineNumber} is not JSON`, { line: lineNumber }, e);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw inputMalformedError(`JSONL line ${lineNumber} is not a JSON object`, { line: lineNumber });
    }
    const values = emptyValues();
    for (const [key, value] of Object.entries(json)) {
      const field: EnrolmentField | undefined = lookup.get(key.trim());
      if (field === undefined || value === null || value === undefined) continue;
      if (typeof value === 'object') {
        throw inputMalformedError(`JSONL line ${lineNumber}: "${key}" is not text or a number`, {
          line: lineNumber,
        });
      }
      values[field] = cellText(value).trim();
    }
    return isBlank(values) ? undefined : { rowNumber: lineNumber, values };
  }

  for await (const piece of text) {
    pending += piece;
    let start = 0;
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n', start)) {
      const row = toRow(pending.slice(start, nl));
      start = nl + 1;
      if (row) {
        const full = chunker.push(row);
        if (full) yield full;
      }
    }
    pending = pending.slice(start);
  }
  if (pending !== '') {
    const row = toRow(pending);
    if (row) chunker.push(row);
  }
  const rest = chunker.rest();
  if (rest.length > 0) yield rest;
}
