/**
 * The emulated health-card PSAM (spec §6.9, §9.3): SELECT of MF/DF01 and its five data files,
 * READ BINARY, VERIFY / CHANGE PIN, 80 DE (derive the card key from the factors, then a session
 * key from the challenge), 80 FA 00 (encrypt) and 80 FA 05 (MAC with IV), answered T=0 style
 * with 61xx and GET RESPONSE, and PSO COMPUTE DIGITAL SIGNATURE (SM2 over a digest: the
 * reference COS's stand-in for the unpublished SAM signing command).
 */
import {
  type CardChannel,
  type CommandApdu,
  cbcMac,
  DEFAULT_DERIVATION,
  deriveCardKey,
  deriveSessionKey,
  equalBytes,
  fromHex,
  type KeyDerivation,
  sm2SignDigest,
  toHex,
} from '@hcard/card-core';
import { type PsamImage, validatePsamImage } from '../images/image-format.js';
import { type Reply, respond, reply as sw } from '../reply.js';

const FILE_DF: Record<string, 'MF' | 'DF01'> = {
  '0015': 'MF',
  '0016': 'MF',
  '001A': 'DF01',
  '001B': 'DF01',
  '001C': 'DF01',
};

export class EmulatedPsam implements CardChannel {
  readonly atr: Uint8Array;
  readonly protocol = 'T=0' as const;
  readonly #image: PsamImage;
  readonly #derivation: KeyDerivation;
  readonly #files: Map<string, Uint8Array>;
  #pin: Uint8Array;
  #pinRemaining: number;
  #pinVerified = false;
  #df: 'MF' | 'DF01' = 'MF';
  #ef: string | undefined;
  #sessionKey: Uint8Array | undefined;
  #pending: Uint8Array | undefined;
  commandCount = 0;

