/**
 * `hcard check`: the identity check of a registration desk. Reads the three-in-one card (health,
 * social security, bank) with the PSAM, and the resident ID card when asked, and prints one
 * verdict per check with its reason, then the overall verdict.
 */
import {
  beijingDate,
  CARD_NOT_READ_ERRORS,
  checkIdentity,
  fromHex,
  hcardError,
  IDENTITY_CHECKS,
  type IdCardEvidence,
  type IdentityCheckOptions,
  type IdentityVerdict,
  identityEvidence,
  isCalendarDate,
  toHcardError,
} from '@hcard/card-core';
import { TEST_KEY_STORE, testPublicKey } from '@hcard/emulator';
import { Hotlist, hotlistFile, parseConfig, readConfigFile } from '@hcard/gateway';
import { idCardIdentity } from '@hcard/reader-driver';
import { appsJson } from '../card/apps-view.js';
import { openPcscDriver } from '../card/pcsc.js';
import { type AppsRead, readAppsThroughDriver } from '../card/read-card.js';
import { chooseSlots } from '../card/slots.js';
import { defaultConfigFile, resolvePsamPin } from '../config/psam-pin.js';
import { defineCommand } from '../shared/command.js';
import { roundMs, toJson } from '../shared/json.js';
import { readIdCardOnPort } from './idcard.js';

/** ID-card reader errors that are the station's set-up, not the card: they stop the check. */
const ID_CARD_SETUP = new Set([
  'HCARD_E_IDCARD_READER_NOT_FOUND',
  'HCARD_E_IDCARD_READER_AMBIGUOUS',
  'HCARD_E_IDCARD_PORT_FAILED',
  'HCARD_E_IDCARD_SAM_UNAVAILABLE',
]);

/** Exit codes: the verdict, so station scripts can branch on it. */
export const CHECK_EXIT = { pass: 0, fail: 1, not_possible: 3 } as const;

