/**
 * Personalises a blank card over any CardChannel (spec §9.5): read the chip's identity,
 * authenticate with the transport key, load every card key under secure messaging, write every
 * file, set the index files to FF, end personalisation. The COS's commands come from a
 * `PersonalisationCos` object (reference-cos.ts), so another COS is another object.
 *
 * A card's refusal is a typed result naming the step (never key bytes or file contents); a plan
 * that does not fit the profile, or was built for another chip, throws before anything is sent.
 */
import { randomBytes } from 'node:crypto';
import { equalBytes } from '../bytes.js';
import type { CardChannel } from '../channel/card-channel.js';
import { withT0 } from '../channel/t0.js';
import { type CardResult, type CommandDescriptor, type Refusal, run } from '../commands/descriptor.js';
import { getChallenge, selectFile, updateBinary, updateRecord } from '../commands/iso7816.js';
import { deriveSessionKey } from '../crypto/key-derivation.js';
import { externalAuthCryptogram, externalAuthData } from '../crypto/secure-messaging.js';
import { hcardError } from '../errors.js';
import { HEALTH_CARD_PROFILE } from '../profiles/health-card/index.js';
import { DEFAULT_HEALTH_CARD_SETTINGS, type HealthCardSettings } from '../profiles/health-card/settings.js';
import type { CardProfile, ElementaryFileDef } from '../profiles/types.js';
import { checkPlan, DEFAULT_KEY_TRIES, type PersonalisationPlan, type PlanFile } from './plan.js';
import {
  endPersonalisationCommand,
  getChipSerialCommand,
  keyLoadPlaintext,
  keyNumber,
  loadKeyCommand,
  type PersonalisationCos,
  REFERENCE_COS,
  transportAuthCommand,
} from './reference-cos.js';

export interface ChipIdentity {
  /** Card factor CN, ATR bytes `cardFactorOffset`…+7. */
  readonly cn: Uint8Array;
  /** The chip serial (item 0A, 10 characters), from the COS's GET DATA. */
  readonly chipSerial: string;
}

export type PersonalisationResult =
  | { readonly ok: true; readonly chip: ChipIdentity; readonly commands: number }
  | {
      readonly ok: false;
      /** What was being done: 'transport authentication', 'load key UK_DDF1', 'write DDF1/EF07 at 255' … */
      readonly step: string;
      readonly refusal: Refusal;
      readonly commands: number;
    };

export interface PersonaliseOptions {
  readonly cos?: PersonalisationCos;
  readonly profile?: CardProfile;
  readonly settings?: Pick<HealthCardSettings, 'cardFactorOffset' | 'derivation'>;
  /** Source of the terminal data T of the transport authentication; random by default. */
  readonly random?: (n: number) => Uint8Array;
}

/** Unwinds to the API edge with the step that was refused. */
class StepRefused extends Error {
  constructor(
    readonly step: string,
    readonly refusal: Refusal,
  ) {
    super(refusal.meaning);
  }
}

/** The card factor CN from an ATR. */
export function cardFactorOf(
  atr: Uint8Array,
  offset = DEFAULT_HEALTH_CARD_SETTINGS.cardFactorOffset,
): Uint8Array {
  if (atr.length < offset + 8) throw hcardError('HCARD_E_CARD_DATA_INVALID', 'the ATR holds no card factor');
  return atr.slice(offset, offset + 8);
}

/** Reads a blank chip's identity: CN from its ATR, the serial by GET DATA. */
export async function blankChipIdentity(
  channel: CardChannel,
  options: Pick<PersonaliseOptions, 'cos' | 'settings'> = {},
): Promise<CardResult<ChipIdentity>> {
  const card = withT0(channel);
  const cn = cardFactorOf(card.atr, options.settings?.cardFactorOffset);
  const selected = await run(card, selectFile('3F00'));
  if (!selected.ok) return selected;
  const result = await run(card, getChipSerialCommand(options.cos));
  if (!result.ok) return result;
  const serial = result.value;
  if (
    serial.length !== (options.cos ?? REFERENCE_COS).getChipSerial.length ||
    serial.some((b) => b < 0x20 || b > 0x7e)
  )
    throw hcardError(
      'HCARD_E_CARD_DATA_INVALID',
      'the chip serial is not printable ASCII of the expected length',
    );
  return { ...result, value: { cn, chipSerial: String.fromCharCode(...serial) } };
}

