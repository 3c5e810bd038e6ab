/**
 * Command descriptors: a command is data (its APDU) plus its own status-word table. `run`
 * sends it and returns a typed result: a card's refusal is a value, not an exception;
 * transport failures still throw.
 */
import { type CommandApdu, encodeCommand, type LengthForm } from '../apdu/command-apdu.js';
import { parseResponse } from '../apdu/response-apdu.js';
import { lookupStatusWord, retriesLeft, type SwTable } from '../apdu/status-words.js';
import type { CardChannel } from '../channel/card-channel.js';
import { hcardError } from '../errors.js';

export interface CommandDescriptor {
  /** ISO/COS name, used in results, errors and logs (never the data). */
  readonly name: string;
  readonly apdu: CommandApdu;
  /** Status words specific to this command, searched before the global catalogue. */
  readonly statuses?: SwTable;
}

export interface Refusal {
  readonly command: string;
  readonly sw: number;
  readonly meaning: string;
  /** From 63Cx: tries left before the key or PIN blocks. */
  readonly retriesLeft?: number;
}

export type CardResult<T> =
  | { readonly ok: true; readonly value: T; readonly sw: number; readonly warning?: string }
  | { readonly ok: false; readonly refusal: Refusal };

/** Sends `command` and classifies its status word. */
export async function run(
  channel: CardChannel,
  command: CommandDescriptor,
  form: LengthForm = 'auto',
): Promise<CardResult<Uint8Array>> {
  const response = parseResponse(await channel.transmit(encodeCommand(command.apdu, form)));
  const entry = command.statuses
    ? lookupStatusWord(response.sw, command.statuses)
    : lookupStatusWord(response.sw);
  if (entry.outcome === 'refused') {
    const left = retriesLeft(response.sw);
    return {
      ok: false,
      refusal: {
        command: command.name,
        sw: response.sw,
        meaning: entry.meaning,
        ...(left === undefined ? {} : { retriesLeft: left }),
      },
    };
  }
  return entry.outcome === 'warning'
    ? { ok: true, value: response.data, sw: response.sw, warning: entry.meaning }
    : { ok: true, value: response.data, sw: response.sw };
}

/** Turns a refusal into an HCARD_E_SW_REFUSED error (for callers that prefer exceptions). */
export function refusalError(
  refusal: Refusal,
  code: 'HCARD_E_SW_REFUSED' | 'HCARD_E_PSAM_REFUSED' = 'HCARD_E_SW_REFUSED',
) {
  const sw = refusal.sw.toString(16).toUpperCase().padStart(4, '0');
  return hcardError(code, `${refusal.command} → ${sw} (${refusal.meaning})`, { ...refusal, sw });
}

/** `run`, throwing HCARD_E_SW_REFUSED on a refusal. */
export async function runOk(channel: CardChannel, command: CommandDescriptor): Promise<Uint8Array> {
  const result = await run(channel, command);
  if (!result.ok) throw refusalError(result.refusal);
  return result.value;
}

/** Maps the value of a successful result; refusals pass through. */
export function mapResult<T, U>(result: CardResult<T>, f: (value: T) => U): CardResult<U> {
  return result.ok ? { ...result, value: f(result.value) } : result;
}
