/**
 * The one owner of the readers (architecture.md §11): routes ask it for card data and it
 * decides how the card is touched. Per user-card reader (and its PSAM slot) one FIFO queue;
 * identical concurrent reads of the same card coalesced into one card read; what was read
 * served from a snapshot until the card is removed, and read ahead at insertion when configured;
 * writes queued like reads. A card removed mid-request fails the request
 * (HCARD_E_CARD_REMOVED), never a partial result.
 */
import {
  DEFAULT_HEALTH_CARD_SETTINGS,
  type HealthCardData,
  HealthCardSession,
  type HealthCardSettings,
  hcardError,
  PsamClient,
  REGISTRATION_SECTIONS,
  type RegistrationRead,
  readRegistration,
  refusalError,
  type Section,
  toHex,
} from '@hcard/card-core';
import {
  connectPsam,
  pairSlots,
  type ReaderDriver,
  type ReaderWatch,
  type SlotPair,
  withPair,
} from '@hcard/reader-driver';
import { EventHub } from '../events/event-hub.js';
import { KeyedFifo } from './fifo.js';

export interface ReaderServiceOptions {
  /** Explicit user-card/PSAM pairs (with their PINs); empty: pair "… 00 00" with "… 00 01". */
  readonly pairs?: readonly (SlotPair & { readonly psamPin?: string })[];
  /** PIN for PSAMs without their own. */
  readonly psamPin?: string;
  readonly settings?: Partial<HealthCardSettings>;
  /**
   * What is read as soon as a card goes into a user-card reader, before anyone asks, so the
   * first request is answered from the snapshot (or joins the read under way). None: off.
   */
  readonly readAhead?: ReadAhead;
}

export interface ReadAhead {
  /** Health-card sections. */
  readonly sections: readonly Section[];
  /** Then the registration read of the three-in-one card (social security, bank). */
  readonly applications?: boolean;
}

export interface ReaderStatus {
  readonly name: string;
  readonly cardPresent: boolean;
  readonly atr: string | null;
  readonly counter: number;
  /** The paired PSAM slot, when this reader holds user cards. */
  readonly psam: string | null;
}

export interface CardReadResult {
  readonly data: HealthCardData;
  /** True when served from the snapshot of this card, without touching it. */
  readonly cached: boolean;
  /** The reader's event counter when the card was read (its insertion). */
  readonly counter: number;
}

export interface ApplicationsRead {
  readonly read: RegistrationRead;
  readonly counter: number;
  readonly cached: boolean;
}

interface Snapshot {
  /** Counter of the reader's last event when this card was first read. */
  readonly counter: number;
  readonly sections: Set<Section>;
  data: HealthCardData;
}

export class ReaderService {
  readonly events = new EventHub();
  readonly #driver: ReaderDriver;
  readonly #options: ReaderServiceOptions;
  readonly #fifo = new KeyedFifo();
  readonly #snapshots = new Map<string, Snapshot>();
  readonly #applications = new Map<string, { read: RegistrationRead; counter: number }>();
  readonly #applicationsInflight = new Map<string, Promise<ApplicationsRead>>();
  readonly #inflight = new Map<string, Promise<CardReadResult>>();
  /** What `keptRead` and `keptPsamRead` read, by the reader holding the card, then by key. */
  readonly #kept = new Map<string, Map<string, Promise<unknown>>>();
  readonly #counters = new Map<string, number>();
  /**
   * Reader events seen. In the keys of reads in flight: a read asked for after any event (the
   * PSAM a read under way lacked going in, say) never joins one asked for before it.
   */
  #events = 0;
  #watch: ReaderWatch | undefined;
  /** Card reads that touched a card (for tests and benchmarks). */
  cardReads = 0;

  /** The card settings every session of this service opens with. */
  readonly settings: HealthCardSettings;

  constructor(driver: ReaderDriver, options: ReaderServiceOptions = {}) {
    this.#driver = driver;
    this.#options = options;
    this.settings = { ...DEFAULT_HEALTH_CARD_SETTINGS, ...options.settings };
  }

