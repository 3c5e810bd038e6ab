/**
 * The emulated resident health card: a reference COS for what terminals use (spec §9.2).
 * SELECT by FID; READ RECORD by number (P2=04) and by identifier (P2=00); READ/UPDATE BINARY
 * with 15-bit offsets; UPDATE RECORD linear and cyclic, plain or CLA 04 secure messaging with
 * MAC check; WRITE/ERASE RECORD with MAC (CLA 84); GET CHALLENGE; EXTERNAL AUTHENTICATE with
 * retry counters and blocking; GET RESPONSE when run as a T=0 card. A wrong MAC counts against
 * the STK key (blocked at zero) and drops the security state. The security state is per DF: it
 * resets when another DF is selected and on reset; retry counters survive both. Behaviour the
 * public spec does not fix is documented in emulator/README.md ("reference COS").
 *
 * The card has a lifecycle (architecture §5): `factory` (file tree made, transport key loaded,
 * no card keys), `personalisation` (after the first transport authentication) and `issued`
 * (after END PERSONALISATION: the transport key is gone and the files of
 * REFERENCE_COS.lockedAtEnd refuse every write with 6985). Lifecycle and counters are part of
 * the image (toImage), so they survive reset and a save/load round trip.
 */
import { randomBytes } from 'node:crypto';
import {
  type CardChannel,
  type CardProfile,
  type CommandApdu,
  DEFAULT_DERIVATION,
  deriveSessionKey,
  type ElementaryFileDef,
  equalBytes,
  externalAuthCryptogram,
  fileDef,
  fromHex,
  HEALTH_CARD_PROFILE,
  hcardError,
  type KeyDef,
  type KeyDerivation,
  type KeyId,
  keyByNumber,
  openSmCommand,
  parentDf,
  REFERENCE_COS,
  toHex,
} from '@hcard/card-core';
import { type CardImage, type FileImage, type Lifecycle, validateCardImage } from '../images/image-format.js';
import { type Reply, respond, reply as sw } from '../reply.js';

const SW = {
  OK: 0x9000,
  END_OF_FILE: 0x6282,
  WRONG_LENGTH: 0x6700,
  INCOMPATIBLE_FILE: 0x6981,
  SECURITY: 0x6982,
  BLOCKED: 0x6983,
  CONDITIONS: 0x6985,
  NO_EF: 0x6986,
  SM_WRONG: 0x6988,
  WRONG_DATA: 0x6a80,
  NOT_FOUND: 0x6a82,
  RECORD_NOT_FOUND: 0x6a83,
  WRONG_P1P2: 0x6a86,
  KEY_NOT_FOUND: 0x6a88,
  OFFSET: 0x6b00,
  INS: 0x6d00,
  CLA: 0x6e00,
} as const;

interface FileState {
  readonly def: ElementaryFileDef;
  records?: Uint8Array[];
  data?: Uint8Array;
}

interface KeyCounter {
  readonly value: Uint8Array;
  readonly tries: number;
  remaining: number;
}

interface KeyState extends KeyCounter {
  readonly def: KeyDef;
}

const COS = REFERENCE_COS;

export interface EmulatedHealthCardOptions {
  readonly profile?: CardProfile;
  readonly derivation?: KeyDerivation;
  /** Source of GET CHALLENGE bytes; random by default. */
  readonly random?: (n: number) => Uint8Array;
  /**
   * T=1 (default) returns data with the status word. T=0 answers `61xx` instead and hands the
   * data out on GET RESPONSE, as T=0 cards do (ISO/IEC 7816-3 §10.3.4).
   */
  readonly protocol?: 'T=0' | 'T=1';
}

