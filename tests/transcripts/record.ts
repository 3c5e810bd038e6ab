/**
 * Records the transcripts under tests/transcripts/: a session opening a generated card and
 * reading every section, through the transcript decorator (PINs redacted). The card is
 * synthetic, so the card data is recorded in clear (`privacy: 'secrets-only'`): replaying the
 * files drives a real session, which decodes it. GET CHALLENGE is made deterministic so the
 * files are reproducible.
 * Run: pnpm tsx tests/transcripts/record.ts
 */
import { writeFileSync } from 'node:fs';
import {
  HealthCardSession,
  PsamClient,
  sm3,
  type TranscriptEntry,
  transcriptToJsonl,
  withTranscript,
} from '@hcard/card-core';
import {
  buildPsamImage,
  EmulatedHealthCard,
  EmulatedPsam,
  generateCard,
  TEST_SESSION_OPTIONS,
} from '@hcard/emulator';

export const TRANSCRIPT_SEED = 'transcript-1';

export async function recordReadCard(): Promise<{ card: string; psam: string }> {
  let counter = 0;
  const deterministic = (n: number) => sm3(Uint8Array.of(counter++)).slice(0, n);
  const card = new EmulatedHealthCard(generateCard(TRANSCRIPT_SEED).image, { random: deterministic });
  const psam = new EmulatedPsam(buildPsamImage());
  const cardLog: TranscriptEntry[] = [];
  const psamLog: TranscriptEntry[] = [];
  // Synthetic card and test PSAM only: a real person's card is never recorded without masking.
  const synthetic = { privacy: 'secrets-only' } as const;
  const opened = await HealthCardSession.open(
    withTranscript(card, (e) => cardLog.push(e), synthetic),
    new PsamClient(withTranscript(psam, (e) => psamLog.push(e), synthetic)),
    TEST_SESSION_OPTIONS,
  );
  if (!opened.ok) throw new Error(opened.refusal.meaning);
  const read = await opened.value.readCard();
  if (!read.ok) throw new Error(read.refusal.meaning);
  const note = `generateCard('${TRANSCRIPT_SEED}') read with readCard(); synthetic data, test keys`;
  return {
    card: transcriptToJsonl({ atr: card.atr, protocol: card.protocol, note }, cardLog),
    psam: transcriptToJsonl({ atr: psam.atr, protocol: psam.protocol, note }, psamLog),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { card, psam } = await recordReadCard();
  const dir = new URL('.', import.meta.url);
  writeFileSync(new URL('read-card.card.jsonl', dir), card);
  writeFileSync(new URL('read-card.psam.jsonl', dir), psam);
  console.log('wrote tests/transcripts/read-card.{card,psam}.jsonl');
}
