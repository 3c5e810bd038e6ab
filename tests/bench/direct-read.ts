/**
 * The read the benchmarks compare the gateway against, as an HIS linking a driver does it:
 * connect the card and the PSAM, open the session, read the sections, close both.
 */
import { HealthCardSession, PsamClient, type Section } from '@hcard/card-core';
import { TEST_SESSION_OPTIONS } from '@hcard/emulator';
import type { ReaderDriver } from '@hcard/reader-driver';

/** Milliseconds one direct read of `sections` takes; throws if the card or PSAM refuses. */
export async function timedDirectRead(
  driver: ReaderDriver,
  user: string,
  psam: string,
  sections: readonly Section[],
): Promise<number> {
  const started = performance.now();
  const card = await driver.connect(user);
  const sam = await driver.connect(psam);
  const opened = await HealthCardSession.open(card, new PsamClient(sam), TEST_SESSION_OPTIONS);
  if (!opened.ok) throw new Error(opened.refusal.meaning);
  const read = await opened.value.readCard(sections);
  if (!read.ok) throw new Error(read.refusal.meaning);
  await Promise.all([card.close(), sam.close()]);
  return performance.now() - started;
}
