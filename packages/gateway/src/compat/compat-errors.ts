/**
 * Interface error codes (spec §5.3) for hcard's catalogue errors, by the tables in
 * compat-table.ts: first the catalogue code (101 arguments, 105 PSAM, 112 empty record …), then a
 * card refusal by the command refused (106 EXTERNAL AUTHENTICATE, 102 SELECT → 6A82, 103 READ
 * RECORD …), then the function's own `failure` code for anything else from the card. Errors
 * that are not about the card (token, scope, Host, rate limit, internal) get none.
 */
import type { HcardError } from '@hcard/card-core';
import { CATALOGUE_IF_CODES, type CompatFunction, type IfCode, REFUSAL_IF_CODES } from './compat-table.js';

export function interfaceCode(err: HcardError, fn: CompatFunction | undefined): IfCode | undefined {
  const byCode = CATALOGUE_IF_CODES[err.code];
  if (byCode !== undefined) return byCode;
  if (err.code === 'HCARD_E_SW_REFUSED') {
    const command = String(err.details.command ?? '');
    const sw = Number.parseInt(String(err.details.sw ?? ''), 16);
    const row = REFUSAL_IF_CODES.find(
      (r) => command.startsWith(r.command) && (r.sw === undefined || r.sw === sw),
    );
    return row?.code ?? fn?.failure;
  }
  if (err.code === 'HCARD_E_CARD_DATA_INVALID') return fn?.failure;
  return undefined;
}

/**
 * The plain-text error of `format=text`: `ERROR|<ifCode>|<catalogue code>|<message>`, one line.
 * ifCode is empty for errors that are not the interface's; the message is the rest of the line.
 */
export function errorText(ifCode: number | undefined, err: HcardError): string {
  return `ERROR|${ifCode ?? ''}|${err.code}|${err.message.replace(/[\r\n]+/g, ' ')}`;
}