export const checkCommand = defineCommand({
  name: 'check',
  summary: 'check the identity of a card holder (card, applications, hotlist, ID card)',
  description: `
Reads the three-in-one card in a PC/SC reader (health, social security and bank applications)
with the PSAM in its paired slot and, with --idcard, the resident ID card on the serial reader,
then gives one verdict per check, pass, fail or not_possible, each with a reason code and
words:

  card_authentication  the card proved its keys to the PSAM
  issuer_certificate   the issuer certificate verifies to the trusted root ("identity.trustedRoot" in the config)
  security_code        the CVN matches the card data (needs the issuer key: --test-keys only)
  card_not_expired     health and social-security applications
  id_number_valid      GB 11643, and consistent with birth date and sex
  not_hotlisted        not lost, stolen or cancelled (hcard hotlist)
  applications_agree   the applications name the same holder
  id_card_matches      name and ID number equal on the ID card and the card

The overall verdict is fail when any check fails, pass when the card authenticated and nothing
failed, else not_possible. Exit code: 0 pass, 1 fail, 3 not_possible.

--test-keys trusts the documented test root and checks CVNs with the documented test issuer
key: for emulated cards ("hcard emulate") only.`,
  options: {
    reader: { type: 'string', value: 'name', description: 'reader holding the card' },
    'psam-reader': { type: 'string', value: 'name', description: 'reader holding the PSAM' },
    idcard: {
      type: 'boolean',
      description: 'also read the ID card (the config\'s "idCardReader", else the only serial reader)',
    },
    'idcard-port': { type: 'string', value: 'device', description: 'read the ID card on this serial port' },
    hotlist: {
      type: 'string',
      value: 'file',
      description: "hotlist file (default: the config's, else hotlist.json beside it)",
    },
    'test-keys': {
      type: 'boolean',
      description: 'trust the documented test root and test CVN key (emulated cards)',
    },
    today: {
      type: 'string',
      value: 'YYYYMMDD',
      description: 'the day to check validity on (default today, Beijing time)',
    },
    json: { type: 'boolean', description: 'print the verdict, its checks and what was read as JSON' },
    config: {
      type: 'string',
      value: 'file',
      description: 'config file ("psamPin", "identity", "idCardReader")',
      default: defaultConfigFile(),
    },
  },
  examples: [
    'hcard check',
    'hcard check --idcard --json',
    'hcard check --test-keys --idcard-port /dev/ttyUSB0',
  ],
  run: async (options, io) => {
    const today = options.today ?? beijingDate();
    if (!isCalendarDate(today)) throw hcardError('HCARD_E_ARG_INVALID', '--today must be a YYYYMMDD date');
    const config = readConfigFile(options.config) ?? parseConfig({}, options.config);
    const psamPin = resolvePsamPin(options.config);
    const wantsIdCard = options.idcard || options['idcard-port'] !== undefined;
    const idCardPort = options['idcard-port'] ?? config.idCardReader?.port;

    const driver = openPcscDriver();
    let card: AppsRead | undefined;
    let cardError: string | undefined;
    let slots: ReturnType<typeof chooseSlots>;
    try {
      const readers = (await driver.list()).map((r) => r.name);
      slots = chooseSlots(readers, {
        ...(options.reader === undefined ? {} : { user: options.reader }),
        ...(options['psam-reader'] === undefined ? {} : { psam: options['psam-reader'] }),
      });
      const user = slots.user;
      card = await readAppsThroughDriver(
        driver,
        slots,
        ['health', 'ssse', 'bank'],
        ['basic', 'extended'],
        psamPin,
      ).catch((e: unknown) => {
        // No card, or one taken out mid-read, is a verdict (not_possible); anything else (no
        // PC/SC, no PSAM, a refused PIN) stops the check.
        const err = toHcardError(e);
        const cardGone =
          CARD_NOT_READ_ERRORS.has(err.code) &&
          (err.code !== 'HCARD_E_NO_CARD' || err.details.reader !== slots.psam);
        if (!cardGone) throw err;
        cardError = `${err.code} in ${user}`;
        return undefined;
      });
    } finally {
      await driver.close();
    }
    let idCard: Awaited<ReturnType<typeof readIdCardOnPort>> | undefined;
    let idCardError: string | undefined;
    if (wantsIdCard) {
      idCard = await readIdCardOnPort(idCardPort).catch((e: unknown) => {
        const err = toHcardError(e);
        // A reader that is not there is a set-up error; a card that is not readable is a verdict.
        if (ID_CARD_SETUP.has(err.code)) throw err;
        idCardError = err.code;
        return undefined;
      });
    }
    const hotlist = new Hotlist(options.hotlist ?? hotlistFile(config, options.config));
    const root = options['test-keys'] ? testPublicKey('root') : config.identity.trustedRoot;
    const checks: IdentityCheckOptions = {
      today,
      hotlist: (number) => hotlist.lookup(number),
      ...(root ? { trustedRoot: typeof root === 'string' ? fromHex(root) : root } : {}),
      ...(options['test-keys'] ? { securityCode: (c) => TEST_KEY_STORE.securityCode(c) } : {}),
    };
    const evidence = idCard ? idCardIdentity(idCard.data.text) : undefined;
    const verdict = checkIdentity(
      identityEvidence(card?.read, evidence, {
        ...(cardError ? { cardError } : {}),
        ...(idCardError ? { idCardError } : {}),
      }),
      checks,
    );

    if (options.json) {
      io.out(
        toJson({
          verdict: verdict.verdict,
          checks: verdict.checks,
          ...(card
            ? {
                read: { reader: slots.user, psamReader: slots.psam, apdus: card.apdus, ms: roundMs(card.ms) },
                card: appsJson(card.read),
              }
            : {}),
          ...(idCard ? { idCard: { port: idCard.port, ms: roundMs(idCard.ms), ...idCard.data.text } } : {}),
        }),
      );
    } else {
      io.out(formatVerdict(verdict, evidence));
    }
    return CHECK_EXIT[verdict.verdict];
  },
});

const MARK = { pass: '✓', fail: '✗', not_possible: '–' } as const;

function formatVerdict(verdict: IdentityVerdict, idCard: IdCardEvidence | undefined): string {
  const width = Math.max(...IDENTITY_CHECKS.map((c) => c.length));
  const lines = verdict.checks.map(
    (c) =>
      `  ${MARK[c.verdict]} ${c.check.padEnd(width)}  ${c.verdict.padEnd(12)} ${c.reason}: ${c.words}${c.detail ? ` (${c.detail})` : ''}`,
  );
  const who = idCard ? `ID card: ${idCard.name} ${idCard.idNumber}` : 'no ID card read';
  return [`identity: ${verdict.verdict.toUpperCase()}`, '', ...lines, '', `  ${who}`].join('\n');
}
