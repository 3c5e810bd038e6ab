/** Opening the PC/SC driver for a command: a missing PC/SC library counts as no service. */
import { hcardError } from '@hcard/card-core';
import { PcscDriver, type PcscDriverOptions } from '@hcard/reader-driver';

export function openPcscDriver(options: PcscDriverOptions = {}): PcscDriver {
  try {
    return new PcscDriver(options);
  } catch (e) {
    // The pcsclite binding loads libpcsclite when the driver starts.
    throw hcardError(
      'HCARD_E_PCSC_NO_SERVICE',
      `the PC/SC library cannot be loaded (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
      {},
      e,
    );
  }
}
