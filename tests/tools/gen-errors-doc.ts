/** Writes docs/errors.md from the error catalogue. Run: pnpm tsx tests/tools/gen-errors-doc.ts */
import { writeFileSync } from 'node:fs';
import { ERROR_CATALOGUE } from '@hcard/card-core';

const lines = [
  '# Error catalogue',
  '',
  'Every error hcard raises carries one of these codes (`err.code`). The message is the',
  'catalogue text plus a detail; it never contains personal data, PINs or key material. `http` is',
  'what the gateway answers, `exit` what command-line tools exit with.',
  '',
  'Card refusals (a status word such as 6982) are not errors: they come back as typed results',
  '(`{ ok: false, refusal: { command, sw, meaning } }`). `HCARD_E_SW_REFUSED` is only raised by',
  'callers that ask for exceptions (`runOk`). PC/SC failures keep their native name and value in',
  '`details.pcsc` and `details.pcscCode`.',
  '',
  '| code | message | http | exit | hint |',
  '|---|---|---:|---:|---|',
  ...Object.entries(ERROR_CATALOGUE).map(
    ([code, e]) => `| \`${code}\` | ${e.message} | ${e.http} | ${e.exit} | ${'hint' in e ? e.hint : ''} |`,
  ),
];
writeFileSync(new URL('../../docs/errors.md', import.meta.url), `${lines.join('\n')}\n`);
