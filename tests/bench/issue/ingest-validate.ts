/**
 * Benchmark stage: ingest + validation alone, on a generated CSV of synthetic rows (valid
 * checksums, today's county codes, a few planted faults), next to a floor that only parses the
 * same CSV with csv-parse. Reports rows/s of each and heap growth.
 * Run alone: tsx tests/bench/issue/ingest-validate.ts [rows] [encoding utf-8|gbk]
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countyCodes, gb11643CheckDigit } from '@hcard/card-core';
import { openEnrolment } from '../../../packages/issuance/src/ingest/index.js';
import { DEFAULT_COLUMNS, ENROLMENT_FIELDS } from '../../../packages/issuance/src/model.js';
import { createValidator, isRejection } from '../../../packages/issuance/src/validate/index.js';

export interface IngestValidateOptions {
  readonly rows: number;
  readonly encoding?: 'utf-8' | 'gbk';
}

export interface IngestValidateResult {
  readonly rows: number;
  readonly rejected: number;
  readonly ingestValidatePerSec: number;
  /** Rows per CPU-second of this process (ingest + validate). */
  readonly ingestValidatePerCpuSec: number;
  readonly ingestOnlyPerSec: number;
  readonly parseFloorPerSec: number;
  readonly heapGrowthMb: number;
}

// tests/ does not depend on the issuance package's libraries: load them from there.
const issuanceRequire = createRequire(new URL('../../../packages/issuance/package.json', import.meta.url));
const { parse } = issuanceRequire('csv-parse') as { parse: (options: object) => NodeJS.ReadWriteStream };
const iconv = issuanceRequire('iconv-lite') as { encode: (text: string, encoding: string) => Buffer };

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰';

/** Synthetic row i as CSV (deterministic; every 50th row carries a fault). */
function csvLine(i: number, counties: readonly string[]): string {
  const county = counties[i % counties.length]!;
  const year = 1940 + (i % 80);
  const month = 1 + (i % 12);
  const day = 1 + (i % 28);
  const birth = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  const seq = String(1 + (i % 998)).padStart(3, '0');
  const first17 = county + birth + seq;
  let id = first17 + gb11643CheckDigit(first17);
  if (i % 50 === 7) id = `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`; // ID_CHECKSUM
  const male = Number(seq[2]) % 2 === 1;
  const name =
    SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + GIVEN[(i * 13) % GIVEN.length]!;
  const phone = `1${3 + (i % 7)}${String(100000000 + (i % 899999999)).padStart(9, '0')}`;
  return [
    name,
    male ? '男' : '女',
    i % 10 === 0 ? '回族' : '汉族',
    i % 3 === 0 ? `${year}-${month}-${day}` : birth,
    id,
    phone,
    `河南省郑州市金水区花园路${i % 300}号`,
    id,
    '城关镇',
    `第${i % 20}村`,
  ].join(',');
}

export async function writeEnrolmentCsv(
  path: string,
  rows: number,
  encoding: 'utf-8' | 'gbk',
): Promise<void> {
  const counties = countyCodes();
  const out = createWriteStream(path);
  const encode = (s: string) => (encoding === 'gbk' ? iconv.encode(s, 'gbk') : Buffer.from(s, 'utf8'));
  out.write(encode(`${ENROLMENT_FIELDS.map((f) => DEFAULT_COLUMNS[f]).join(',')}\n`));
  let buffer = '';
  for (let i = 1; i <= rows; i++) {
    buffer += `${csvLine(i, counties)}\n`;
    if (i % 5000 === 0 || i === rows) {
      if (!out.write(encode(buffer))) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error) => (e ? reject(e) : resolve())));
}

/** Wall time, and this process's CPU time (steadier on a shared, busy machine). */
async function timed(
  f: () => Promise<number>,
): Promise<{ seconds: number; cpuSeconds: number; count: number }> {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const count = await f();
  const used = process.cpuUsage(cpu);
  return {
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    cpuSeconds: (used.user + used.system) / 1e6,
    count,
  };
}

export async function benchIngestValidate(opts: IngestValidateOptions): Promise<IngestValidateResult> {
  const dir = await mkdtemp(join(tmpdir(), 'hcard-bench-ingest-'));
  const path = join(dir, 'enrolment.csv');
  try {
    await writeEnrolmentCsv(path, opts.rows, opts.encoding ?? 'utf-8');
    const validate = createValidator({ today: '20240601' });

    const floor = await timed(async () => {
      let n = 0;
      const parser = createReadStream(path).pipe(parse({ bom: true, relax_column_count: true }));
      for await (const _ of parser) n++;
      return n - 1;
    });
    const ingest = await timed(async () => {
      let n = 0;
      for await (const chunk of (await openEnrolment(path)).chunks) n += chunk.length;
      return n;
    });
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let rejected = 0;
    let heapPeak = heapBefore;
    const both = await timed(async () => {
      let n = 0;
      for await (const chunk of (await openEnrolment(path)).chunks) {
        for (const row of chunk) if (isRejection(validate(row))) rejected++;
        n += chunk.length;
        if (n % 100_000 < chunk.length) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      }
      return n;
    });
    return {
      rows: both.count,
      rejected,
      ingestValidatePerSec: both.count / both.seconds,
      ingestValidatePerCpuSec: both.count / both.cpuSeconds,
      ingestOnlyPerSec: ingest.count / ingest.seconds,
      parseFloorPerSec: floor.count / floor.seconds,
      heapGrowthMb: (heapPeak - heapBefore) / 2 ** 20,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.argv[2] ?? 200_000);
  const encoding = (process.argv[3] ?? 'utf-8') as 'utf-8' | 'gbk';
  const r = await benchIngestValidate({ rows, encoding });
  const f = (x: number) => Math.round(x).toLocaleString('en-US');
  console.log(`ingest+validate ${encoding} CSV, ${f(r.rows)} rows (${f(r.rejected)} rejected):`);
  console.log(
    `  ingest + validate   ${f(r.ingestValidatePerSec)} rows/s (${(1e6 / r.ingestValidatePerSec).toFixed(2)} µs/row)`,
  );
  console.log(
    `  per CPU-second      ${f(r.ingestValidatePerCpuSec)} rows/s (${(1e6 / r.ingestValidatePerCpuSec).toFixed(2)} µs/row)`,
  );
  console.log(`  ingest only         ${f(r.ingestOnlyPerSec)} rows/s`);
  console.log(`  csv-parse floor     ${f(r.parseFloorPerSec)} rows/s`);
  console.log(`  heap growth (peak)  ${r.heapGrowthMb.toFixed(1)} MB`);
}
