/** CSV enrolment sheets: csv-parse over decoded text, first record = header. */
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { SourceRow } from '../model.js';
import { resolveColumns } from './columns.js';
import { inputMalformedError } from './errors.js';
import type { MappingFile } from './mapping.js';
import { Chunker, emptyValues, isBlank } from './rows.js';

export interface TableReadOptions {
  readonly mapping: MappingFile | undefined;
  readonly chunkSize: number;
  readonly startAfterRow: number;
}

export async function* readCsvChunks(
  text: AsyncIterable<string>,
  options: TableReadOptions,
): AsyncGenerator<SourceRow[]> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false });
  const source = Readable.from(text, { objectMode: false });
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);

  const chunker = new Chunker(options.chunkSize);
  let fields: ReturnType<typeof resolveColumns> | undefined;
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (fields === undefined) {
        fields = resolveColumns(record, options.mapping);
        continue;
      }
      rowNumber++;
      if (rowNumber <= options.startAfterRow) continue;
      const values = emptyValues();
      const n = Math.min(fields.length, record.length);
      for (let c = 0; c < n; c++) {
        const field = fields[c];
        if (field !== undefined) {
          const cell = record[c]!;
          if (cell !== '') values[field] = cell.trim();
        }
      }
      if (isBlank(values)) continue;
      const full = chunker.push({ rowNumber, values });
      if (full) yield full;
    }
  } catch (e) {
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines ?? '?';
      throw inputMalformedError(`CSV line ${line}: ${e.message}`, { csvCode: e.code }, e);
    }
    throw e;
  } finally {
    source.destroy();
  }
  if (fields === undefined) throw inputMalformedError('the CSV file is empty (no header row)');
  const rest = chunker.rest();
  if (rest.length > 0) yield rest;
}
