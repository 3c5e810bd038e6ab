/**
 * A session with one resident health card and the terminal's PSAM (spec §5–§6). It reads every
 * file and writes what a terminal may write, with the authentication and secure messaging the
 * profile's access rules require. It remembers the selected DF/EF and the keys already granted
 * in the current DF, so it never sends a redundant SELECT or EXTERNAL AUTHENTICATE.
 *
 * Card refusals come back as typed results (`CardResult`); transport failures and invalid card
 * data throw HcardErrors, so nothing partial is ever presented as complete.
 */
import { concatBytes, readU16be, u16be } from '../bytes.js';
import type { CardChannel } from '../channel/card-channel.js';
import { withT0 } from '../channel/t0.js';
import { type CardResult, type CommandDescriptor, type Refusal, run } from '../commands/descriptor.js';
import {
  externalAuthenticate,
  getChallenge,
  rawCommand,
  readBinary,
  readRecord,
  selectFile,
  updateBinary,
  updateRecord,
} from '../commands/iso7816.js';
import { decodeCertificate } from '../crypto/certificate.js';
import { externalAuthData } from '../crypto/secure-messaging.js';
import { hcardError } from '../errors.js';
import { HEALTH_CARD_PROFILE } from '../profiles/health-card/index.js';
import { DEFAULT_HEALTH_CARD_SETTINGS, type HealthCardSettings } from '../profiles/health-card/settings.js';
import { fileDef, filesOfLayout, itemDef, itemsOfFile, keyDef, parentDf } from '../profiles/lookup.js';
import type { CardProfile, DataItem, ElementaryFileDef, KeyId, LayoutId } from '../profiles/types.js';
import type { PsamClient } from '../psam/psam-client.js';
import { assembleSignedEncounter, encounterDigest } from './encounter-signature.js';
import {
  decodeEncounter,
  decodeRawRecord,
  decodeTlvRecord,
  encodeEncounter,
  encodeRawRecord,
  encodeTlvRecord,
} from './record-codec.js';

export type EncounterKind = LayoutId;

/** What a caller can ask `readCard` for; each maps to files of one DF, read in tree order. */
export type Section = 'basic' | 'photo' | 'extended' | 'clinical' | 'encounters';
export const ALL_SECTIONS: readonly Section[] = ['basic', 'photo', 'extended', 'clinical', 'encounters'];

const SECTION_FILES: Record<Exclude<Section, 'photo' | 'encounters'>, readonly string[]> = {
  basic: ['DDF1/EF05', 'DDF1/EF06', 'DDF1/EF08'],
  extended: ['DDF1/DF01/EF05', 'DDF1/DF01/EF06', 'DDF1/DF01/EF07', 'DDF1/DF01/EF08'],
  clinical: ['DDF1/DF02/EF05', 'DDF1/DF02/EF06'],
};

/** The section whose read (`readCard`) decodes this TLV file's items; undefined for other files. */
export function sectionOfFile(path: string): Section | undefined {
  for (const [section, files] of Object.entries(SECTION_FILES))
    if (files.includes(path)) return section as Section;
  return undefined;
}

const PHOTO_FILE = 'DDF1/EF07';
const ALLERGY_FILE = 'DDF1/DF02/EF07';
const IMMUNISATION_FILE = 'DDF1/DF02/EF08';
export const INDEX_FILE: Record<EncounterKind, string> = {
  inpatient: 'DDF1/DF03/EF05',
  outpatient: 'DDF1/DF03/EF06',
};
/** Largest JPEG the photo file holds (spec §4.6). */
export const MAX_PHOTO_BYTES = 3072;

export interface Allergy {
  readonly substance: string;
  readonly reaction: string;
}
export interface Immunisation {
  readonly name: string;
  readonly date: string;
}
export interface EncounterRecord {
  /** Record number, 1-based (EE01 = 1). */
  readonly number: number;
  readonly items: Readonly<Record<string, string>>;
}

export interface HealthCardData {
  /** TLV items 1–57 of the sections read, by item key. */
  readonly items: Readonly<Record<string, string>>;
  readonly photo?: Uint8Array | null;
  readonly allergies?: readonly Allergy[];
  readonly immunisations?: readonly Immunisation[];
  /** Index flags: true = record in use (00), false = empty (FF). */
  readonly inpatientFlags?: readonly boolean[];
  readonly outpatientFlags?: readonly boolean[];
  readonly inpatient?: readonly EncounterRecord[];
  readonly outpatient?: readonly EncounterRecord[];
}

