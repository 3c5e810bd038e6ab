/**
 * The SAM's status byte SW3 (spec C.4) as data. Each status is one of:
 * - success (`90`, and `9F` for find card);
 * - a typed refusal the caller acts on (no card: wait and poll; select or read failed: the card
 *   moved, start again from find; no content: e.g. the card has no appended address);
 * - a catalogue error (the frame, the command, the SAM or the card is at fault).
 * The words are the spec's, for messages and logs.
 */
import type { ErrorCode } from '@hcard/card-core';

export type IdCardRefusalKind = 'no-card' | 'select-failed' | 'read-failed' | 'no-content';

export type StatusOutcome =
  | { readonly outcome: 'success' }
  | { readonly outcome: 'refusal'; readonly kind: IdCardRefusalKind }
  | { readonly outcome: 'error'; readonly code: ErrorCode };

/** A table row: its outcome and the spec's words. */
type StatusRow = StatusOutcome & { readonly meaning: string };

export type StatusEntry = StatusRow & { readonly sw3: number };

const success = (meaning: string): StatusRow => ({ outcome: 'success', meaning });
const refusal = (kind: IdCardRefusalKind, meaning: string): StatusRow => ({
  outcome: 'refusal',
  kind,
  meaning,
});
const error = (code: ErrorCode, meaning: string): StatusRow => ({
  outcome: 'error',
  code,
  meaning,
});

/** Spec C.4, row by row. Where sources disagree (11, 66) the meaning names both readings. */
const TABLE: Readonly<Record<number, StatusRow>> = {
  144: success('success'),
  159: success('find card success'),
  145: refusal('no-content', 'no content for this item (e.g. no appended address)'),
  16: error('HCARD_E_IDCARD_HOST_FRAME_REJECTED', 'checksum error in data received from host'),
  17: error(
    'HCARD_E_IDCARD_HOST_FRAME_REJECTED',
    'length error in data received from host (one table: SAM receive timeout)',
  ),
  33: error('HCARD_E_IDCARD_COMMAND_REFUSED', 'command error (values or logical combination)'),
  35: error('HCARD_E_IDCARD_COMMAND_REFUSED', 'unauthorised operation (越权)'),
  36: error('HCARD_E_IDCARD_COMMAND_REFUSED', 'unrecognised error'),
  49: error('HCARD_E_IDCARD_AUTH_FAILED', 'card failed to authenticate the SAM (卡认证机具失败)'),
  50: error('HCARD_E_IDCARD_AUTH_FAILED', 'SAM failed to authenticate the card (机具认证卡失败)'),
  51: error('HCARD_E_IDCARD_AUTH_FAILED', 'information verification error'),
  52: refusal('no-card', 'card not found yet; cannot operate'),
  64: error('HCARD_E_IDCARD_CARD_UNRECOGNISED', 'unrecognised card type'),
  65: refusal('read-failed', 'read card failed'),
  71: error('HCARD_E_IDCARD_CARD_FAILED', 'get random number failed'),
  80: error('HCARD_E_IDCARD_CARD_FAILED', 'write card failed'),
  96: error('HCARD_E_IDCARD_SAM_UNAVAILABLE', 'SAM self-test failed, cannot accept commands'),
  97: error('HCARD_E_IDCARD_SAM_UNAVAILABLE', 'user login failed'),
  102: error(
    'HCARD_E_IDCARD_SAM_UNAVAILABLE',
    'SAM not authorised (KDC has not downloaded the official key)',
  ),
  128: refusal('no-card', 'find card failed (no card)'),
  129: refusal('select-failed', 'select card failed'),
};

/** Every SW3 of spec C.4, by value. */
export const IDCARD_STATUSES: readonly StatusEntry[] = Object.entries(TABLE).map(
  ([sw3, entry]) => ({ ...entry, sw3: Number(sw3) }) as StatusEntry,
);

/** SW3s that mean the SAM did not get our frame intact: sending it again is the remedy (spec E). */
export const RESEND_STATUSES: ReadonlySet<number> = new Set([0x10, 0x11]);

/** The entry for `sw3`; a status outside the table is HCARD_E_IDCARD_STATUS_UNKNOWN. */
export function lookupIdCardStatus(sw3: number): StatusEntry {
  const entry = TABLE[sw3];
  if (entry) return { ...entry, sw3 } as StatusEntry;
  return {
    outcome: 'error',
    code: 'HCARD_E_IDCARD_STATUS_UNKNOWN',
    sw3,
    meaning: `status ${sw3.toString(16).toUpperCase().padStart(2, '0')} is not in the table`,
  };
}

/** `9F`, `80` …: how the spec writes SW3. */
export const sw3Hex = (sw3: number): string => sw3.toString(16).toUpperCase().padStart(2, '0');
