/** `hcard watch`: one line per reader or card event until Ctrl-C or SIGTERM. */
import { toHex } from '@hcard/card-core';
import type { ReaderEvent } from '@hcard/reader-driver';
import { openPcscDriver } from '../card/pcsc.js';
import { defineCommand } from '../shared/command.js';
import { toJson } from '../shared/json.js';
import { stopSignal } from '../shared/stop-signal.js';

export const watchCommand = defineCommand({
  name: 'watch',
  summary: 'print reader and card events until stopped',
  description: `
Prints the PC/SC readers and cards present now, then every change: reader-added,
reader-removed, card-inserted (with the ATR), card-removed. Each event carries its reader's
counter, which increases by one per event and never goes back, so a gap means a missed
event. Follows pcscd across restarts. Stops at Ctrl-C or SIGTERM.`,
  options: {
    json: { type: 'boolean', description: 'print JSON lines: time, type, reader, counter, atr' },
  },
  examples: ['hcard watch', 'hcard watch --json'],
  run: async (options, io) => {
    const stop = stopSignal();
    const driver = openPcscDriver();
    try {
      // Fails now, with the usual one line, if the service is not running.
      await driver.list();
      const watch = driver.watch();
      void stop.stopped.then(() => watch.close());
      for await (const event of watch) io.out(options.json ? eventJson(event) : eventLine(event));
      return 0;
    } finally {
      stop.dispose();
      await driver.close();
    }
  },
});

/** One JSON object per line (the ATR, a byte array, becomes hex). */
function eventJson(event: ReaderEvent): string {
  const { type, reader, counter } = event;
  const atr = event.type === 'card-inserted' ? { atr: event.atr } : {};
  return toJson({ time: new Date().toISOString(), type, reader, counter, ...atr }, false);
}

function eventLine(event: ReaderEvent): string {
  const now = new Date();
  const time = [now.getHours(), now.getMinutes(), now.getSeconds()]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
  const atr = event.type === 'card-inserted' ? `  ${toHex(event.atr)}` : '';
  const ms = String(now.getMilliseconds()).padStart(3, '0');
  return `${time}.${ms}  ${event.type.padEnd(14)}  ${event.reader}  #${event.counter}${atr}`;
}
