/** Where `hcard read` gets the PSAM PIN: HCARD_PSAM_PIN, else "psamPin" in the config file. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfigFile, resolvePsamPin } from '../../packages/cli/src/config/psam-pin.js';

const dir = mkdtempSync(join(tmpdir(), 'hcard-pin-'));
const config = (name: string, body: string) => {
  const file = join(dir, name);
  writeFileSync(file, body);
  return file;
};
const missing = join(dir, 'absent.json');

describe('resolvePsamPin', () => {
  it('takes HCARD_PSAM_PIN first, then psamPin from the config file', () => {
    const file = config('both.json', '{"psamPin":"112233"}');
    expect(resolvePsamPin(file, { HCARD_PSAM_PIN: '654321' })).toBe('654321');
    expect(resolvePsamPin(file, {})).toBe('112233');
  });

  it('has no default: without either it fails naming both ways to set it', () => {
    expect(() => resolvePsamPin(missing, {})).toThrow(
      expect.objectContaining({
        code: 'HCARD_E_PSAM_PIN_MISSING',
        message: expect.stringContaining('HCARD_PSAM_PIN'),
      }),
    );
    expect(() => resolvePsamPin(missing, {})).toThrow(missing);
    expect(() => resolvePsamPin(config('none.json', '{"logLevel":"info"}'), { HCARD_PSAM_PIN: '' })).toThrow(
      expect.objectContaining({ code: 'HCARD_E_PSAM_PIN_MISSING' }),
    );
  });

  it.each([
    ['not JSON', '{psamPin:', 'is not JSON'],
    ['an array', '[]', 'not a JSON object'],
    ['a number PIN', '{"psamPin":123456}', 'psamPin'],
    ['an odd-length PIN', '{"psamPin":"12345"}', 'psamPin'],
  ])('refuses a config file that is %s without echoing its PIN', (_what, body, words) => {
    const file = config(`bad-${words.length}-${body.length}.json`, body);
    const e = (() => {
      try {
        resolvePsamPin(file, {});
      } catch (err) {
        return err as Error & { code: string };
      }
      throw new Error('no error');
    })();
    expect(e.code).toBe('HCARD_E_CONFIG_INVALID');
    expect(e.message).toContain(words);
    expect(e.message).not.toMatch(/12345/);
  });

  it('refuses a malformed HCARD_PSAM_PIN without echoing it', () => {
    expect(() => resolvePsamPin(missing, { HCARD_PSAM_PIN: '12a4' })).toThrow(
      expect.objectContaining({ code: 'HCARD_E_ARG_INVALID', message: expect.not.stringContaining('12a4') }),
    );
  });

  it('finds the config under $XDG_CONFIG_HOME, else ~/.config', () => {
    expect(defaultConfigFile({ XDG_CONFIG_HOME: '/x' })).toBe('/x/hcard/gateway.json');
    expect(defaultConfigFile({})).toMatch(/\/\.config\/hcard\/gateway\.json$/);
  });
});
