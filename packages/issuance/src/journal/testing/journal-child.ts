/**
 * A journal client in its own process, for the shared suite's concurrency and crash tests:
 *
 *   claim URL BATCH STATION   waits for "go" on stdin, then claims 1–3 jobs at a time and marks
 *                             each issued until the batch has none left; prints the row numbers
 *                             it claimed as one JSON line.
 *   prepare URL BATCH CHUNK   commits chunks of CHUNK synthetic rows after the watermark, forever,
 *                             printing "committing N" before each commit and "committed N"
 *                             after it; the test kills it with SIGKILL during a commit.
 */
import { createInterface } from 'node:readline';
import { openJournal } from '../open-journal.js';
import { preparedRows, SYNTHETIC_SOURCE } from './synthetic-rows.js';

const [mode, url, batch, arg] = process.argv.slice(2);
if (!mode || !url || !batch || !arg) throw new Error('usage: journal-child claim|prepare URL BATCH ARG');
const journal = await openJournal(url);

if (mode === 'claim') {
  const station = arg;
  process.stdout.write('ready\n');
  for await (const line of createInterface({ input: process.stdin })) if (line === 'go') break;
  const claimed: number[] = [];
  for (let round = 0; ; round++) {
    const jobs = await journal.claim(batch, station, 1 + (round % 3));
    if (jobs.length === 0) break;
    // A card takes time to encode: without a pause, on a loaded machine one station could take
    // every job before the others are scheduled, and the test would prove nothing.
    await new Promise((resolve) => setTimeout(resolve, 2));
    for (const job of jobs) {
      claimed.push(job.rowNumber);
      await journal.markIssued(batch, job.rowNumber, station, {
        chipSerial: `${station}-${job.rowNumber}`,
        atr: '3B00',
      });
    }
  }
  process.stdout.write(`${JSON.stringify(claimed)}\n`);
} else if (mode === 'prepare') {
  const chunk = Number(arg);
  let through = (await journal.openBatch(batch, SYNTHETIC_SOURCE)).preparedThrough;
  for (;;) {
    const rows = preparedRows(through + 1, through + chunk);
    process.stdout.write(`committing ${through + chunk}\n`);
    await journal.commitChunk(batch, rows, through + chunk);
    through += chunk;
    process.stdout.write(`committed ${through}\n`);
  }
}
await journal.close();
process.stdin.destroy();
