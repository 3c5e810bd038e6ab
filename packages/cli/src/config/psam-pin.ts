/**
 * Where the CLI gets the PSAM PIN: the environment variable HCARD_PSAM_PIN, else `psamPin` in
 * the config file the gateway shares. Never argv (other users see it in `ps`), never a default
 * (a wrong PIN burns one of the PSAM's few tries), never echoed.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { hcardError } from '@hcard/card-core';

export const PSAM_PIN_ENV = 'HCARD_PSAM_PIN';

/** `$XDG_CONFIG_HOME/hcard/gateway.json` (XDG's default: `~/.config`). */
export function defaultConfigFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'hcard', 'gateway.json');
}

const PIN_FORM = /^(\d\d){2,8}$/;

/** The configured PSAM PIN; throws HCARD_E_PSAM_PIN_MISSING naming both ways to set it. */
export function resolvePsamPin(configFile: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[PSAM_PIN_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!PIN_FORM.test(fromEnv))
      throw hcardError('HCARD_E_ARG_INVALID', `${PSAM_PIN_ENV} must be an even number (4–16) of digits`);
    return fromEnv;
  }
  const fromFile = readConfigPin(configFile);
  if (fromFile !== undefined) return fromFile;
  throw hcardError('HCARD_E_PSAM_PIN_MISSING', `set ${PSAM_PIN_ENV}, or "psamPin" in ${configFile}`);
}

function readConfigPin(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    const reason = (e as NodeJS.ErrnoException).code ?? 'read failed';
    throw hcardError('HCARD_E_CONFIG_INVALID', `cannot read ${file} (${reason})`);
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    throw hcardError('HCARD_E_CONFIG_INVALID', `${file} is not JSON`);
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config))
    throw hcardError('HCARD_E_CONFIG_INVALID', `${file} is not a JSON object`);
  const pin = (config as { psamPin?: unknown }).psamPin;
  if (pin === undefined) return undefined;
  // The message never contains the value: it may be a near-miss of the real PIN.
  if (typeof pin !== 'string' || !PIN_FORM.test(pin))
    throw hcardError(
      'HCARD_E_CONFIG_INVALID',
      `psamPin in ${file} must be a string of an even number (4–16) of digits`,
    );
  return pin;
}
