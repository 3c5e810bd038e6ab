/**
 * openEnrolment: an enrolment file (CSV, XLSX or JSONL) as chunks of SourceRows, streamed so
 * memory does not grow with the file. Nothing is validated here beyond the file's shape (the
 * header, the encoding, JSON syntax); rows go to validate/ as they are.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { SourceRow } from '../model.js';
import { readCsvChunks, type TableReadOptions } from './csv.js';
import { inputMalformedError } from './errors.js';
import { readJsonlChunks } from './jsonl.js';
import { loadMappingFile, type MappingFile, parseMapping } from './mapping.js';
import { ByteProgress } from './progress.js';
import {
  type DecodeOptions,
  type DetectedEncoding,
  decodeFile,
  detectFileEncoding,
  type EncodingOption,
} from './text-decoding.js';
import { readXlsxChunks } from './xlsx.js';

export type EnrolmentFormat = 'csv' | 'xlsx' | 'jsonl';

export interface OpenEnrolmentOptions {
  /** Default: from the file extension (.csv, .xlsx, .jsonl/.ndjson). */
  readonly format?: EnrolmentFormat;
  /** Text formats only; default 'auto'. 'gbk' reads GBK and GB18030. */
  readonly encoding?: EncodingOption;
  /** A mapping file's contents, or its path. */
  readonly mapping?: MappingFile | string;
  /** Rows per chunk; default 2000. */
  readonly chunkSize?: number;
  /** Skip rows numbered ≤ this (resume after a kill); they are not validated. */
  readonly startAfterRow?: number;
  /** Read size for text files (tests use tiny ones to cut characters between reads). */
  readonly readSize?: DecodeOptions['readSize'];
}

export interface EnrolmentSource {
  readonly format: EnrolmentFormat;
  /** Undefined for XLSX (its XML declares its own). */
  readonly encoding: DetectedEncoding | undefined;
  readonly chunks: AsyncIterable<SourceRow[]>;
  /** How much of the file has been read, 0–1 (by bytes). */
  readonly fraction: () => number;
}

const FORMAT_BY_EXTENSION: Readonly<Record<string, EnrolmentFormat>> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.xlsx': 'xlsx',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

export const DEFAULT_CHUNK_SIZE = 2000;

export async function openEnrolment(
  path: string,
  options: OpenEnrolmentOptions = {},
): Promise<EnrolmentSource> {
  const format = options.format ?? FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
  if (format === undefined) {
    throw inputMalformedError(
      `cannot tell the format of ${extname(path) || 'a file without extension'}; pass --format csv|xlsx|jsonl`,
    );
  }
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw inputMalformedError('chunkSize must be a positive integer');
  const table: TableReadOptions = {
    mapping: await resolveMapping(options.mapping),
    chunkSize,
    startAfterRow: options.startAfterRow ?? 0,
  };
  const progress = new ByteProgress((await stat(path)).size);
  const fraction = () => progress.fraction();
  if (format === 'xlsx') {
    const input = progress.watch(createReadStream(path));
    return { format, encoding: undefined, chunks: readXlsxChunks(input, table), fraction };
  }

  const requested = options.encoding ?? 'auto';
  const encoding: DetectedEncoding = requested === 'auto' ? await detectFileEncoding(path) : requested;
  const onBytes = (n: number) => progress.add(n);
  const decode = options.readSize === undefined ? { onBytes } : { readSize: options.readSize, onBytes };
  const text = decodeFile(path, encoding, decode);
  const chunks = format === 'csv' ? readCsvChunks(text, table) : readJsonlChunks(text, table);
  return { format, encoding, chunks, fraction };
}

async function resolveMapping(mapping: MappingFile | string | undefined): Promise<MappingFile | undefined> {
  if (mapping === undefined) return undefined;
  return typeof mapping === 'string' ? loadMappingFile(mapping) : parseMapping(mapping);
}