  /** Starts following reader events; resolves once the current state has been seen. */
  async start(): Promise<void> {
    const watch = this.#driver.watch();
    this.#watch = watch;
    const readers = await this.#driver.list().catch(() => []);
    let pending = readers.length;
    let ready!: () => void;
    const seen = new Promise<void>((resolve) => {
      ready = resolve;
      if (pending === 0) resolve();
    });
    void (async () => {
      for await (const event of watch) {
        this.#counters.set(event.reader, event.counter);
        this.#events++;
        // Any change to the card in a reader ends its snapshot.
        if (event.type !== 'reader-added') {
          this.#snapshots.delete(event.reader);
          this.#applications.delete(event.reader);
          this.#kept.delete(event.reader);
        }
        this.events.publish(event);
        if (event.type === 'card-inserted') void this.#readAhead(event.reader);
        if (event.type === 'reader-added' && --pending === 0) ready();
      }
    })();
    await Promise.race([seen, new Promise((r) => setTimeout(r, 2000))]);
  }

  /**
   * Reads what is configured of a card just inserted, or, when a PSAM went in, of the cards in
   * the readers it serves: a card seen before its PSAM (at start, pcscd finds the cards one by
   * one) could not be read ahead without it. A failure waits for a request to tell.
   */
  async #readAhead(reader: string): Promise<void> {
    const { sections = [], applications = false } = this.#options.readAhead ?? {};
    if (sections.length === 0 && !applications) return;
    const readers = await this.#driver.list().catch(() => []);
    const names = readers.map((r) => r.name);
    const cards = this.#pairOf(reader, names)
      ? [reader]
      : readers
          .filter((r) => r.cardPresent && this.#pairOf(r.name, names)?.psam === reader)
          .map((r) => r.name);
    for (const card of cards) {
      // Both join the reader's queue now, in this order: the desk's screen needs the sections
      // first. What the snapshot already holds is not read again.
      if (sections.length > 0) this.readCard(card, sections).catch(() => undefined);
      if (applications) this.readApplications(card).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.#watch?.close();
    await this.#driver.close();
  }

  async list(): Promise<ReaderStatus[]> {
    const readers = await this.#driver.list();
    const names = readers.map((r) => r.name);
    return readers.map((r) => ({
      name: r.name,
      cardPresent: r.cardPresent,
      atr: r.atr ? toHex(r.atr) : null,
      counter: r.counter,
      psam: this.#pairOf(r.name, names)?.psam ?? null,
    }));
  }

  #pairOf(reader: string, names: readonly string[]): (SlotPair & { psamPin?: string }) | undefined {
    const pairs = this.#options.pairs ?? [];
    if (pairs.length > 0) return pairs.find((p) => p.user === reader);
    const pair = pairSlots(names, { user: reader });
    // A PSAM slot ("… 00 01") pairs with itself by the naming rule: it is no user-card reader.
    return pair?.psam === reader ? undefined : pair;
  }

  async #slots(reader: string): Promise<SlotPair & { psamPin: string }> {
    const names = (await this.#driver.list()).map((r) => r.name);
    if (!names.includes(reader)) throw hcardError('HCARD_E_READER_NOT_FOUND', `"${reader}"`, { reader });
    const pair = this.#pairOf(reader, names);
    if (!pair)
      throw hcardError('HCARD_E_READER_NOT_FOUND', `no PSAM slot is paired with "${reader}"`, { reader });
    const psamPin = pair.psamPin ?? this.#options.psamPin;
    // Checked before anything is sent: a PSAM must never see a guessed PIN.
    if (!psamPin)
      throw hcardError('HCARD_E_PSAM_PIN_MISSING', 'set HCARD_PSAM_PIN or "psamPin" in the gateway config');
    return { user: pair.user, psam: pair.psam, psamPin };
  }

  /** Runs `job` with an open session on the reader's card, in the reader's queue. */
  withSession<T>(reader: string, job: (session: HealthCardSession) => Promise<T>): Promise<T> {
    return this.#queued(reader, (slots) => this.#onSession(slots, job));
  }

