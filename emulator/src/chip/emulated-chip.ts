/**
 * One emulated chip carrying several applications: the "three cards in one" card. The health
 * application is the chip's MF side (SELECT by FID, as EmulatedHealthCard has always been
 * addressed); the social-security and bank applications are selected by DF name.
 *
 * Routing (the reference multi-application COS, emulator/README.md):
 * - SELECT by DF name (`00 A4 04 …`) picks the application whose AID equals the name or starts
 *   with it (a partial name, ISO 7816-4 §7.1.1); the previous application loses its state. An
 *   unknown name answers 6A82 and keeps the current selection.
 * - SELECT of the MF (`3F00`) leaves the selected application for the MF.
 * - Any other command goes to the selected application, or to the MF side when none is. A SELECT
 *   by FID that the application refuses (6A82, or 6A86/6D00 from one that has no files by FID)
 *   is searched on the MF side too, as ISO 7816-4 searches the siblings of the current DF: a
 *   health reader that selects DDF1 after a social-security or bank read finds it.
 * - On a T=0 chip the applications' data is handed out by GET RESPONSE (`61xx`), as the health
 *   side already does for itself.
 */
import { type CardChannel, hcardError } from '@hcard/card-core';
import type { EmulatedHealthCard } from '../health-card/emulated-health-card.js';
import type { EmulatedApplication } from './emulated-application.js';

const SW_OK = 0x9000;
const SW_NOT_FOUND = 0x6a82;
const INS_SELECT = 0xa4;
const INS_GET_RESPONSE = 0xc0;
const SELECT_BY_NAME = 0x04;

export interface EmulatedChipParts {
  /** The health application (the MF side); absent on a card without it. */
  readonly health?: EmulatedHealthCard;
  /** Applications selected by name (SSSE, bank). */
  readonly applications?: readonly EmulatedApplication[];
  /** The chip's ATR; the health application's when there is one. */
  readonly atr?: Uint8Array;
  /** T=0 or T=1 (default) for a chip without the health application; else the health card's. */
  readonly protocol?: 'T=0' | 'T=1';
}

export class EmulatedChip implements CardChannel {
  readonly atr: Uint8Array;
  readonly protocol: 'T=0' | 'T=1';
  readonly health: EmulatedHealthCard | undefined;
  readonly applications: readonly EmulatedApplication[];
  #current: EmulatedApplication | undefined;
  #pending: Uint8Array | undefined;
  #present = true;
  /** Commands processed since creation, for tests and benchmarks. */
  commandCount = 0;

  constructor(parts: EmulatedChipParts) {
    this.health = parts.health;
    this.applications = parts.applications ?? [];
    const atr = parts.atr ?? parts.health?.atr;
    if (!atr) throw hcardError('HCARD_E_ARG_INVALID', 'a chip without the health application needs an ATR');
    if (!parts.health && this.applications.length === 0)
      throw hcardError('HCARD_E_ARG_INVALID', 'a chip needs at least one application');
    this.atr = atr;
    this.protocol = parts.health?.protocol ?? parts.protocol ?? 'T=1';
  }

  /** Names of the applications on the chip, health first. */
  get applicationNames(): string[] {
    return [...(this.health ? ['health'] : []), ...this.applications.map((a) => a.name)];
  }

  application(name: string): EmulatedApplication | undefined {
    return this.applications.find((a) => a.name === name);
  }

  reset(): Uint8Array {
    this.health?.reset();
    for (const app of this.applications) app.reset();
    this.#current = undefined;
    this.#pending = undefined;
    return this.atr;
  }

  setPresent(present: boolean): void {
    this.#present = present;
    this.health?.setPresent(present);
    this.reset();
  }

  get present(): boolean {
    return this.#present;
  }

  async transmit(command: Uint8Array): Promise<Uint8Array> {
    if (!this.#present) throw hcardError('HCARD_E_TRANSPORT', 'card removed', { disconnected: true });
    return this.process(command);
  }

  async close(): Promise<void> {}

  process(command: Uint8Array): Uint8Array {
    this.commandCount++;
    const ins = command[1];
    if (ins === INS_SELECT && command[2] === SELECT_BY_NAME) return this.#selectByName(command);
    if (ins === INS_SELECT && isMfSelect(command)) {
      this.#leaveApplication();
      return this.health ? this.health.process(command) : status(SW_OK);
    }
    const app = this.#current;
    if (!app) return this.health ? this.health.process(command) : status(SW_NOT_FOUND);
    if (ins === INS_GET_RESPONSE && this.protocol === 'T=0') return this.#getResponse();
    this.#pending = undefined;
    const answer = app.process(command);
    if (ins === INS_SELECT && !selected(answer) && this.health) {
      const outside = this.health.process(command);
      if (!selected(outside)) return this.#t0(answer);
      this.#leaveApplication();
      return outside;
    }
    return this.#t0(answer);
  }

  #selectByName(command: Uint8Array): Uint8Array {
    const lc = command[4] ?? 0;
    const name = command.subarray(5, 5 + lc);
    const app = this.applications.find((a) => a.aids.some((aid) => startsWith(aid, name)));
    if (!app) return status(SW_NOT_FOUND);
    if (app !== this.#current) {
      this.#leaveApplication();
      this.#current = app;
    }
    this.#pending = undefined;
    return this.#t0(app.process(command));
  }

  #leaveApplication(): void {
    this.#current?.reset();
    this.#current = undefined;
    this.#pending = undefined;
  }

  /** T=0: data waits for GET RESPONSE behind 61xx (ISO/IEC 7816-3 §10.3.4). */
  #t0(answer: Uint8Array): Uint8Array {
    if (this.protocol !== 'T=0' || answer.length <= 2 || swOf(answer) !== SW_OK) return answer;
    this.#pending = answer.subarray(0, answer.length - 2);
    return status(0x6100 | (this.#pending.length & 0xff));
  }

  #getResponse(): Uint8Array {
    const pending = this.#pending;
    this.#pending = undefined;
    if (!pending) return status(0x6985);
    const out = new Uint8Array(pending.length + 2);
    out.set(pending);
    out.set([0x90, 0x00], pending.length);
    return out;
  }
}

const status = (sw: number) => Uint8Array.of(sw >> 8, sw & 0xff);
/** 9000, or 61xx on a T=0 chip: the SELECT found its file. */
const selected = (answer: Uint8Array) => swOf(answer) === SW_OK || answer.at(-2) === 0x61;
const swOf = (answer: Uint8Array) => ((answer.at(-2) ?? 0) << 8) | (answer.at(-1) ?? 0);

function isMfSelect(command: Uint8Array): boolean {
  return command[2] === 0x00 && command[4] === 2 && command[5] === 0x3f && command[6] === 0x00;
}

function startsWith(aid: Uint8Array, name: Uint8Array): boolean {
  if (name.length === 0 || name.length > aid.length) return false;
  for (let i = 0; i < name.length; i++) if (aid[i] !== name[i]) return false;
  return true;
}
