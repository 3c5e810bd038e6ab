import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gb11643CheckDigit, HcardError } from '@hcard/card-core';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COLUMNS, ENROLMENT_FIELDS, type RejectReason, type SourceRow } from '../model.js';
import { createValidator, isRejection } from '../validate/index.js';
import { type OpenEnrolmentOptions, openEnrolment } from './open-enrolment.js';
import { detectEncoding } from './text-decoding.js';

// A dozen synthetic people (none is real). 11010519491231002X is GB 11643's example number;
// the others take their check character from gb11643CheckDigit. One row per reason validation
// owns, 𠮷 (outside BMP and outside GBK), 喆 and 镕 (GBK, not GB 2312), ideographic spaces.
const id = (first17: string) => first17 + gb11643CheckDigit(first17);
const HEADER = ENROLMENT_FIELDS.map((f) => DEFAULT_COLUMNS[f]);
type Cells = readonly [string, string, string, string, string, string, string, string, string, string];
const FIXTURE: readonly (readonly [Cells, RejectReason | 'ok'])[] = [
  [
    [
      '张三',
      '女',
      '汉族',
      '19491231',
      '11010519491231002X',
      '13812345678',
      '北京市朝阳区花园路1号',
      '',
      '城关镇',
      '东村',
    ],
    'ok',
  ],
  [['', '女', '汉族', '19491231', '11010519491231002X', '', '', '', '城关镇', '东村'], 'FIELD_MISSING'],
  [['李四', '男', '汉族', '19491231', '110105491231002', '', '', '', '城关镇', '东村'], 'ID_FORMAT'],
  [['王五', '女', '汉族', '19491231', '110105194912310021', '', '', '', '城关镇', '东村'], 'ID_CHECKSUM'],
  [
    ['赵六', '女', '汉族', '19491231', id('11999919491231002'), '', '', '', '城关镇', '西村'],
    'ID_REGION_UNKNOWN',
  ],
  [['钱七', '女', '汉族', '1949-12-30', '11010519491231002X', '', '', '', '城关镇', '西村'], 'ID_BIRTHDATE'],
  [['孙八', '男', '汉族', '19491231', '11010519491231002X', '', '', '', '城关镇', '西村'], 'ID_SEX_MISMATCH'],
  [['周九', '女', '火星', '19491231', '11010519491231002X', '', '', '', '新镇', '南村'], 'ETHNICITY_UNKNOWN'],
  [
    ['吴十', '女', '汉族', '19491231', '11010519491231002X', '12345', '', '', '新镇', '南村'],
    'PHONE_INVALID',
  ],
  [
    ['张𠮷', '女', '汉族', '19491231', '11010519491231002X', '', '', '', '新镇', '南村'],
    'CHAR_NOT_ENCODABLE',
  ],
  [
    ['郑一', '女', '汉族', '19491231', '11010519491231002X', '', '路'.repeat(51), '', '新镇', '北村'],
    'FIELD_TOO_LONG',
  ],
  [
    [
      '\u3000王喆\u3000',
      ' 男 ',
      '回族',
      '1990年3月7日',
      id('11010519900307123'),
      '010-12345678',
      '',
      '',
      '新镇',
      '北村',
    ],
    'ok',
  ],
  [
    [
      '朱镕',
      '女',
      '蒙古',
      '1949.12.31',
      '11010519491231002x',
      '+86 138 1234 5678',
      '',
      '110105194912310',
      '新镇',
      '北村',
    ],
    'ok',
  ],
];
const OUTSIDE_GBK_ROW = 10; // 张𠮷: GBK cannot hold it

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hcard-ingest-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
function csvText(rows: readonly Cells[], header: readonly string[] = HEADER): string {
  return `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

async function write(name: string, data: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, data);
  return path;
}

async function readAll(path: string, options: OpenEnrolmentOptions = {}) {
  const source = await openEnrolment(path, options);
  const chunks: SourceRow[][] = [];
  for await (const chunk of source.chunks) chunks.push(chunk);
  return { encoding: source.encoding, chunks, rows: chunks.flat(), fraction: source.fraction() };
}

/** What every format must give for `cells`: all fields, trimmed, numbered from 1. */
function expectedRows(cells: readonly Cells[]): SourceRow[] {
  return cells.map((c, i) => ({
    rowNumber: i + 1,
    values: Object.fromEntries(ENROLMENT_FIELDS.map((f, k) => [f, c[k]!.trim()])),
  }));
}

async function writeXlsx(
  name: string,
  rows: readonly (readonly unknown[])[],
  header: readonly string[] = HEADER,
) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('报名表');
  sheet.addRow([...header]);
  for (const r of rows) sheet.addRow([...r]);
  const other = workbook.addWorksheet('其他');
  other.addRow(['not read']);
  other.addRow(['not read either']);
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

const allCells = FIXTURE.map(([c]) => c);
const gbkCells = allCells.filter((_, i) => i !== OUTSIDE_GBK_ROW - 1);

describe('the same enrolment in every format', () => {
  it('UTF-8 CSV gives every field trimmed, numbered from 1, and detects utf-8', async () => {
    const { rows, encoding } = await readAll(await write('utf8.csv', csvText(allCells)));
    expect(encoding).toBe('utf-8');
    expect(rows).toEqual(expectedRows(allCells));
    expect(rows[11]!.values.name).toBe('王喆'); // U+3000 trimmed
  });

  it('UTF-8 CSV with a BOM gives the same rows', async () => {
    const path = await write('bom.csv', `\ufeff${csvText(allCells)}`);
    const { rows, encoding } = await readAll(path);
    expect(encoding).toBe('utf-8');
    expect(rows).toEqual(expectedRows(allCells));
  });

  it('GBK CSV is detected as gbk and gives the same rows', async () => {
    const path = await write('gbk.csv', iconv.encode(csvText(gbkCells), 'gbk'));
    const { rows, encoding } = await readAll(path);
    expect(encoding).toBe('gbk');
    expect(rows).toEqual(expectedRows(gbkCells));
  });

  it('GB18030 CSV (𠮷 as four bytes) is detected as gb18030 and gives the same rows', async () => {
    const path = await write('gb18030.csv', iconv.encode(csvText(allCells), 'gb18030'));
    const { rows, encoding } = await readAll(path);
    expect(encoding).toBe('gb18030');
    expect(rows).toEqual(expectedRows(allCells));
  });

  it('a GBK byte after an all-ASCII first block is an error naming --encoding gbk, which reads it', async () => {
    // English field names as headers and ~190 KB of ASCII rows: auto sees UTF-8 in the first block.
    const cells = Array.from(
      { length: 3000 },
      (_, i) => [`Zhang${i}`, '2', '1', '19491231', '11010519491231002X', '', '', '', '', ''] as Cells,
    );
    cells.push([
      '王喆',
      '1',
      '1',
      '19900307',
      id('11010519900307123'),
      '',
      '',
      '',
      '',
      '',
    ] as unknown as Cells);
    const path = await write('late-gbk.csv', iconv.encode(csvText(cells, ENROLMENT_FIELDS), 'gbk'));
    await expect(readAll(path)).rejects.toThrow(
      /not valid UTF-8 near byte \d+; if it is GBK, pass --encoding gbk/,
    );
    const { rows } = await readAll(path, { encoding: 'gbk' });
    expect(rows.at(-1)!.values.name).toBe('王喆');
  });

  it('XLSX (dates as date cells, rich text, other sheets ignored) gives the same rows', async () => {
    const xlsxRows = allCells.map((c, i) => {
      const cells: unknown[] = [...c];
      if (i === 0) cells[3] = new Date(Date.UTC(1949, 11, 31)); // a date cell for 19491231
      if (i === 12) cells[0] = { richText: [{ text: '朱' }, { text: '镕', font: { bold: true } }] };
      return cells;
    });
    const { rows, encoding } = await readAll(await writeXlsx('enrolment.xlsx', xlsxRows));
    expect(encoding).toBeUndefined();
    expect(rows).toEqual(expectedRows(allCells));
  });

  it('JSONL keyed by the Chinese headers or the English field names gives the same rows', async () => {
    const lines = allCells.map((c, i) => {
      const keys = i === 12 ? ENROLMENT_FIELDS : HEADER;
      return JSON.stringify(Object.fromEntries(keys.map((k, j) => [k, c[j]])));
    });
    const { rows } = await readAll(await write('enrolment.jsonl', `${lines.join('\n')}\n`));
    expect(rows).toEqual(expectedRows(allCells));
  });

  it('validation gives each row its planted reason, whatever the format', async () => {
    const validate = createValidator({ today: '20240601' });
    const { rows } = await readAll(await write('reasons.csv', csvText(allCells)));
    const reasons = rows.map((r) => {
      const result = validate(r);
      return isRejection(result) ? result.reason : 'ok';
    });
    expect(reasons).toEqual(FIXTURE.map(([, reason]) => reason));
  });
});

describe('text decoding', () => {
  it('a character cut between reads decodes whole (UTF-8 and GB18030, every read size 1–7)', async () => {
    const utf8 = await write('cut.csv', csvText(allCells));
    const gb = await write('cut-gb.csv', iconv.encode(csvText(allCells), 'gb18030'));
    for (let readSize = 1; readSize <= 7; readSize++) {
      expect((await readAll(utf8, { readSize })).rows).toEqual(expectedRows(allCells));
      expect((await readAll(gb, { readSize, encoding: 'gbk' })).rows).toEqual(expectedRows(allCells));
    }
  });

  it('auto-detection allows a UTF-8 character cut at the block’s end, unless the block is the whole file', () => {
    const bytes = new TextEncoder().encode('姓名,王喆');
    const cut = bytes.subarray(0, bytes.length - 1); // the last character loses its last byte
    expect(detectEncoding(cut, false)).toBe('utf-8');
    expect(detectEncoding(cut, true)).toBe('gbk');
    expect(detectEncoding(iconv.encode('姓名,王喆', 'gbk'), false)).toBe('gbk');
  });
});

describe('columns and mapping', () => {
  const RENAMED = { name: 'Full name', idNumber: 'ID', birthDate: 'DOB' } as const;
  const renamedHeader = ENROLMENT_FIELDS.map(
    (f) => (RENAMED as Record<string, string>)[f] ?? DEFAULT_COLUMNS[f],
  );

  it('a mapping renames headers (as an object or a file path); extra columns are ignored', async () => {
    const withExtra = allCells.map((c) => ['备注', ...c] as unknown as Cells);
    const path = await write('mapped.csv', csvText(withExtra, ['备注x', ...renamedHeader]));
    const mapping = { columns: RENAMED };
    expect((await readAll(path, { mapping })).rows).toEqual(expectedRows(allCells));
    const mappingPath = await write('mapping.json', JSON.stringify(mapping));
    expect((await readAll(path, { mapping: mappingPath })).rows).toEqual(expectedRows(allCells));
  });

  it('a missing required column is one catalogue error naming the missing headers, before any row', async () => {
    const header = HEADER.filter((h) => h !== '身份证号' && h !== '性别');
    const path = await write('missing.csv', csvText([header.map(() => 'x') as unknown as Cells], header));
    const source = await openEnrolment(path);
    const chunks = source.chunks[Symbol.asyncIterator]();
    const error = await chunks.next().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HcardError);
    expect((error as HcardError).code).toBe('HCARD_E_ISSUE_INPUT_COLUMNS');
    expect((error as HcardError).message).toMatch(/no column 性别, 身份证号/);
  });

  it('a missing mapped column is named by its mapped header', async () => {
    const path = await write('missing-mapped.csv', csvText([], HEADER));
    await expect(readAll(path, { mapping: { columns: { idNumber: 'ID' } } })).rejects.toThrow(
      /no column ID$/,
    );
  });

  it.each([
    [{ columns: { nickname: 'x' } }, /unknown field "nickname"/],
    [{ columns: { name: '' } }, /"name" must be a non-empty string/],
    [{ columns: { name: 'A', village: 'A' } }, /both map to the header "A"/],
    [{ cols: {} }, /"columns" must be an object/],
  ])('mapping %j is refused', async (mapping, message) => {
    const path = await write('any.csv', csvText(allCells));
    const error = await readAll(path, { mapping: mapping as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HcardError);
    expect((error as HcardError).code).toBe('HCARD_E_ISSUE_MAPPING_INVALID');
    expect((error as Error).message).toMatch(message);
  });
});

describe('rows, chunks and resume', () => {
  it('blank records are skipped but keep their number, alike in CSV, JSONL and XLSX', async () => {
    const a = allCells[0]!;
    const b = allCells[11]!;
    const csv = await write(
      'blank.csv',
      `${HEADER.join(',')}\n${a.join(',')}\n\n,,,,,,,,,\n${b.join(',')}\n\n`,
    );
    const jsonl = await write(
      'blank.jsonl',
      [a, undefined, undefined, b]
        .map((c) => (c ? JSON.stringify(Object.fromEntries(HEADER.map((h, j) => [h, c[j]]))) : ''))
        .join('\n'),
    );
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.getRow(1).values = [...HEADER];
    sheet.getRow(2).values = [...a];
    sheet.getRow(5).values = [...b];
    const xlsx = join(dir, 'blank.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    for (const path of [csv, jsonl, xlsx]) {
      expect((await readAll(path)).rows.map((r) => [r.rowNumber, r.values.name])).toEqual([
        [1, '张三'],
        [4, '王喆'],
      ]);
    }
  });

  it('chunks hold chunkSize rows; startAfterRow skips rows up to it', async () => {
    const path = await write('chunks.csv', csvText(allCells));
    const { chunks, fraction } = await readAll(path, { chunkSize: 5 });
    expect(chunks.map((c) => c.length)).toEqual([5, 5, 3]);
    expect(fraction).toBe(1);
    const resumed = await readAll(path, { chunkSize: 5, startAfterRow: 8 });
    expect(resumed.rows.map((r) => r.rowNumber)).toEqual([9, 10, 11, 12, 13]);
    expect(resumed.rows).toEqual(expectedRows(allCells).slice(8));
  });

  it('XLSX rows count from the header row, wherever it is', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.getRow(3).values = [...HEADER]; // two empty rows above the header
    sheet.getRow(4).values = [...allCells[0]!];
    const path = join(dir, 'low-header.xlsx');
    await workbook.xlsx.writeFile(path);
    expect((await readAll(path)).rows).toEqual(expectedRows([allCells[0]!]));
  });

  it('startAfterRow works alike for XLSX and JSONL', async () => {
    const xlsx = await writeXlsx('resume.xlsx', allCells);
    const jsonl = await write(
      'resume.jsonl',
      allCells.map((c) => JSON.stringify(Object.fromEntries(HEADER.map((h, j) => [h, c[j]])))).join('\n'),
    );
    for (const path of [xlsx, jsonl]) {
      expect((await readAll(path, { startAfterRow: 11 })).rows).toEqual(expectedRows(allCells).slice(11));
    }
  });
});

describe('cells and broken files', () => {
  it('XLSX numbers are written out without exponent; an ID typed as a number keeps what is left', async () => {
    const cells = [...allCells[0]!] as unknown[];
    cells[4] = 110105194912310020; // typed as a number: floating point already changed its digits
    cells[5] = 13812345678;
    const { rows } = await readAll(await writeXlsx('numbers.xlsx', [cells]));
    expect(rows[0]!.values.idNumber).toBe('110105194912310016');
    expect(rows[0]!.values.phone).toBe('13812345678');
    const result = createValidator({ today: '20240601' })(rows[0]!);
    expect(isRejection(result) && result.reason).toBe('ID_CHECKSUM');
  });

  it('a JSONL line that is not JSON is a catalogue error naming the line', async () => {
    const good = JSON.stringify(Object.fromEntries(HEADER.map((h, j) => [h, allCells[0]![j]])));
    const path = await write('broken.jsonl', `${good}\n${good}\n{"姓名": "张三",\n${good}\n`);
    await expect(readAll(path)).rejects.toThrow(/JSONL line 3 is not JSON/);
    await expect(readAll(path)).rejects.toMatchObject({ code: 'HCARD_E_ISSUE_INPUT_INVALID' });
  });

  it('an unterminated CSV quote is a catalogue error naming the line', async () => {
    const path = await write('broken.csv', `${HEADER.join(',')}\n${allCells[0]!.join(',')}\n"张三,女\n`);
    const error = await readAll(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HcardError);
    expect((error as Error).message).toMatch(/CSV line \d+/);
  });
});
