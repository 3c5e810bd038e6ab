/**
 * Test rig: a generated card and the test PSAM in-process, with transcripts of both channels.
 * The transcripts are made as a desk would make them, with personal data masked (the default
 * of withTranscript): tests look at headers, lengths and status words, not at card data. Pass
 * `transcript: { privacy: 'secrets-only' }` for the data in clear (the card is synthetic).
 */
import {
  type CardChannel,
  HealthCardSession,
  type HealthCardSessionOptions,
  PsamClient,
  type TranscriptEntry,
  type TranscriptOptions,
  withTranscript,
} from '@hcard/card-core';
import {
  type BuildCardOptions,
  type BuiltCard,
  buildPsamImage,
  EmulatedHealthCard,
  type EmulatedHealthCardOptions,
  EmulatedPsam,
  generateCard,
  TEST_SESSION_OPTIONS,
} from '@hcard/emulator';

export interface Rig {
  readonly built: BuiltCard;
  readonly card: EmulatedHealthCard;
  readonly psam: EmulatedPsam;
  readonly cardLog: TranscriptEntry[];
  readonly psamLog: TranscriptEntry[];
  readonly session: HealthCardSession;
}

export async function openRig(
  seed: number | string,
  options: BuildCardOptions & {
    session?: HealthCardSessionOptions;
    card?: EmulatedHealthCardOptions;
    cardChannel?: (c: CardChannel) => CardChannel;
    transcript?: TranscriptOptions;
  } = {},
): Promise<Rig> {
  const built = generateCard(seed, options);
  const card = new EmulatedHealthCard(built.image, options.card);
  const psam = new EmulatedPsam(buildPsamImage());
  const cardLog: TranscriptEntry[] = [];
  const psamLog: TranscriptEntry[] = [];
  const cardChannel = withTranscript(
    options.cardChannel ? options.cardChannel(card) : card,
    (e) => cardLog.push(e),
    options.transcript,
  );
  const psamChannel = withTranscript(psam, (e) => psamLog.push(e), options.transcript);
  const opened = await HealthCardSession.open(cardChannel, new PsamClient(psamChannel), {
    ...options.session,
    settings: { ...TEST_SESSION_OPTIONS.settings, ...options.session?.settings },
  });
  if (!opened.ok) throw new Error(`open refused: ${opened.refusal.command} ${opened.refusal.meaning}`);
  return { built, card, psam, cardLog, psamLog, session: opened.value };
}

/** The value of a successful CardResult, or a failed assertion naming the refusal. */
export function ok<T>(
  result: { ok: true; value: T } | { ok: false; refusal: { command: string; sw: number } },
): T {
  if (!result.ok)
    throw new Error(`card refused ${result.refusal.command}: ${result.refusal.sw.toString(16)}`);
  return result.value;
}

export const header = (e: TranscriptEntry): string =>
  Array.from(e.command.subarray(0, 4), (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