export class EmulatedHealthCard implements CardChannel {
  readonly atr: Uint8Array;
  readonly protocol: 'T=0' | 'T=1';
  readonly profile: CardProfile;
  readonly #derivation: KeyDerivation;
  readonly #random: (n: number) => Uint8Array;
  readonly #image: CardImage;
  readonly #files = new Map<string, FileState>();
  readonly #keys = new Map<KeyId, KeyState>();
  readonly #dfs: Set<string>;
  #lifecycle: Lifecycle;
  /** The transport key, until END PERSONALISATION deletes it. */
  #transport: KeyCounter | undefined;
  readonly #chipSerial: string | undefined;
  /** Personalisation rights: a transport authentication, valid in every DF until reset. */
  #personalising = false;
  /** '' is the MF. */
  #df = '';
  #ef: FileState | undefined;
  #challenge: Uint8Array | undefined;
  /** T=0: response data waiting for GET RESPONSE. */
  #pending: Uint8Array | undefined;
  readonly #granted = new Set<KeyId>();
  #present = true;
  /** Commands processed since creation, for tests and benchmarks. */
  commandCount = 0;

  constructor(image: CardImage | unknown, options: EmulatedHealthCardOptions = {}) {
    this.profile = options.profile ?? HEALTH_CARD_PROFILE;
    const { image: img, files } = validateCardImage(image, this.profile);
    this.#image = img;
    this.atr = fromHex(img.atr);
    this.#derivation = options.derivation ?? DEFAULT_DERIVATION;
    this.#random = options.random ?? ((n) => new Uint8Array(randomBytes(n)));
    this.protocol = options.protocol ?? 'T=1';
    for (const [path, contents] of files) {
      this.#files.set(path, { def: fileDef(this.profile, path), ...contents });
    }
    for (const def of this.profile.keys) {
      const k = img.keys[def.id];
      // Before END PERSONALISATION a key may not be loaded yet.
      if (k) this.#keys.set(def.id, { def, ...counterOf(k) });
    }
    this.#dfs = new Set(this.profile.dedicatedFiles.map((d) => d.path));
    this.#lifecycle = img.lifecycle ?? 'issued';
    this.#transport = img.transportKey ? counterOf(img.transportKey) : undefined;
    this.#chipSerial = img.chipSerial;
  }

  /** Power cycle: the security state and selection are lost, the contents and retry counters kept. */
  reset(): Uint8Array {
    this.#df = '';
    this.#ef = undefined;
    this.#challenge = undefined;
    this.#pending = undefined;
    this.#granted.clear();
    this.#personalising = false;
    return this.atr;
  }

  /** Simulates taking the card out of (and putting it back into) the reader. */
  setPresent(present: boolean): void {
    this.#present = present;
    this.reset();
  }

  get present(): boolean {
    return this.#present;
  }

  async transmit(command: Uint8Array): Promise<Uint8Array> {
    if (!this.#present) throw hcardError('HCARD_E_TRANSPORT', 'card removed', { disconnected: true });
    return this.process(command);
  }

  /** Synchronous command processing (the vpcd bridge and benchmarks call this directly). */
  process(command: Uint8Array): Uint8Array {
    this.commandCount++;
    return respond(command, (apdu) => {
      // Pending GET RESPONSE data lives until the next command only.
      const pending = this.#pending;
      this.#pending = undefined;
      let reply = apdu.ins === 0xc0 ? this.#getResponse(apdu, pending) : this.#dispatch(apdu, command);
      if (this.protocol === 'T=0' && apdu.ins !== 0xc0 && reply.sw === SW.OK && reply.data?.length) {
        this.#pending = reply.data;
        reply = sw(0x6100 | (reply.data.length & 0xff));
      }
      return reply;
    });
  }

  /** GET RESPONSE (00 C0 00 00 Le): the data a T=0 answer announced with 61xx. */
  #getResponse(apdu: CommandApdu, pending: Uint8Array | undefined): Reply {
    if (apdu.cla !== 0x00) return sw(SW.CLA);
    if (!pending) return sw(SW.CONDITIONS);
    const ne = apdu.ne ?? 256;
    if (ne !== 256 && ne !== pending.length) {
      this.#pending = pending;
      return sw(0x6c00 | (pending.length & 0xff));
    }
    return sw(SW.OK, pending);
  }

  async close(): Promise<void> {}

