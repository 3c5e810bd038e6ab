/**
 * The emulated printer: its input hopper makes factory-state cards of the reference COS, its
 * encoder is a vpcd slot of pcscd (the blank card is "inserted" by connecting to the slot's
 * port), and it ejects finished cards into a folder as card images with their face PNG, which
 * `hcard emulate --card FILE` serves again. Spoiled cards go to `<dir>/rejects/`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hcardError } from '@hcard/card-core';
import { buildBlankCardImage, EmulatedHealthCard, VpcdCard } from '@hcard/emulator';
import type { CardPrinter } from './printer.js';

export interface EmulatedPrinterOptions {
  /** PC/SC name of the vpcd reader the cards appear in. */
  readonly encoder: string;
  /** vpcd port of that reader. */
  readonly port: number;
  /** Output hopper: finished cards land here. */
  readonly hopper: string;
  /** Blank cards in the input hopper (default: unlimited). */
  readonly blanks?: number;
  /** Chip serials come from `${seed}:${n}`; the default is random per run. */
  readonly seed?: string;
  readonly host?: string;
}

export class EmulatedPrinter implements CardPrinter {
  readonly name: string;
  readonly encoder: string;
  readonly #options: EmulatedPrinterOptions;
  #fed = 0;
  #card: EmulatedHealthCard | undefined;
  #slot: VpcdCard | undefined;
  #face: Uint8Array | undefined;
  readonly #seed: string;

  constructor(options: EmulatedPrinterOptions) {
    this.#options = options;
    this.encoder = options.encoder;
    this.name = `emulated:${options.encoder}`;
    this.#seed = options.seed ?? `${process.pid}:${Date.now()}:${Math.random()}`;
    mkdirSync(join(options.hopper, 'rejects'), { recursive: true });
  }

  /** The card in the encoder now (tests pull it out mid-personalisation). */
  get slot(): VpcdCard | undefined {
    return this.#slot;
  }

  async feed(): Promise<void> {
    if (this.#card)
      throw hcardError('HCARD_E_PRINTER_FAILED', `${this.name}: a card is already in the encoder`);
    if (this.#options.blanks !== undefined && this.#fed >= this.#options.blanks)
      throw hcardError('HCARD_E_PRINTER_EMPTY', `${this.name}: ${this.#fed} blank cards used`);
    this.#fed++;
    this.#card = new EmulatedHealthCard(buildBlankCardImage({ seed: `${this.#seed}:${this.#fed}` }));
    this.#slot = new VpcdCard(this.#card, {
      port: this.#options.port,
      ...(this.#options.host ? { host: this.#options.host } : {}),
    });
    await this.#slot.insert();
  }

  async print(face: Uint8Array): Promise<void> {
    if (!this.#card) throw hcardError('HCARD_E_PRINTER_FAILED', `${this.name}: no card to print on`);
    this.#face = face;
  }

  async eject(to: 'output' | 'reject', label: string): Promise<void> {
    const card = this.#card;
    this.#slot?.remove();
    this.#card = undefined;
    this.#slot = undefined;
    if (!card) return;
    const dir = to === 'output' ? this.#options.hopper : join(this.#options.hopper, 'rejects');
    const safe = label.replace(/[^0-9A-Za-z_-]/g, '_');
    writeFileSync(join(dir, `${safe}.json`), `${JSON.stringify(card.toImage(), null, 2)}\n`);
    if (this.#face && to === 'output') writeFileSync(join(dir, `${safe}.png`), this.#face);
    this.#face = undefined;
  }

  async close(): Promise<void> {
    this.#slot?.remove();
    this.#slot = undefined;
    this.#card = undefined;
  }
}