  constructor(image: PsamImage | unknown, options: { derivation?: KeyDerivation } = {}) {
    this.#image = validatePsamImage(image);
    this.atr = fromHex(this.#image.atr);
    this.#derivation = options.derivation ?? DEFAULT_DERIVATION;
    this.#files = new Map(Object.entries(this.#image.files).map(([fid, hex]) => [fid, fromHex(hex)]));
    this.#pin = fromHex(this.#image.pin);
    this.#pinRemaining = this.#image.pinTries;
  }

  reset(): Uint8Array {
    this.#pinVerified = false;
    this.#df = 'MF';
    this.#ef = undefined;
    this.#sessionKey = undefined;
    this.#pending = undefined;
    return this.atr;
  }

  async transmit(command: Uint8Array): Promise<Uint8Array> {
    return this.process(command);
  }

  process(command: Uint8Array): Uint8Array {
    this.commandCount++;
    return respond(command, (apdu) => this.#dispatch(apdu));
  }

  async close(): Promise<void> {}

  #dispatch(apdu: CommandApdu): Reply {
    const key = `${apdu.cla.toString(16).padStart(2, '0')}${apdu.ins.toString(16).padStart(2, '0')}`;
    // A pending response survives only until the next command (ISO 7816-4 GET RESPONSE).
    const pending = this.#pending;
    this.#pending = undefined;
    switch (key) {
      case '00a4':
        return this.#select(apdu);
      case '00b0':
        return this.#readBinary(apdu);
      case '0020':
        return this.#verify(apdu);
      case '805e':
        return this.#changePin(apdu);
      case '80de':
        return this.#initKey(apdu);
      case '80fa':
        return this.#cipher(apdu);
      case '00c0':
        return this.#getResponse(apdu, pending);
      case '002a':
        return this.#sign(apdu);
      default:
        return sw(apdu.cla === 0x00 || apdu.cla === 0x80 ? 0x6d00 : 0x6e00);
    }
  }

  #select(apdu: CommandApdu): Reply {
    if (apdu.data?.length !== 2) return sw(0x6700);
    const fid = toHex(apdu.data);
    if (fid === '3F00' || fid === 'DF01') {
      this.#df = fid === '3F00' ? 'MF' : 'DF01';
      this.#ef = undefined;
      return sw(0x9000);
    }
    if (FILE_DF[fid] !== this.#df) return sw(0x6a82);
    this.#ef = fid;
    return sw(0x9000);
  }

  #readBinary(apdu: CommandApdu): Reply {
    if (!this.#ef) return sw(0x6986);
    const data = this.#files.get(this.#ef)!;
    const offset = (apdu.p1 << 8) | apdu.p2;
    if (offset >= data.length) return sw(0x6b00);
    const ne = apdu.ne ?? 256;
    return sw(0x9000, data.slice(offset, offset + ne));
  }

  #verify(apdu: CommandApdu): Reply {
    if (this.#pinRemaining === 0) return sw(0x6983);
    if (!apdu.data || !equalBytes(apdu.data, this.#pin)) {
      this.#pinRemaining--;
      this.#pinVerified = false;
      return sw(0x63c0 | this.#pinRemaining);
    }
    this.#pinRemaining = this.#image.pinTries;
    this.#pinVerified = true;
    return sw(0x9000);
  }

  /** 80 5E 01 00: old PIN ‖ FF ‖ new PIN (spec §5.1). */
  #changePin(apdu: CommandApdu): Reply {
    const data = apdu.data;
    const sep = data?.indexOf(0xff) ?? -1;
    if (!data || sep < 2) return sw(0x6a80);
    const verified = this.#verify({ ...apdu, data: data.subarray(0, sep) });
    if (verified.sw !== 0x9000) return verified;
    this.#pin = data.slice(sep + 1);
    return sw(0x9000);
  }

  /** 80 DE usage index: factors (levels × 8 bytes) ‖ challenge (8 bytes). */
  #initKey(apdu: CommandApdu): Reply {
    if (!this.#pinVerified) return sw(0x6982);
    if (this.#df !== 'DF01') return sw(0x6985);
    const key = this.#image.keys.find((k) => k.index === apdu.p2);
    if (!key) return sw(0x6a88);
    if (key.usage !== apdu.p1) return sw(0x6a86);
    const levels = apdu.p1 >> 5;
    const data = apdu.data;
    if (data?.length !== 8 * (levels + 1)) return sw(0x6700);
    const factors = Array.from({ length: levels }, (_, i) => data.subarray(8 * i, 8 * i + 8));
    const cardKey = deriveCardKey(this.#derivation, fromHex(key.value), factors);
    this.#sessionKey = deriveSessionKey(this.#derivation, cardKey, data.subarray(8 * levels));
    return sw(0x9000);
  }

  /** 80 FA 00 00 encrypt / 80 FA 05 00 MAC with the first 16 bytes as IV. */
  #cipher(apdu: CommandApdu): Reply {
    if (!this.#sessionKey) return sw(0x6985);
    const data = apdu.data;
    if (!data || data.length % 16 !== 0) return sw(0x6700);
    const cipher = this.#derivation.cipher;
    if (apdu.p1 === 0x00 && apdu.p2 === 0x00) return this.#respond(cipher.encryptEcb(this.#sessionKey, data));
    if (apdu.p1 === 0x05 && apdu.p2 === 0x00) {
      if (data.length < 32) return sw(0x6700);
      return this.#respond(cbcMac(cipher, this.#sessionKey, data.subarray(0, 16), data.subarray(16)));
    }
    return sw(0x6a86);
  }

  /** PSO COMPUTE DIGITAL SIGNATURE (00 2A 9E 9A) over a 32-byte digest. */
  #sign(apdu: CommandApdu): Reply {
    if (apdu.p1 !== 0x9e || apdu.p2 !== 0x9a) return sw(0x6a86);
    if (!this.#pinVerified) return sw(0x6982);
    if (apdu.data?.length !== 32) return sw(0x6700);
    return this.#respond(sm2SignDigest(fromHex(this.#image.signingKey), apdu.data));
  }

  /** T=0 style: the data waits for GET RESPONSE. */
  #respond(data: Uint8Array): Reply {
    this.#pending = data;
    return sw(0x6100 | (data.length & 0xff));
  }

  #getResponse(apdu: CommandApdu, pending: Uint8Array | undefined): Reply {
    if (!pending) return sw(0x6985);
    const ne = apdu.ne ?? 256;
    if (ne !== 256 && ne < pending.length) {
      this.#pending = pending;
      return sw(0x6c00 | pending.length);
    }
    return sw(0x9000, pending);
  }
}
