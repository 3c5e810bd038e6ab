/**
 * In-process rig for the SSSE tests: an EmulatedSsseApp built from a synthetic resident, served
 * as a card of its own on an EmulatedChip (T=1, or T=0 with 61xx and GET RESPONSE), and the
 * test PSAM. Transcripts keep data in clear: the cards are synthetic.
 */
import {
  type CardChannel,
  PsamClient,
  PsamPinGuard,
  type TranscriptEntry,
  withTranscript,
} from '@hcard/card-core';
import {
  type BuildSsseOptions,
  type BuiltSsseCard,
  buildPsamImage,
  buildSsseImage,
  EmulatedChip,
  EmulatedPsam,
  EmulatedSsseApp,
  generateResident,
  type PsamImage,
  TEST_PSAM_PIN,
} from '@hcard/emulator';

/** The application alone on an emulated chip (T=0 hands data out behind 61xx, ISO/IEC 7816-3 §10.3.4). */
export function appChannel(app: EmulatedSsseApp, protocol: 'T=0' | 'T=1' = 'T=1'): CardChannel {
  return new EmulatedChip({ applications: [app], atr: app.atr, protocol });
}

export interface SsseRig {
  readonly built: BuiltSsseCard;
  readonly app: EmulatedSsseApp;
  readonly card: CardChannel;
  readonly cardLog: TranscriptEntry[];
  readonly psam: EmulatedPsam;
  readonly psamClient: PsamClient;
}

export function ssseRig(
  seed: number | string,
  options: BuildSsseOptions & { protocol?: 'T=0' | 'T=1'; psamImage?: PsamImage } = {},
): SsseRig {
  const built = buildSsseImage(generateResident(seed), { seed, ...options });
  const app = new EmulatedSsseApp(built.image);
  const cardLog: TranscriptEntry[] = [];
  const card = withTranscript(appChannel(app, options.protocol), (e) => cardLog.push(e), {
    privacy: 'secrets-only',
  });
  const psam = new EmulatedPsam(options.psamImage ?? buildPsamImage());
  // A guard of its own per rig, so one test's refused PIN never blocks another's.
  const psamClient = new PsamClient(psam, { pinGuard: new PsamPinGuard() });
  return { built, app, card, cardLog, psam, psamClient };
}

export const testPsam = (rig: SsseRig) => ({ client: rig.psamClient, pin: TEST_PSAM_PIN });

/** CLA INS P1 P2 of a transcript entry, as hex. */
export const header = (e: TranscriptEntry): string =>
  Array.from(e.command.subarray(0, 4), (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();

/** Keys of another issuer: a card made with them is a forgery to the test PSAM and HSM. */
export { FORGED_SSSE_KEYS as FORGED_KEYS } from '../support/forgery.js';
