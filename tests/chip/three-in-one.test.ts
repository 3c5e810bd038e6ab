/**
 * The three-in-one card in process: one emulated chip (health + SSSE + bank of one synthetic
 * resident) and the test PSAM, read with `readRegistration` as a desk does, then judged with
 * `checkIdentity`. Chips that disagree, are forged, expired, or carry one application only.
 * (The same through pcscd + vpcd and the CLI: tests/pcsc/three-in-one.e2e.test.ts.)
 */
import {
  checkIdentity,
  type IdentityCheckOptions,
  identityEvidence,
  PsamClient,
  type RegistrationRead,
  type RegistrationReadOptions,
  readRegistration,
} from '@hcard/card-core';
import {
  type BuildChipOptions,
  buildPsamImage,
  EmulatedPsam,
  generateChip,
  loadEmulatedChip,
  TEST_KEY_STORE,
  TEST_PSAM_PIN,
  testPublicKey,
} from '@hcard/emulator';
import { describe, expect, it } from 'vitest';
import { FORGED_KEY_STORE, FORGED_SSSE_KEYS } from '../support/forgery.js';

const TODAY = '20250101';
const CHECKS: IdentityCheckOptions = {
  today: TODAY,
  trustedRoot: testPublicKey('root'),
  securityCode: (card) => TEST_KEY_STORE.securityCode(card),
  hotlist: () => undefined,
};

async function read(
  seed: number,
  options: BuildChipOptions = {},
  extra: Partial<RegistrationReadOptions> = {},
) {
  const built = generateChip(seed, options);
  const chip = loadEmulatedChip(JSON.parse(JSON.stringify(built.image)));
  const psam = new PsamClient(new EmulatedPsam(buildPsamImage()));
  const result = await readRegistration(chip, { psam, psamPin: TEST_PSAM_PIN, ...extra });
  return { built, chip, result };
}

const reasonsOf = (read: RegistrationRead, options = CHECKS) =>
  Object.fromEntries(checkIdentity(identityEvidence(read), options).checks.map((c) => [c.check, c.reason]));

describe('the three-in-one card, read as a desk reads it', () => {
  it('reads the health, social-security and bank applications of one resident off one chip', async () => {
    const { built, result } = await read(31);
    const items = built.resident.items;
    expect(result.health).toMatchObject({ kind: 'read' });
    if (result.health?.kind !== 'read') throw new Error('unreachable');
    expect(result.health.data.items).toMatchObject({ name: items.name, idNumber: items.idNumber });
    expect(result.ssse).toMatchObject({
      kind: 'read',
      reading: {
        card: { cardNumber: built.ssse!.card.cardNumber, specVersion: '3.00' },
        holder: { readable: true, value: { name: items.name, socialSecurityNumber: items.idNumber } },
      },
    });
    const pan = built.image.bank!.pan as string;
    expect(result.bank).toMatchObject({
      kind: 'bank-application',
      maskedPan: `${pan.slice(0, 6)}${'*'.repeat(pan.length - 10)}${pan.slice(-4)}`,
      holderName: items.name,
      holderIdMatches: true,
    });
    expect(JSON.stringify(result)).not.toContain(pan);
    expect(result.authentication).toBe('passed');
    const verdict = checkIdentity(identityEvidence(result), CHECKS);
    expect(verdict.verdict).toBe('pass');
    expect(reasonsOf(result)).toMatchObject({
      applications_agree: 'APPLICATIONS_AGREE',
      card_authentication: 'PSAM_AUTH_OK',
    });
  });

  it('reads the applications in any order: the health application after the others', async () => {
    const { chip } = await read(32);
    const psam = new PsamClient(new EmulatedPsam(buildPsamImage()));
    const bankFirst = await readRegistration(chip, { psam, psamPin: TEST_PSAM_PIN, apps: ['bank'] });
    expect(bankFirst.bank?.kind).toBe('bank-application');
    const healthAfter = await readRegistration(chip, { psam, psamPin: TEST_PSAM_PIN, apps: ['health'] });
    expect(healthAfter.health?.kind).toBe('read');
  });

  it('fails applications that name different holders, saying which', async () => {
    const { result } = await read(33, { ssse: { name: '欧阳明' } });
    const check = checkIdentity(identityEvidence(result), CHECKS).checks.find(
      (c) => c.check === 'applications_agree',
    );
    expect(check).toMatchObject({ verdict: 'fail', detail: 'name: health ≠ ssse' });
    const bank = await read(34, { bank: { holderIdNumber: '11010519491231002X' } });
    expect(bank.result.bank).toMatchObject({ holderIdMatches: false });
    expect(reasonsOf(bank.result).applications_agree).toBe('APPLICATIONS_DISAGREE');
  });

  it('fails a forged chip: the PSAM authentication of the health and SSSE applications fails', async () => {
    const { result } = await read(35, {
      health: { keyStore: FORGED_KEY_STORE },
      ssse: { keys: FORGED_SSSE_KEYS },
    });
    expect(result.health).toMatchObject({ kind: 'refused', refusal: { command: 'EXTERNAL AUTHENTICATE' } });
    expect(result.ssse).toMatchObject({ kind: 'failed', failure: { kind: 'internal-auth-failed' } });
    expect(result.authentication).toBe('failed');
    const verdict = checkIdentity(identityEvidence(result), CHECKS);
    expect(verdict.verdict).toBe('fail');
    expect(verdict.checks[0]).toMatchObject({ reason: 'PSAM_AUTH_FAILED' });
  });

  it('fails an expired card', async () => {
    const { built, result } = await read(36, { ssse: { expired: true, referenceDate: TODAY } });
    expect(built.ssse!.card.expiryDate < TODAY).toBe(true);
    expect(reasonsOf(result).card_not_expired).toBe('CARD_EXPIRED');
  });

  it('reads single-application chips, and says what is absent', async () => {
    const bankOnly = await read(37, { apps: ['bank'] });
    expect(bankOnly.result).toMatchObject({
      health: { kind: 'absent' },
      ssse: { kind: 'absent' },
      authentication: 'not_run',
    });
    expect(bankOnly.result.bank?.kind).toBe('bank-application');
    expect(checkIdentity(identityEvidence(bankOnly.result), CHECKS).verdict).toBe('not_possible');
    const ssseOnly = await read(38, { apps: ['ssse'] });
    expect(ssseOnly.result).toMatchObject({
      health: { kind: 'absent' },
      ssse: { kind: 'read' },
      authentication: 'passed',
    });
    expect(ssseOnly.result.bank).toMatchObject({ kind: 'no-bank-application' });
    const healthOnly = await read(39, { apps: ['health'] });
    expect(healthOnly.result).toMatchObject({ health: { kind: 'read' }, ssse: { kind: 'absent' } });
    expect(reasonsOf(healthOnly.result).applications_agree).toBe('ONE_APPLICATION');
  });
});
