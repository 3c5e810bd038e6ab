/**
 * Where the CLI gets the PSAM PIN: the environment variable HCARD_PSAM_PIN, else `psamPin` in
 * the gateway's config file. Never argv (other users see it in `ps`), never a default (a wrong
 * PIN burns one of the PSAM's few tries), never echoed.
 */
import { hcardError } from '@hcard/card-core';
import { configuredPsamPin, defaultConfigFile, PSAM_PIN_ENV, readConfigFile } from '@hcard/gateway';

export { defaultConfigFile, PSAM_PIN_ENV };

/** The configured PSAM PIN; throws HCARD_E_PSAM_PIN_MISSING naming both ways to set it. */
export function resolvePsamPin(configFile: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = configuredPsamPin(undefined, env);
  const pin = fromEnv ?? configuredPsamPin(readConfigFile(configFile), {});
  if (pin !== undefined) return pin;
  throw hcardError('HCARD_E_PSAM_PIN_MISSING', `set ${PSAM_PIN_ENV}, or "psamPin" in ${configFile}`);
}
