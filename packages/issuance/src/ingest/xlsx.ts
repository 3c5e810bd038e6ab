/**
 * XLSX enrolment sheets through exceljs's streaming WorkbookReader: the first worksheet only,
 * its first row is the header. Row numbers count from the header (sheet row − header row), so
 * blank rows in between keep the numbering in step with the sheet and with CSV.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { SourceRow } from '../model.js';
import { cellText } from './cell-text.js';
import { resolveColumns } from './columns.js';
import type { TableReadOptions } from './csv.js';
import { inputMalformedError } from './errors.js';
import { Chunker, emptyValues, isBlank } from './rows.js';

export async function* readXlsxChunks(
  input: Readable,
  options: TableReadOptions,
): AsyncGenerator<SourceRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // number formats: what makes a number cell a date
  });
  const chunker = new Chunker(options.chunkSize);
  let fields: ReturnType<typeof resolveColumns> | undefined;
  let headerRow = 0;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        // exceljs's row.values is 1-based by column number and sparse.
        const cells = row.values as unknown[];
        if (fields === undefined) {
          const header: string[] = [];
          for (let c = 1; c < cells.length; c++) header[c - 1] = cellText(cells[c]);
          fields = resolveColumns(
            Array.from(header, (h) => h ?? ''),
            options.mapping,
          );
          headerRow = row.number;
          continue;
        }
        const rowNumber = row.number - headerRow;
        if (rowNumber <= options.startAfterRow) continue;
        const values = emptyValues();
        const n = Math.min(fields.length, cells.length - 1);
        for (let c = 0; c < n; c++) {
          const field = fields[c];
          if (field !== undefined && cells[c + 1] !== undefined)
            values[field] = cellText(cells[c + 1]).trim();
        }
        if (isBlank(values)) continue;
        const full = chunker.push({ rowNumber, values });
        if (full) yield full;
      }
      break; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof Error && (e as { code?: string }).code?.startsWith('HCARD_E_')) throw e;
    throw inputMalformedError(`the XLSX file cannot be read: ${(e as Error).message}`, {}, e);
  }
  input.destroy();
  if (fields === undefined) throw inputMalformedError('the XLSX file has no header row');
  const rest = chunker.rest();
  if (rest.length > 0) yield rest;
}