/** Thrown inside the session to unwind on a card refusal; turned into a result at the API edge. */
class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.meaning);
  }
}

export interface HealthCardSessionOptions {
  readonly profile?: CardProfile;
  readonly settings?: Partial<HealthCardSettings>;
}

export class HealthCardSession {
  readonly profile: CardProfile;
  readonly settings: HealthCardSettings;
  readonly card: CardChannel;
  readonly psam: PsamClient;
  /** Diversification factors: CN from the ATR, CITY from the city code (spec §6.1). */
  readonly factors: { readonly CN: Uint8Array; readonly CITY: Uint8Array };
  #df: string | undefined;
  #ef: string | undefined;
  readonly #granted = new Set<KeyId>();
  /** EF05 records already read (the city code is read at open). */
  readonly #ef05 = new Map<number, Uint8Array>();
  /** Number of APDUs sent to the card, for benchmarks and diagnostics. */
  apduCount = 0;

  private constructor(
    card: CardChannel,
    psam: PsamClient,
    profile: CardProfile,
    settings: HealthCardSettings,
    cn: Uint8Array,
  ) {
    this.card = card;
    this.psam = psam;
    this.profile = profile;
    this.settings = settings;
    this.factors = { CN: cn, CITY: new Uint8Array(8) };
  }

