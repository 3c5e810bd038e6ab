/**
 * Opens a PC/SC driver, lists the readers and closes it, N times in one process; prints
 * "closed N drivers". For tests/pcsc/pcsc-close.e2e.test.ts, which runs it in a child process
 * so that a blocked pcscd cannot block the test runner too.
 */
import { PcscDriver } from '@hcard/reader-driver';

const cycles = Number(process.argv[2] ?? 1);
for (let i = 0; i < cycles; i++) {
  const driver = new PcscDriver();
  await driver.list();
  await driver.close();
}
console.log(`closed ${cycles} drivers`);
