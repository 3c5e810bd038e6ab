/**
 * Benchmark stage: ingest + validation alone, on a generated CSV of synthetic rows (valid
 * checksums, today's county codes, a few planted faults), next to a floor that only parses the
 * same CSV with csv-parse. Reports rows/s of each and heap growth.
 * Run alone: tsx tests/bench/issue/ingest-validate.ts [rows] [encoding utf-8|gbk]
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEnrolment } from '../../../packages/issuance/src/ingest/index.js';
import { createValidator, isRejection } from '../../../packages/issuance/src/validate/index.js';
import { enrolmentSheet, PLANTABLE } from '../../support/enrolment.js';
import { writeSheet } from '../../support/enrolment-files.js';

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

/** The shared synthetic sheet (tests/support/enrolment.ts), every 50th row or so with a fault. */
export async function writeEnrolmentCsv(
  path: string,
  rows: number,
  encoding: 'utf-8' | 'gbk',
): Promise<void> {
  const faults = Object.fromEntries(PLANTABLE.map((r) => [r, Math.max(1, Math.floor(rows / 550))]));
  await writeSheet(
    enrolmentSheet({ rows, faults, seed: 50 }),
    path,
    encoding === 'gbk' ? 'csv-gb18030' : 'csv',
  );
}

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
