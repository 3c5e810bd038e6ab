/**
 * One prepare run in a process of its own, so its peak RSS is its own: `prepare` (the real
 * pipeline) or `floor` (the same file streamed into the same store, no validation, no encoding:
 * each row's text as its payload). Prints one JSON line: { mode, rows, ms, maxRssMb }.
 *   tsx tests/bench/issue/prepare-child.ts prepare|floor INPUT STORE_URL
 */
import { TEST_KEY_STORE, testCertificate } from '@hcard/emulator';
import {
  issuanceSettings,
  openEnrolment,
  openJournal,
  type PreparedRow,
  prepareBatch,
  TEST_ISSUER_CONFIG,
} from '@hcard/issuance';

const [mode, input, store] = process.argv.slice(2);
if ((mode !== 'prepare' && mode !== 'floor') || !input || !store) {
  console.error('usage: prepare-child.ts prepare|floor INPUT STORE_URL');
  process.exit(2);
}

const journal = await openJournal(store, { commitThread: process.env.HCARD_BENCH_COMMIT_THREAD !== '0' });
const started = performance.now();
let rows = 0;
if (mode === 'prepare') {
  const settings = issuanceSettings(
    { ...TEST_ISSUER_CONFIG, issueDate: '20261130' },
    testCertificate('issuer'),
  );
  const result = await prepareBatch({
    input,
    batch: 'bench',
    journal,
    settings,
    securityCodes: (cards) => TEST_KEY_STORE.securityCodes(cards),
  });
  rows = result.rows;
} else {
  const encoder = new TextEncoder();
  await journal.openBatch('bench', {
    inputDigest: 'floor',
    optionsDigest: 'floor',
    template: new Uint8Array(0),
  });
  const source = await openEnrolment(input, { chunkSize: 4000 });
  for await (const chunk of source.chunks) {
    if (chunk.length === 0) continue;
    const prepared: PreparedRow[] = chunk.map((row) => ({
      rowNumber: row.rowNumber,
      idNumber: row.values.idNumber ?? '',
      township: row.values.township ?? '',
      village: row.values.village ?? '',
      payload: encoder.encode(Object.values(row.values).join('|')),
    }));
    const outcome = await journal.commitChunk('bench', prepared, chunk[chunk.length - 1]!.rowNumber);
    rows += chunk.length;
    void outcome;
  }
}
const ms = performance.now() - started;
await journal.close();
console.log(JSON.stringify({ mode, rows, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