  #onSession<T>(
    slots: SlotPair & { psamPin: string },
    job: (session: HealthCardSession) => Promise<T>,
  ): Promise<T> {
    return withPair(this.#driver, slots, async (card, psam) => {
      const opened = await HealthCardSession.open(card, new PsamClient(psam), {
        settings: { ...this.#options.settings, psamPin: slots.psamPin },
      });
      if (!opened.ok) throw refusalError(opened.refusal);
      return job(opened.value);
    });
  }

  /**
   * A registration read of the three-in-one card (health issuer/holder/insurance, social
   * security, bank), kept as a snapshot until the card is removed, like readCard's.
   */
  readApplications(reader: string, options: { fresh?: boolean } = {}): Promise<ApplicationsRead> {
    const kept = this.#applications.get(reader);
    if (!options.fresh && kept) return Promise.resolve({ ...kept, cached: true });
    // Requests that arrive while the card is being read share that read.
    const key = `${reader}\n${this.#events}\n${options.fresh ? 'fresh' : ''}`;
    const running = this.#applicationsInflight.get(key);
    if (running) return running;
    const read = this.#readApplications(reader, options.fresh === true).finally(() =>
      this.#applicationsInflight.delete(key),
    );
    this.#applicationsInflight.set(key, read);
    return read;
  }

  async #readApplications(reader: string, fresh: boolean): Promise<ApplicationsRead> {
    const counter = this.#counters.get(reader) ?? 0;
    // Decided in the queue, like readCard's missing sections: a registration read queued ahead
    // of this one may have run meanwhile, and the health sections a read ahead of this one took
    // from this card are not read twice.
    const outcome = await this.#queued(reader, async (slots) => {
      const kept = fresh ? undefined : this.#applications.get(reader);
      if (kept) return { kept };
      return withPair(this.#driver, slots, async (card, psam) => {
        this.cardReads++;
        const healthData = fresh ? undefined : this.snapshot(reader, REGISTRATION_SECTIONS);
        const read = await readRegistration(card, {
          psam: new PsamClient(psam),
          psamPin: slots.psamPin,
          ...(this.#options.settings ? { health: { settings: this.#options.settings } } : {}),
          ...(healthData ? { healthData } : {}),
        });
        return { read, healthKnown: healthData !== undefined };
      });
    });
    if ((this.#counters.get(reader) ?? 0) !== counter)
      throw hcardError('HCARD_E_CARD_REMOVED', `"${reader}"`, { reader });
    if ('kept' in outcome) return { ...outcome.kept, cached: true };
    const { read, healthKnown } = outcome;
    // What it read of the health application serves later card reads too.
    if (!healthKnown && read.health?.kind === 'read')
      this.#keep(reader, counter, REGISTRATION_SECTIONS, read.health.data, false);
    const snapshot = { read, counter };
    this.#applications.set(reader, snapshot);
    return { ...snapshot, cached: false };
  }

  /** Runs `job` with the PSAM of the reader's pair (PIN verified), in the reader's queue. */
  withPsam<T>(reader: string, job: (psam: PsamClient) => Promise<T>): Promise<T> {
    return this.#queued(reader, async (slots) => {
      const channel = await connectPsam(this.#driver, slots.psam);
      try {
        const psam = new PsamClient(channel);
        await psam.open(slots.psamPin);
        return await job(psam);
      } finally {
        await channel.close();
      }
    });
  }

  /**
   * What `job` reads of the reader's card under `key` (a file's records, say): read once, in
   * the reader's queue, and kept until the card leaves or anything is written to it through
   * this service. Concurrent calls with one key share one read.
   */
  keptRead<T>(reader: string, key: string, job: (session: HealthCardSession) => Promise<T>): Promise<T> {
    return this.#remember(reader, key, () => this.withSession(reader, job));
  }

  /** As keptRead, of the PSAM paired with the reader: kept until that PSAM leaves its slot. */
  async keptPsamRead<T>(reader: string, key: string, job: (psam: PsamClient) => Promise<T>): Promise<T> {
    const { psam } = await this.#slots(reader);
    return this.#remember(psam, key, () => this.withPsam(reader, job));
  }

  #remember<T>(holder: string, key: string, read: () => Promise<T>): Promise<T> {
    const known = this.#kept.get(holder)?.get(key);
    if (known) return known as Promise<T>;
    const counter = this.counter(holder);
    const reading = read().then((value) => {
      // An event while it read means another card (or none): nothing of it is this card's.
      if (this.counter(holder) !== counter)
        throw hcardError('HCARD_E_CARD_REMOVED', `"${holder}"`, { reader: holder });
      return value;
    });
    const kept = this.#kept.get(holder) ?? new Map<string, Promise<unknown>>();
    this.#kept.set(holder, kept.set(key, reading));
    // A failure is not kept: the next call asks the card again.
    reading.catch(() => {
      if (kept.get(key) === reading) kept.delete(key);
    });
    return reading;
  }

  async #queued<T>(reader: string, job: (slots: SlotPair & { psamPin: string }) => Promise<T>): Promise<T> {
    const slots = await this.#slots(reader);
    return this.#fifo.run([slots.user, slots.psam], () => job(slots));
  }

  /**
   * The card's data for these sections: from the snapshot when every section was read since
   * the card went in (unless `fresh`), else one card read of the missing sections, shared by
   * every identical request that arrives while it runs.
   */
  readCard(
    reader: string,
    sections: readonly Section[],
    options: { fresh?: boolean } = {},
  ): Promise<CardReadResult> {
    const snap = options.fresh ? undefined : this.#holding(reader, sections);
    if (snap) return Promise.resolve({ data: snap.data, cached: true, counter: snap.counter });
    const want = [...new Set(sections)].sort();
    // Events seen in the key: a read asked for before a re-insertion is not of this card.
    const key = `${reader}\n${this.#events}\n${options.fresh ? 'fresh' : ''}\n${want.join(',')}`;
    const running = this.#inflight.get(key);
    if (running) return running;
    const read = this.#readFromCard(reader, want, options.fresh === true).finally(() =>
      this.#inflight.delete(key),
    );
    this.#inflight.set(key, read);
    return read;
  }

  async #readFromCard(reader: string, want: readonly Section[], fresh: boolean): Promise<CardReadResult> {
    const counter = this.#counters.get(reader) ?? 0;
    // What to read is decided in the reader's queue: a read queued ahead of this one (another
    // request's, or the read-ahead at insertion) may have read these sections meanwhile.
    const read = await this.#queued(reader, async (slots) => {
      const before = this.#snapshots.get(reader);
      const missing = fresh || !before ? want : want.filter((s) => !before.sections.has(s));
      if (missing.length === 0) return undefined;
      return this.#onSession(slots, async (session) => {
        this.cardReads++;
        const read = await session.readCard(missing);
        if (!read.ok) throw refusalError(read.refusal);
        return { missing, data: read.value };
      });
    });
    // An event while we waited or read means another card (or none): keep nothing of this one.
    if ((this.#counters.get(reader) ?? 0) !== counter)
      throw hcardError('HCARD_E_CARD_REMOVED', `"${reader}"`, { reader });
    if (!read) return { data: this.#snapshots.get(reader)!.data, cached: true, counter };
    return { data: this.#keep(reader, counter, read.missing, read.data, fresh), cached: false, counter };
  }

  /** Adds sections just read to the card's snapshot (or starts it over, after a fresh read). */
  #keep(
    reader: string,
    counter: number,
    sections: readonly Section[],
    data: HealthCardData,
    fresh: boolean,
  ): HealthCardData {
    const current = this.#snapshots.get(reader);
    const merged: Snapshot =
      current && !fresh
        ? {
            counter,
            sections: new Set([...current.sections, ...sections]),
            data: { ...current.data, ...data, items: { ...current.data.items, ...data.items } },
          }
        : { counter, sections: new Set(sections), data };
    this.#snapshots.set(reader, merged);
    return merged.data;
  }

  /** The data of the card in the reader as read since it went in, if that holds these sections. */
  snapshot(reader: string, sections: readonly Section[]): HealthCardData | undefined {
    return this.#holding(reader, sections)?.data;
  }

  /** The reader's snapshot if it holds all these sections. */
  #holding(reader: string, sections: readonly Section[]): Snapshot | undefined {
    const snap = this.#snapshots.get(reader);
    return snap && sections.every((s) => snap.sections.has(s)) ? snap : undefined;
  }

  /** Drops sections of a reader's snapshots, and all it kept of single reads, after a write. */
  forget(reader: string, sections: readonly Section[]): void {
    this.#kept.delete(reader);
    // The registration read holds the registration sections of the health application too.
    if (sections.some((s) => REGISTRATION_SECTIONS.includes(s))) this.#applications.delete(reader);
    const snap = this.#snapshots.get(reader);
    if (!snap) return;
    for (const s of sections) snap.sections.delete(s);
  }

  /** The reader's event counter as this service last saw it. */
  counter(reader: string): number {
    return this.#counters.get(reader) ?? 0;
  }
}
