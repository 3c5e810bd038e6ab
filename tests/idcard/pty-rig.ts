/**
 * For tests: an emulated ID-card reader served on one end of a socat pty pair, and the real
 * serial transport (serialport) on the other, as a desk PC would see a USB-serial reader.
 */
import {
  EmulatedIdCardReader,
  type PtyPair,
  type ServedIdCardReader,
  serveIdCardReader,
  startPtyPair,
} from '@hcard/emulator';
import { IdCardReader, type IdCardTimeouts, openSerialTransport } from '@hcard/reader-driver';

export interface PtyRig {
  readonly pair: PtyPair;
  readonly device: EmulatedIdCardReader;
  /** Where the driver side is (the port a desk would name). */
  readonly port: string;
  /** A reader on the driver side, when asked for. */
  readonly reader: IdCardReader;
  stop(): Promise<void>;
}

/**
 * Starts socat and serves `device` on one end. Time limits are the spec's unless given: tests
 * that share 2 CPUs with others widen find and select, which are 100 ms in spec C.3.
 */
export async function startPtyRig(
  device = new EmulatedIdCardReader(),
  timeouts: Partial<IdCardTimeouts> = { find: 1000, select: 1000 },
): Promise<PtyRig> {
  const pair = await startPtyPair();
  let served: ServedIdCardReader | undefined;
  try {
    served = serveIdCardReader(device, pair.b);
    const reader = new IdCardReader(await openSerialTransport(pair.a), { timeouts });
    return {
      pair,
      device,
      port: pair.a,
      reader,
      stop: async () => {
        await reader.close();
        await served!.close();
        await pair.stop();
      },
    };
  } catch (e) {
    await served?.close();
    await pair.stop();
    throw e;
  }
}