  /**
   * The card's current state as an image: contents, loaded keys with their retry counters,
   * lifecycle and transport key. `new EmulatedHealthCard(card.toImage())` is the same card
   * (an emulated printer ejects finished cards this way; `hcard emulate --card` serves them).
   */
  toImage(): CardImage {
    const files: Record<string, FileImage> = {};
    for (const [path, f] of this.#files) {
      files[path] = f.records ? { records: f.records.map(toHex) } : { data: toHex(f.data!) };
    }
    const keys: CardImage['keys'] = Object.fromEntries([...this.#keys].map(([id, k]) => [id, keyImage(k)]));
    const { lifecycle: _l, transportKey: _t, chipSerial: _c, ...base } = this.#image;
    return {
      ...base,
      // Absent means issued, so an issued card's image keeps the shape it always had.
      ...(this.#lifecycle === 'issued' ? {} : { lifecycle: this.#lifecycle }),
      ...(this.#transport ? { transportKey: keyImage(this.#transport) } : {}),
      ...(this.#chipSerial === undefined ? {} : { chipSerial: this.#chipSerial }),
      keys,
      files,
    };
  }

  /** The same as toImage() (the name the tests of the issued card use). */
  snapshot(): CardImage {
    return this.toImage();
  }

  get lifecycle(): Lifecycle {
    return this.#lifecycle;
  }

  /** Tries left for a key (tests); the transport key while it exists. */
  triesLeft(id: KeyId | 'TRANSPORT'): number {
    const key = id === 'TRANSPORT' ? this.#transport : this.#keys.get(id);
    if (!key) throw hcardError('HCARD_E_ARG_INVALID', `key ${id} is not loaded`);
    return key.remaining;
  }

  // ---- dispatch --------------------------------------------------------------------------

  #dispatch(apdu: CommandApdu, raw: Uint8Array): Reply {
    const cla = apdu.cla;
    switch (apdu.ins) {
      case 0xa4:
        return cla === 0x00 ? this.#select(apdu) : sw(SW.CLA);
      case 0xb2:
        return cla === 0x00 ? this.#readRecord(apdu) : sw(SW.CLA);
      case 0xb0:
        return cla === 0x00 ? this.#readBinary(apdu) : sw(SW.CLA);
      case 0xd6:
        return cla === 0x00 ? this.#updateBinary(apdu) : sw(SW.CLA);
      case 0xdc:
        return cla === 0x00 || cla === 0x04 ? this.#updateRecord(apdu, raw) : sw(SW.CLA);
      case 0xd2:
      case 0x0c:
        return cla === 0x84 ? this.#flagRecord(apdu, raw) : sw(SW.CLA);
      case 0x84:
        return cla === 0x00 ? this.#getChallenge(apdu) : sw(SW.CLA);
      case 0x82:
        return cla === 0x00 ? this.#externalAuthenticate(apdu) : sw(SW.CLA);
      case COS.getChipSerial.ins:
        return cla === COS.getChipSerial.cla ? this.#getChipSerial(apdu) : sw(SW.CLA);
      case COS.loadKey.ins:
        return cla === COS.loadKey.cla ? this.#loadKey(apdu, raw) : sw(SW.CLA);
      case COS.endPersonalisation.ins:
        return cla === COS.endPersonalisation.cla ? this.#endPersonalisation(apdu) : sw(SW.CLA);
      default:
        return sw(SW.INS);
    }
  }

  // ---- selection -------------------------------------------------------------------------

  /** ISO 7816-4 §7.1.1: a FID is searched among the current DF's children, itself, its parent and siblings. */
  #select(apdu: CommandApdu): Reply {
    if (apdu.p1 !== 0x00 || (apdu.p2 !== 0x00 && apdu.p2 !== 0x0c)) return sw(SW.WRONG_P1P2);
    if (apdu.data?.length !== 2) return sw(SW.WRONG_LENGTH);
    const fid = toHex(apdu.data);
    if (fid === '3F00') return this.#enterDf('');
    const child = joinPath(this.#df, fid);
    if (this.#dfs.has(child)) return this.#enterDf(child);
    const ef = this.#files.get(child);
    if (ef) {
      this.#ef = ef;
      return sw(SW.OK);
    }
    if (this.#df === '') return sw(SW.NOT_FOUND);
    const parent = this.#df.includes('/') ? parentDf(this.#df) : '';
    if (pathFid(this.#df) === fid) return this.#enterDf(this.#df);
    if (parent !== '' && pathFid(parent) === fid) return this.#enterDf(parent);
    const sibling = joinPath(parent, fid);
    return this.#dfs.has(sibling) ? this.#enterDf(sibling) : sw(SW.NOT_FOUND);
  }

  #enterDf(path: string): Reply {
    if (path !== this.#df) this.#granted.clear();
    this.#df = path;
    this.#ef = undefined;
    return sw(SW.OK);
  }

  // ---- access ----------------------------------------------------------------------------

  #mayRead(file: FileState): boolean {
    const rule = file.def.read;
    return rule.kind === 'free' || (rule.kind === 'key' && this.#granted.has(rule.key));
  }

  /** The key a write needs, and the SM key when the rule demands secure messaging. */
  #writeRule(file: FileState, erase = false): { key: KeyId; sm?: KeyId } | undefined {
    const rule = erase ? file.def.erase : file.def.write;
    return rule?.kind === 'key' ? rule : undefined;
  }

  // ---- records ---------------------------------------------------------------------------

  #readRecord(apdu: CommandApdu): Reply {
    const file = this.#ef;
    if (!file) return sw(SW.NO_EF);
    if (!file.records) return sw(SW.INCOMPATIBLE_FILE);
    if (!this.#mayRead(file)) return sw(SW.SECURITY);
    let record: Uint8Array | undefined;
    if (apdu.p2 === 0x04) record = file.records[apdu.p1 - 1];
    else if (apdu.p2 === 0x00) record = file.records.find((r) => r[0] === apdu.p1 && r.length > 0);
    else return sw(SW.WRONG_P1P2);
    if (!record || apdu.p1 === 0) return sw(SW.RECORD_NOT_FOUND);
    return this.#withLe(record, apdu.ne);
  }

  /** Le handling: 00 (256) means "up to 256"; a shorter Le gets 6Cxx with the exact length. */
  #withLe(data: Uint8Array, ne: number | undefined): Reply {
    if (ne === undefined || ne === 256 || ne === data.length) return sw(SW.OK, data);
    if (ne < data.length) return sw(0x6c00 | data.length);
    return sw(SW.END_OF_FILE, data);
  }

  #updateRecord(apdu: CommandApdu, raw: Uint8Array): Reply {
    const file = this.#ef;
    if (!file) return sw(SW.NO_EF);
    if (!file.records) return sw(SW.INCOMPATIBLE_FILE);
    if (this.#locked(file)) return sw(SW.CONDITIONS);
    if (this.#personalising && apdu.cla === 0x00) return this.#personaliseRecord(file, apdu);
    const rule = this.#writeRule(file);
    if (!rule || !this.#granted.has(rule.key)) return sw(SW.SECURITY);
    let data: Uint8Array | undefined;
    if (apdu.cla === 0x04) {
      if (!rule.sm) return sw(SW.CONDITIONS);
      const opened = this.#openSm(rule.sm, raw);
      if ('sw' in opened) return opened;
      data = opened.data;
    } else {
      if (rule.sm) return sw(SW.SECURITY); // the file demands secure messaging
      data = apdu.data;
    }
    if (!data || (file.def.structure !== 'linear-tlv' && data.length !== file.def.recordLength)) {
      return sw(SW.WRONG_LENGTH);
    }
    if (file.def.structure === 'cyclic') {
      if (apdu.p1 !== 0x00 || apdu.p2 !== 0x03) return sw(SW.WRONG_P1P2);
      // A new record becomes record 1; the oldest falls off (spec §4.3).
      file.records = [Uint8Array.from(data), ...file.records.slice(0, -1)];
      return sw(SW.OK);
    }
    if (apdu.p2 !== 0x04) return sw(SW.WRONG_P1P2);
    const old = file.records[apdu.p1 - 1];
    if (!old || apdu.p1 === 0) return sw(SW.RECORD_NOT_FOUND);
    // Records of a TLV file keep their fixed size: a record of another length is refused.
    if (file.def.structure === 'linear-tlv' && data.length !== old.length) return sw(SW.WRONG_LENGTH);
    file.records[apdu.p1 - 1] = Uint8Array.from(data);
    return sw(SW.OK);
  }

  /** WRITE RECORD (D2) sets an index flag to 00, ERASE RECORD (0C) to FF; both MACed (CLA 84). */
  #flagRecord(apdu: CommandApdu, raw: Uint8Array): Reply {
    const file = this.#ef;
    if (!file) return sw(SW.NO_EF);
    if (file.def.structure !== 'linear-raw' || !file.records) return sw(SW.INCOMPATIBLE_FILE);
    if (this.#locked(file)) return sw(SW.CONDITIONS);
    const erase = apdu.ins === 0x0c;
    const rule = this.#writeRule(file, erase);
    if (!rule?.sm || !this.#granted.has(rule.key)) return sw(SW.SECURITY);
    if (apdu.p2 !== 0x04) return sw(SW.WRONG_P1P2);
    const opened = this.#openSm(rule.sm, raw);
    if ('sw' in opened) return opened;
    const record = file.records[apdu.p1 - 1];
    if (!record || apdu.p1 === 0) return sw(SW.RECORD_NOT_FOUND);
    file.records[apdu.p1 - 1] = new Uint8Array(record.length).fill(erase ? 0xff : 0x00);
    return sw(SW.OK);
  }

  // ---- binary ----------------------------------------------------------------------------

  #binaryTarget(apdu: CommandApdu): { file: FileState; offset: number } | Reply {
    const file = this.#ef;
    if (!file) return sw(SW.NO_EF);
    if (!file.data) return sw(SW.INCOMPATIBLE_FILE);
    // P1 bit 8 set would mean an SFI reference; the health card is addressed by FID only.
    if (apdu.p1 & 0x80) return sw(SW.WRONG_P1P2);
    const offset = (apdu.p1 << 8) | apdu.p2;
    if (offset >= file.data.length) return sw(SW.OFFSET);
    return { file, offset };
  }

  #readBinary(apdu: CommandApdu): Reply {
    const target = this.#binaryTarget(apdu);
    if ('sw' in target) return target;
    if (!this.#mayRead(target.file)) return sw(SW.SECURITY);
    const ne = apdu.ne ?? 256;
    const data = target.file.data!.slice(target.offset, target.offset + ne);
    return sw(data.length < ne && ne !== 256 ? SW.END_OF_FILE : SW.OK, data);
  }

  #updateBinary(apdu: CommandApdu): Reply {
    const target = this.#binaryTarget(apdu);
    if ('sw' in target) return target;
    if (this.#locked(target.file)) return sw(SW.CONDITIONS);
    const rule = this.#writeRule(target.file);
    const allowed = this.#personalising || (rule && !rule.sm && this.#granted.has(rule.key));
    if (!allowed) return sw(SW.SECURITY);
    const data = apdu.data;
    if (!data) return sw(SW.WRONG_LENGTH);
    if (target.offset + data.length > target.file.data!.length) return sw(SW.OFFSET);
    target.file.data!.set(data, target.offset);
    return sw(SW.OK);
  }

  // ---- personalisation (reference COS; emulator/README.md "Reference COS: personalisation") --

  /** Files locked for ever at the end of personalisation: no key opens them again. */
  #locked(file: FileState): boolean {
    return this.#lifecycle === 'issued' && COS.lockedAtEnd.includes(file.def.path);
  }

  /**
   * UPDATE RECORD 00 DC P1 04 with personalisation rights: any record file, plain, by record
   * number (cyclic files too: personalisation places records, it does not append). A record
   * keeps the size the factory gave it.
   */
  #personaliseRecord(file: FileState, apdu: CommandApdu): Reply {
    if (apdu.p2 !== 0x04) return sw(SW.WRONG_P1P2);
    const old = file.records![apdu.p1 - 1];
    if (!old || apdu.p1 === 0) return sw(SW.RECORD_NOT_FOUND);
    if (apdu.data?.length !== old.length) return sw(SW.WRONG_LENGTH);
    file.records![apdu.p1 - 1] = Uint8Array.from(apdu.data);
    return sw(SW.OK);
  }

  /** GET DATA 00 CA 00 0A, Le 0A: the chip serial (ASCII), in every state. */
  #getChipSerial(apdu: CommandApdu): Reply {
    const { p1, p2, length } = COS.getChipSerial;
    if (apdu.p1 !== p1 || apdu.p2 !== p2) return sw(SW.WRONG_P1P2);
    if (this.#chipSerial === undefined) return sw(SW.KEY_NOT_FOUND);
    if (apdu.ne !== length && apdu.ne !== 256) return sw(0x6c00 | length);
    return sw(
      SW.OK,
      Uint8Array.from(this.#chipSerial, (c) => c.charCodeAt(0)),
    );
  }

  /**
   * LOAD KEY 84 D4 00 <key number> Lc C ‖ MAC: C encrypts tries(1) ‖ key(16) with the transport
   * session key of the last GET CHALLENGE (secure messaging as spec §6.4). A wrong MAC counts
   * against the transport key and ends personalisation rights; a replay finds no challenge.
   * A key is loaded once: loading it again is refused (6985).
   */
  #loadKey(apdu: CommandApdu, raw: Uint8Array): Reply {
    if (apdu.p1 !== COS.loadKey.p1) return sw(SW.WRONG_P1P2);
    if (!this.#personalising || !this.#transport) return sw(SW.SECURITY);
    const def = keyByNumber(this.profile, apdu.p2);
    if (!def) return sw(SW.KEY_NOT_FOUND);
    const opened = this.#openSm(this.#transport, raw);
    if ('sw' in opened) return opened;
    const data = opened.data;
    if (data?.length !== 17 || data[0]! < 1 || data[0]! > 15) return sw(SW.WRONG_DATA);
    if (this.#keys.has(def.id)) return sw(SW.CONDITIONS);
    this.#keys.set(def.id, { def, value: data.slice(1), tries: data[0]!, remaining: data[0]! });
    return sw(SW.OK);
  }

  /**
   * END PERSONALISATION 80 EA 00 00: needs personalisation rights and every card key loaded.
   * The card becomes issued for good: the transport key is deleted (so it can never be run
   * twice) and the locked files refuse writes.
   */
  #endPersonalisation(apdu: CommandApdu): Reply {
    if (apdu.p1 !== COS.endPersonalisation.p1 || apdu.p2 !== COS.endPersonalisation.p2)
      return sw(SW.WRONG_P1P2);
    if (apdu.data?.length) return sw(SW.WRONG_LENGTH);
    if (!this.#personalising) return sw(SW.SECURITY);
    if (this.profile.keys.some((k) => !this.#keys.has(k.id))) return sw(SW.CONDITIONS);
    this.#lifecycle = 'issued';
    this.#transport = undefined;
    this.#personalising = false;
    this.#granted.clear();
    return sw(SW.OK);
  }

  // ---- security --------------------------------------------------------------------------

  #getChallenge(apdu: CommandApdu): Reply {
    if (apdu.ne !== 8 || apdu.p1 !== 0 || apdu.p2 !== 0)
      return sw(apdu.ne === 8 ? SW.WRONG_P1P2 : SW.WRONG_LENGTH);
    this.#challenge = this.#random(8);
    return sw(SW.OK, this.#challenge);
  }

  /** The challenge is single-use: an authentication or SM command consumes it. */
  #takeChallenge(): Uint8Array | undefined {
    const c = this.#challenge;
    this.#challenge = undefined;
    return c;
  }

  /** Keys live in DFs; the card reference P2 is resolved in the current DF. */
  #keyByRef(ref: number): KeyState | undefined {
    for (const k of this.#keys.values()) if (k.def.df === this.#df && k.def.cardRef === ref) return k;
    return undefined;
  }

  /** EXTERNAL AUTHENTICATE, data A(8) ‖ T(8) ‖ 01 (spec §6.2); the transport key's is in the MF. */
  #externalAuthenticate(apdu: CommandApdu): Reply {
    const transport = this.#df === '' && apdu.p2 === COS.transportKeyRef ? this.#transport : undefined;
    const key = transport ?? this.#keyByRef(apdu.p2);
    if (!key) return sw(SW.KEY_NOT_FOUND);
    const verdict = this.#checkCryptogram(key, apdu.data);
    if (verdict.sw !== SW.OK) return verdict;
    if (transport) {
      this.#personalising = true;
      if (this.#lifecycle === 'factory') this.#lifecycle = 'personalisation';
    } else this.#granted.add((key as KeyState).def.id);
    return verdict;
  }

  /** The cryptogram check with the key's retry counter (63Cx, blocked at zero, reset on success). */
  #checkCryptogram(key: KeyCounter, data: Uint8Array | undefined): Reply {
    if (key.remaining === 0) return sw(SW.BLOCKED);
    if (data?.length !== 17) return sw(SW.WRONG_LENGTH);
    const challenge = this.#takeChallenge();
    if (!challenge) return sw(SW.CONDITIONS);
    const session = deriveSessionKey(this.#derivation, key.value, challenge);
    const expected = externalAuthCryptogram(this.#derivation.cipher, session, data.subarray(8, 16));
    if (!equalBytes(expected, data.subarray(0, 8))) {
      key.remaining--;
      return sw(0x63c0 | key.remaining);
    }
    key.remaining = key.tries;
    return sw(SW.OK);
  }

  /**
   * Checks the MAC of a protected command with the STK session key and opens its data, or
   * answers the refusal. The STK key has a retry counter like an authentication key: a wrong
   * MAC is a wrong cryptogram (6988, one try less, blocked at zero) and a correct one resets it.
   */
  #openSm(stk: KeyId | KeyCounter, raw: Uint8Array): { data: Uint8Array | undefined } | Reply {
    const key = typeof stk === 'string' ? this.#keys.get(stk) : stk;
    if (!key) return sw(SW.KEY_NOT_FOUND);
    if (key.remaining === 0) return sw(SW.BLOCKED);
    // Lc must cover exactly cryptogram ‖ MAC (no Le, no extended length): a syntax error, not a MAC failure.
    if (raw.length < 5 || raw[4] !== raw.length - 5) return sw(SW.WRONG_LENGTH);
    const challenge = this.#takeChallenge();
    // Without a challenge there is no session key to check against (a replay lands here).
    if (!challenge) return sw(SW.CONDITIONS);
    const session = deriveSessionKey(this.#derivation, key.value, challenge);
    const opened = openSmCommand(this.#derivation.cipher, session, raw.subarray(0, 5), raw.subarray(5));
    if (!opened) {
      key.remaining--;
      // A forged or corrupted command ends the session: every key granted in this DF must be earned
      // again, and personalisation rights too.
      this.#granted.clear();
      this.#personalising = false;
      return sw(SW.SM_WRONG);
    }
    key.remaining = key.tries;
    return opened;
  }
}

const counterOf = (k: { value: string; tries: number; remaining?: number }): KeyCounter => ({
  value: fromHex(k.value),
  tries: k.tries,
  remaining: k.remaining ?? k.tries,
});

const keyImage = (k: KeyCounter) => ({ value: toHex(k.value), tries: k.tries, remaining: k.remaining });

const pathFid = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const joinPath = (df: string, fid: string): string => (df === '' ? fid : `${df}/${fid}`);