export async function personalise(
  channel: CardChannel,
  plan: PersonalisationPlan,
  options: PersonaliseOptions = {},
): Promise<PersonalisationResult> {
  const cos = options.cos ?? REFERENCE_COS;
  const profile = options.profile ?? HEALTH_CARD_PROFILE;
  const settings = { ...DEFAULT_HEALTH_CARD_SETTINGS, ...options.settings };
  const random = options.random ?? ((n: number) => new Uint8Array(randomBytes(n)));
  checkPlan(plan, profile);
  // Keys diversified for another chip would lock this one out after a few tries: check first.
  if (!equalBytes(cardFactorOf(channel.atr, settings.cardFactorOffset), plan.cn))
    throw hcardError('HCARD_E_CHIP_MISMATCH', 'card factor CN of the plan differs from the ATR');

  const card = withT0(channel);
  let commands = 0;
  const send = async (step: string, command: CommandDescriptor): Promise<Uint8Array> => {
    commands++;
    const result = await run(card, command);
    if (!result.ok) throw new StepRefused(step, result.refusal);
    return result.value;
  };
  const cipher = settings.derivation.cipher;
  const transportSession = async (step: string) =>
    deriveSessionKey(settings.derivation, plan.transportKey, await send(step, getChallenge()));

  try {
    const identity = await blankChipIdentity(card, { cos, settings });
    commands += 2;
    if (!identity.ok) throw new StepRefused('read chip serial', identity.refusal);

    const terminalData = random(8);
    const authSession = await transportSession('transport authentication');
    const cryptogram = externalAuthCryptogram(cipher, authSession, terminalData);
    await send(
      'transport authentication',
      transportAuthCommand(externalAuthData(cryptogram, terminalData), cos),
    );

    const tries = plan.keyTries ?? DEFAULT_KEY_TRIES;
    for (const key of profile.keys) {
      const step = `load key ${key.id}`;
      const plaintext = keyLoadPlaintext(tries, plan.keys[key.id]!);
      const session = await transportSession(step);
      await send(
        step,
        loadKeyCommand({ id: key.id, number: keyNumber(key) }, plaintext, cipher, session, cos),
      );
    }

    const selector = pathSelector(send);
    for (const def of profile.files) {
      const contents = plan.files[def.path] ?? initialContents(def, cos);
      if (!contents) continue;
      await selector(def.path);
      await writeFile(def, contents, cos, send);
    }
    await send('end personalisation', endPersonalisationCommand(cos));
    return { ok: true, chip: identity.value, commands };
  } catch (e) {
    if (e instanceof StepRefused) return { ok: false, step: e.step, refusal: e.refusal, commands };
    throw e;
  }
}

type Send = (step: string, command: CommandDescriptor) => Promise<Uint8Array>;

/** Index files start as "no record in use" (spec §4.3, §9.5 step 4); other files stay as made. */
function initialContents(def: ElementaryFileDef, cos: PersonalisationCos): PlanFile | undefined {
  if (def.structure !== 'linear-raw') return undefined;
  return {
    records: Array.from({ length: def.records! }, () =>
      new Uint8Array(def.recordLength!).fill(cos.indexFill),
    ),
  };
}

/** Selects a file by path from the MF, skipping the DFs already current. */
function pathSelector(send: Send): (path: string) => Promise<void> {
  let currentDf: string | undefined;
  return async (path) => {
    const parts = path.split('/');
    const df = parts.slice(0, -1).join('/');
    if (df !== currentDf) {
      await send(`select ${df}`, selectFile('3F00'));
      for (const fid of parts.slice(0, -1)) await send(`select ${df}`, selectFile(fid));
      currentDf = df;
    }
    await send(`select ${path}`, selectFile(parts.at(-1)!));
  };
}

const allFill = (bytes: Uint8Array, fill: number) => bytes.every((b) => b === fill);

/**
 * Record files record by record (UPDATE RECORD by number, cyclic ones too: personalisation
 * places records, it does not append); transparent files in chunks. Records and chunks that
 * still hold the factory fill are not sent: the factory state already has them.
 */
async function writeFile(def: ElementaryFileDef, contents: PlanFile, cos: PersonalisationCos, send: Send) {
  if ('records' in contents) {
    for (const [i, record] of contents.records.entries()) {
      // (A TLV record never qualifies: its tag and length are not 00.)
      if (allFill(record, cos.factoryFill)) continue;
      await send(`write ${def.path} record ${i + 1}`, updateRecord(i + 1, 0x04, record));
    }
    return;
  }
  for (let offset = 0; offset < contents.data.length; offset += cos.binaryChunk) {
    const chunk = contents.data.subarray(offset, offset + cos.binaryChunk);
    if (allFill(chunk, cos.factoryFill)) continue;
    await send(`write ${def.path} at ${offset}`, updateBinary(offset, chunk));
  }
}