  /**
   * Opens a session (spec §6.1): verifies the PSAM PIN (`settings.psamPin`, required: without
   * it nothing is sent), takes CN from the ATR, selects DDF1 and reads the city code from EF05
   * to build CITY.
   */
  static async open(
    card: CardChannel,
    psam: PsamClient,
    options: HealthCardSessionOptions = {},
  ): Promise<CardResult<HealthCardSession>> {
    const settings = { ...DEFAULT_HEALTH_CARD_SETTINGS, ...options.settings };
    if (!settings.psamPin) throw hcardError('HCARD_E_PSAM_PIN_MISSING');
    const atr = card.atr;
    const cn = atr.slice(settings.cardFactorOffset, settings.cardFactorOffset + 8);
    if (cn.length !== 8) {
      throw hcardError('HCARD_E_CARD_DATA_INVALID', `ATR of ${atr.length} bytes has no card factor`);
    }
    const session = new HealthCardSession(
      withT0(card),
      psam,
      options.profile ?? HEALTH_CARD_PROFILE,
      settings,
      cn,
    );
    return session.#result(async () => {
      await psam.open(settings.psamPin);
      const cityItem = itemDef(session.profile, 'cityCode');
      const record = await session.#ef05Record(cityItem);
      // CITY is built from the stored cn bytes, not the decoded digits (spec §6.1).
      (session.factors as { CITY: Uint8Array }).CITY = settings.cityFactor(record.subarray(2));
      return session;
    });
  }

  // ---- reading -------------------------------------------------------------------------

  /** Reads the requested sections in tree order (one SELECT and one authentication per DF). */
  readCard(sections: readonly Section[] = ALL_SECTIONS): Promise<CardResult<HealthCardData>> {
    return this.#result(async () => {
      const want = new Set(sections);
      const items: Record<string, string> = {};
      const data: { -readonly [K in keyof HealthCardData]: HealthCardData[K] } = { items };
      const readTlvFiles = async (paths: readonly string[]) => {
        for (const path of paths) Object.assign(items, await this.#readTlvFile(path));
      };
      if (want.has('basic')) await readTlvFiles(SECTION_FILES.basic);
      if (want.has('photo')) data.photo = await this.#readPhoto();
      if (want.has('extended')) await readTlvFiles(SECTION_FILES.extended);
      if (want.has('clinical')) {
        await readTlvFiles(SECTION_FILES.clinical);
        data.allergies = await this.#readAllergies();
        data.immunisations = await this.#readImmunisations();
      }
      if (want.has('encounters')) {
        for (const kind of ['inpatient', 'outpatient'] as const) {
          const flags = await this.#readIndex(kind);
          const records: EncounterRecord[] = [];
          for (let n = 1; n <= flags.length; n++) {
            if (flags[n - 1])
              records.push({
                number: n,
                items: decodeEncounter(this.profile, kind, await this.#readEncounterBytes(kind, n)),
              });
          }
          if (kind === 'inpatient') {
            data.inpatientFlags = flags;
            data.inpatient = records;
          } else {
            data.outpatientFlags = flags;
            data.outpatient = records;
          }
        }
      }
      return data;
    });
  }

  /** The raw records of a record file, or the bytes of a transparent file. */
  readFile(path: string): Promise<CardResult<Uint8Array[]>> {
    return this.#result(async () => {
      const file = fileDef(this.profile, path);
      if (file.structure === 'transparent') return [await this.#readBinary(file, 0, file.size!)];
      return this.#readRawRecords(path);
    });
  }

  /** The JPEG photo, or null when the card holds none. */
  readPhoto(): Promise<CardResult<Uint8Array | null>> {
    return this.#result(() => this.#readPhoto());
  }

  /** One encounter record's items; HCARD_E_RECORD_EMPTY if its index flag says empty. */
  readEncounter(kind: EncounterKind, n: number): Promise<CardResult<EncounterRecord>> {
    return this.#result(async () => {
      this.#checkEncounterNumber(kind, n);
      if (this.settings.checkIndexBeforeRead && !(await this.#readIndex(kind))[n - 1]) {
        throw hcardError('HCARD_E_RECORD_EMPTY', `${kind} record ${n}`, { kind, record: n });
      }
      return {
        number: n,
        items: decodeEncounter(this.profile, kind, await this.#readEncounterBytes(kind, n)),
      };
    });
  }

  /** Raw bytes of an encounter file (the whole 1893/3267 bytes, signature and certificate included). */
  readEncounterBytes(kind: EncounterKind, n: number): Promise<CardResult<Uint8Array>> {
    return this.#result(() => {
      this.#checkEncounterNumber(kind, n);
      return this.#readEncounterBytes(kind, n);
    });
  }

  // ---- writing -------------------------------------------------------------------------

  /**
   * Writes TLV items (items 1–57) that the profile lets a terminal write, one record each,
   * grouped by file in tree order. Items not named are left as they are.
   */
  writeItems(values: Readonly<Record<string, string>>): Promise<CardResult<void>> {
    return this.#result(async () => {
      const byFile = new Map<string, DataItem[]>();
      for (const key of Object.keys(values)) {
        const item = itemDef(this.profile, key);
        if (item.location.kind !== 'tlv')
          throw hcardError('HCARD_E_ARG_INVALID', `item ${key} is not a TLV item`);
        const file = item.location.file;
        byFile.set(file, [...(byFile.get(file) ?? []), item]);
      }
      // Encode everything before touching the card, so bad input changes nothing.
      const records = [...byFile.entries()]
        .sort(([a], [b]) => this.#treeOrder(a) - this.#treeOrder(b))
        .map(([path, items]) => ({
          file: this.#writableFile(path),
          records: items.map((item) => ({
            item,
            tlv: encodeTlvRecord(item, values[item.key]!, this.settings),
          })),
        }));
      for (const { file, records: recs } of records) {
        for (const { item, tlv } of recs) {
          if (item.location.kind === 'tlv') await this.#writeRecord(file, item.location.record, 0x04, tlv);
        }
      }
    });
  }

  /** Adds an allergy record: it becomes record 1 of the cyclic file (spec §4.3). */
  addAllergy(allergy: Allergy): Promise<CardResult<void>> {
    return this.#result(() =>
      this.#addCyclic(ALLERGY_FILE, {
        allergySubstance: allergy.substance,
        allergyReaction: allergy.reaction,
      }),
    );
  }

  addImmunisation(immunisation: Immunisation): Promise<CardResult<void>> {
    return this.#result(() =>
      this.#addCyclic(IMMUNISATION_FILE, {
        immunisationName: immunisation.name,
        immunisationDate: immunisation.date,
      }),
    );
  }

  /** Marks encounter record n in use (index 00) or erases the mark (FF) (spec §6.5). */
  setEncounterFlag(kind: EncounterKind, n: number, inUse: boolean): Promise<CardResult<void>> {
    return this.#result(async () => {
      this.#checkEncounterNumber(kind, n);
      const file = fileDef(this.profile, INDEX_FILE[kind]);
      const rule = inUse ? file.write : file.erase;
      if (rule?.kind !== 'key') throw hcardError('HCARD_E_PROFILE_NOT_WRITABLE', file.path);
      await this.#select(file.path);
      await this.#authenticate(rule.key);
      // WRITE RECORD (D2) clears the flag to 00, ERASE RECORD (0C) sets it to FF; CLA 84 = SM.
      const ins = inUse ? 0xd2 : 0x0c;
      const name = inUse ? 'WRITE RECORD (SM)' : 'ERASE RECORD (SM)';
      await this.#sendProtected(name, rule.sm, { cla: 0x84, ins, p1: n, p2: 0x04 }, undefined);
    });
  }

  /**
   * Writes a whole encounter record (the data part before the signature), fields not given
   * left empty, then marks it in use. Values are item keys of the layout. With `sign`, the
   * PSAM signs the data and the signature and SAM certificate follow it (spec §6.7).
   */
  writeEncounter(
    kind: EncounterKind,
    n: number,
    values: Readonly<Record<string, string>>,
    options: { sign?: boolean } = {},
  ): Promise<CardResult<void>> {
    return this.#result(async () => {
      this.#checkEncounterNumber(kind, n);
      let bytes = encodeEncounter(this.profile, kind, values, this.settings);
      if (options.sign) {
        const certificate = await this.psam.readFile('samCertificate');
        const signer = decodeCertificate(certificate).publicKey;
        const signature = await this.psam.signDigest(encounterDigest(signer, bytes));
        bytes = assembleSignedEncounter(bytes, signature, certificate);
      }
      await this.#writeEncounterBytes(kind, n, 0, bytes);
      const set = await this.setEncounterFlag(kind, n, true);
      if (!set.ok) throw new Refused(set.refusal);
    });
  }

  /** Writes raw bytes at `offset` of encounter file n (the DLL's byte-range write). */
  writeEncounterBytes(
    kind: EncounterKind,
    n: number,
    offset: number,
    bytes: Uint8Array,
  ): Promise<CardResult<void>> {
    return this.#result(async () => {
      this.#checkEncounterNumber(kind, n);
      await this.#writeEncounterBytes(kind, n, offset, bytes);
    });
  }

  /** Writes the photo: 2-byte length ‖ JPEG (spec §4.6). */
  writePhoto(jpeg: Uint8Array): Promise<CardResult<void>> {
    return this.#result(async () => {
      const isJpeg = jpeg[0] === 0xff && jpeg[1] === 0xd8 && jpeg.at(-2) === 0xff && jpeg.at(-1) === 0xd9;
      if (!isJpeg || jpeg.length > MAX_PHOTO_BYTES) {
        throw hcardError('HCARD_E_PHOTO_INVALID', `${jpeg.length} bytes${isJpeg ? '' : ', not a JPEG'}`);
      }
      const file = this.#writableFile(PHOTO_FILE);
      await this.#writeBinary(file, 0, concatBytes(u16be(jpeg.length), jpeg));
    });
  }

  // ---- internals -----------------------------------------------------------------------

  async #result<T>(body: () => Promise<T>): Promise<CardResult<T>> {
    try {
      return { ok: true, value: await body(), sw: 0x9000 };
    } catch (e) {
      if (e instanceof Refused) return { ok: false, refusal: e.refusal };
      throw e;
    }
  }

  async #send(command: CommandDescriptor): Promise<Uint8Array> {
    this.apduCount++;
    const result = await run(this.card, command);
    if (!result.ok) {
      // A card drops the DF's security state on a wrong MAC (6988) and may have lost it for
      // other reasons (6982): authenticate again next time rather than trust what we granted.
      if (result.refusal.sw === 0x6988 || result.refusal.sw === 0x6982) this.#granted.clear();
      throw new Refused(result.refusal);
    }
    return result.value;
  }

  #treeOrder(path: string): number {
    return this.profile.files.findIndex((f) => f.path === path);
  }

  /** Selects the DF (if it changed: grants are lost) and then the EF (if it changed). */
  async #select(path: string): Promise<void> {
    const df = parentDf(path);
    if (this.#df !== df) {
      // ISO 7816-4 SELECT by FID finds children, the parent and siblings of the current DF.
      const parts = df.split('/');
      const from = this.#df === undefined ? 0 : parts.length - 1;
      for (const fid of parts.slice(from)) await this.#send(selectFile(fid));
      this.#df = df;
      this.#ef = undefined;
      this.#granted.clear();
    }
    if (this.#ef !== path) {
      await this.#send(selectFile(path.slice(path.lastIndexOf('/') + 1)));
      this.#ef = path;
    }
  }

  /** EXTERNAL AUTHENTICATE with `keyId` unless already granted in this DF (spec §6.2, §6.3). */
  async #authenticate(keyId: KeyId): Promise<void> {
    if (this.#granted.has(keyId)) return;
    const key = keyDef(this.profile, keyId);
    if (key.cardRef === undefined)
      throw hcardError('HCARD_E_INTERNAL', `${keyId} is not an authentication key`);
    // Read keys authenticate constant terminal data; update keys a first challenge R1 (spec §6.3).
    const terminalData = keyId.startsWith('RK_')
      ? this.settings.terminalData
      : await this.#send(getChallenge(8));
    const challenge = await this.#send(getChallenge(8));
    const a = await this.psam.authCryptogram(key, this.factors, challenge, terminalData);
    await this.#send(externalAuthenticate(key.cardRef, externalAuthData(a, terminalData)));
    this.#granted.add(keyId);
  }

  async #prepareRead(file: ElementaryFileDef): Promise<void> {
    await this.#select(file.path);
    if (file.read.kind === 'key') await this.#authenticate(file.read.key);
  }

  /** EF05 records are read by identifier (= tag) because record numbers differ from tags (spec §3.3). */
  async #ef05Record(item: DataItem): Promise<Uint8Array> {
    const loc = item.location;
    if (loc.kind !== 'tlv') throw hcardError('HCARD_E_INTERNAL', 'EF05 item without a tag');
    const cached = this.#ef05.get(loc.tag);
    if (cached) return cached;
    await this.#prepareRead(fileDef(this.profile, loc.file));
    const record = await this.#send(readRecord(loc.tag, 'identifier', item.length + 2));
    this.#ef05.set(loc.tag, record);
    return record;
  }

  async #readTlvFile(path: string): Promise<Record<string, string>> {
    const byIdentifier = path === 'DDF1/EF05';
    if (!byIdentifier) await this.#prepareRead(fileDef(this.profile, path));
    const out: Record<string, string> = {};
    for (const item of itemsOfFile(this.profile, path)) {
      const loc = item.location;
      if (loc.kind !== 'tlv') continue;
      const record = byIdentifier
        ? await this.#ef05Record(item)
        : await this.#send(readRecord(loc.record, 'number'));
      out[item.key] = decodeTlvRecord(item, record, this.settings);
    }
    return out;
  }

  async #readBinary(file: ElementaryFileDef, offset: number, length: number): Promise<Uint8Array> {
    await this.#prepareRead(file);
    const chunks: Uint8Array[] = [];
    for (let o = offset; o < offset + length; o += this.settings.binaryChunk) {
      const n = Math.min(this.settings.binaryChunk, offset + length - o);
      const chunk = await this.#send(readBinary(o, n));
      if (chunk.length !== n) {
        throw hcardError(
          'HCARD_E_CARD_DATA_INVALID',
          `READ BINARY at ${o} returned ${chunk.length} of ${n} bytes`,
        );
      }
      chunks.push(chunk);
    }
    return concatBytes(...chunks);
  }

  async #readPhoto(): Promise<Uint8Array | null> {
    const file = fileDef(this.profile, PHOTO_FILE);
    const length = readU16be(await this.#readBinary(file, 0, 2));
    if (length === 0) return null;
    if (length > MAX_PHOTO_BYTES)
      throw hcardError('HCARD_E_PHOTO_INVALID', `length field says ${length} bytes`);
    return this.#readBinary(file, 2, length);
  }

  async #readRawRecords(path: string): Promise<Uint8Array[]> {
    const file = fileDef(this.profile, path);
    await this.#prepareRead(file);
    const out: Uint8Array[] = [];
    for (let n = 1; n <= file.records!; n++) out.push(await this.#send(readRecord(n, 'number')));
    return out;
  }

  async #readRawRecordItems(path: string): Promise<Record<string, string>[]> {
    const out: Record<string, string>[] = [];
    for (const record of await this.#readRawRecords(path)) {
      const values = decodeRawRecord(this.profile, path, record, this.settings);
      if (values) out.push(values);
    }
    return out;
  }

  async #readAllergies(): Promise<Allergy[]> {
    return (await this.#readRawRecordItems(ALLERGY_FILE)).map((v) => ({
      substance: v.allergySubstance ?? '',
      reaction: v.allergyReaction ?? '',
    }));
  }

  async #readImmunisations(): Promise<Immunisation[]> {
    return (await this.#readRawRecordItems(IMMUNISATION_FILE)).map((v) => ({
      name: v.immunisationName ?? '',
      date: v.immunisationDate ?? '',
    }));
  }

  async #readIndex(kind: EncounterKind): Promise<boolean[]> {
    return (await this.#readRawRecords(INDEX_FILE[kind])).map((r) => r[0] === 0x00);
  }

  #encounterFile(kind: EncounterKind, n: number): ElementaryFileDef {
    return filesOfLayout(this.profile, kind)[n - 1]!;
  }

  #checkEncounterNumber(kind: EncounterKind, n: number): void {
    const count = filesOfLayout(this.profile, kind).length;
    if (!Number.isInteger(n) || n < 1 || n > count) {
      throw hcardError('HCARD_E_ARG_INVALID', `${kind} record ${n} outside 1–${count}`);
    }
  }

  async #readEncounterBytes(kind: EncounterKind, n: number): Promise<Uint8Array> {
    const file = this.#encounterFile(kind, n);
    return this.#readBinary(file, 0, file.size!);
  }

  #writableFile(path: string): ElementaryFileDef & { write: { kind: 'key' } } {
    const file = fileDef(this.profile, path);
    if (file.write.kind !== 'key') throw hcardError('HCARD_E_PROFILE_NOT_WRITABLE', path, { file: path });
    return file as ElementaryFileDef & { write: { kind: 'key' } };
  }

  /** UPDATE RECORD, plain or under secure messaging as the file's write rule says (spec §6.4). */
  async #writeRecord(
    file: ElementaryFileDef,
    record: number,
    p2: 0x04 | 0x03,
    data: Uint8Array,
  ): Promise<void> {
    const rule = this.#writableFile(file.path).write;
    await this.#select(file.path);
    await this.#authenticate(rule.key);
    if (rule.sm)
      await this.#sendProtected(
        'UPDATE RECORD (SM)',
        rule.sm,
        { cla: 0x04, ins: 0xdc, p1: record, p2 },
        data,
      );
    else await this.#send(updateRecord(record, p2, data));
  }

  async #sendProtected(
    name: string,
    stk: KeyId | undefined,
    header: { cla: number; ins: number; p1: number; p2: number },
    data: Uint8Array | undefined,
  ): Promise<void> {
    if (!stk) throw hcardError('HCARD_E_INTERNAL', `${name} needs a secure-messaging key`);
    const challenge = await this.#send(getChallenge(8));
    const command = await this.psam.protect(keyDef(this.profile, stk), this.factors, challenge, header, data);
    await this.#send(
      rawCommand(name, command[0]!, command[1]!, command[2]!, command[3]!, command.subarray(5)),
    );
  }

  async #addCyclic(path: string, values: Record<string, string>): Promise<void> {
    const file = this.#writableFile(path);
    const record = encodeRawRecord(this.profile, path, values, this.settings);
    // P1=00 P2=03: a new record in a cyclic file becomes record 1 (spec §6.5).
    await this.#writeRecord(file, 0, 0x03, record);
  }

  async #writeBinary(
    file: ElementaryFileDef & { write: { kind: 'key' } },
    offset: number,
    bytes: Uint8Array,
  ): Promise<void> {
    if (offset < 0 || offset + bytes.length > file.size!) {
      throw hcardError(
        'HCARD_E_ARG_INVALID',
        `bytes ${offset}–${offset + bytes.length} outside ${file.path}`,
      );
    }
    await this.#select(file.path);
    await this.#authenticate(file.write.key);
    for (let o = 0; o < bytes.length; o += this.settings.binaryChunk) {
      await this.#send(updateBinary(offset + o, bytes.subarray(o, o + this.settings.binaryChunk)));
    }
  }

  async #writeEncounterBytes(
    kind: EncounterKind,
    n: number,
    offset: number,
    bytes: Uint8Array,
  ): Promise<void> {
    const file = this.#writableFile(this.#encounterFile(kind, n).path);
    await this.#writeBinary(file, offset, bytes);
  }
}
