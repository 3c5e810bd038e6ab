/**
 * The same cases through both drivers: PcscDriver (our card on vpcd → pcscd) and the in-process
 * EmulatorDriver. Connect options must mean the same thing on both paths — what the card keeps
 * after a channel closes with each disposition, and which connections the share modes allow —
 * so that a test through the in-process driver means what it means through PC/SC. pcscd is the
 * reference. A "second application" is a second PcscDriver (its own PC/SC context) on one side
 * and `EmulatorDriver#peer()` on the other.
 *
 * What the card keeps is read with plain APDUs: the selection (READ RECORD on the EF selected
 * before) and the security state (EF06 may only be read after EXTERNAL AUTHENTICATE with
 * RK_DDF1).
 */
import {
  type CardChannel,
  DEFAULT_DERIVATION,
  deriveSessionKey,
  externalAuthCryptogram,
  externalAuthData,
  fromHex,
} from '@hcard/card-core';
import { type BuiltCard, EmulatedHealthCard, generateCard } from '@hcard/emulator';
import { type ConnectOptions, EmulatorDriver, PcscDriver, type ReaderDriver } from '@hcard/reader-driver';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PcscRig, pcscUnavailable, READERS, waitFor } from '../support/pcsc-rig.js';

interface Path {
  /** Two applications on the same reader. */
  readonly apps: readonly [ReaderDriver, ReaderDriver];
  readonly reader: string;
  insert(card: EmulatedHealthCard): Promise<void>;
  eject(): Promise<void>;
}

const sw = (response: Uint8Array) => ((response.at(-2)! << 8) | response.at(-1)!).toString(16).toUpperCase();
const apdu = async (channel: CardChannel, hex: string) => sw(await channel.transmit(fromHex(hex)));

const SELECT_DDF1 = '00A4000002DDF1';
const SELECT_EF06 = '00A4000002EF06';
const READ_RECORD_1 = '00B2010400';

/** EXTERNAL AUTHENTICATE with the card's RK_DDF1 (card reference 04), as the PSAM would compute it. */
async function authenticate(channel: CardChannel, built: BuiltCard): Promise<string> {
  const challenge = await channel.transmit(fromHex('0084000008'));
  expect(sw(challenge)).toBe('9000');
  const session = deriveSessionKey(
    DEFAULT_DERIVATION,
    fromHex(built.image.keys.RK_DDF1!.value),
    challenge.subarray(0, 8),
  );
  const terminal = fromHex('0102030405060708');
  const data = externalAuthData(
    externalAuthCryptogram(DEFAULT_DERIVATION.cipher, session, terminal),
    terminal,
  );
  return apdu(channel, `0082000411${Buffer.from(data).toString('hex')}`);
}

function parityCases(path: () => Path): void {
  const channels: CardChannel[] = [];
  afterEach(async () => {
    await Promise.all(channels.splice(0).map((c) => c.close()));
    await path().eject();
  });

  async function connect(app: 0 | 1, options: ConnectOptions = {}): Promise<CardChannel> {
    const p = path();
    const channel = await p.apps[app].connect(p.reader, options);
    channels.push(channel);
    return channel;
  }

  /** A connect that must be refused; should it succeed, the channel is still closed after the test. */
  async function expectBusy(app: 0 | 1, options: ConnectOptions): Promise<void> {
    await expect(connect(app, options)).rejects.toMatchObject({ code: 'HCARD_E_READER_BUSY' });
  }

  async function insert(seed: string): Promise<BuiltCard> {
    const built = generateCard(seed, { encounters: { inpatient: 0, outpatient: 0 } });
    await path().insert(new EmulatedHealthCard(built.image));
    return built;
  }

  /** Selects DDF1, authenticates with RK_DDF1 and selects EF06, which it may then read. */
  async function prepare(channel: CardChannel, built: BuiltCard): Promise<void> {
    expect(await apdu(channel, SELECT_DDF1)).toBe('9000');
    expect(await authenticate(channel, built)).toBe('9000');
    expect(await apdu(channel, SELECT_EF06)).toBe('9000');
    expect(await apdu(channel, READ_RECORD_1)).toBe('9000');
  }

  /** What a connection finds: is EF06 still selected, and is RK_DDF1 still granted? */
  async function whatIsKept(channel: CardChannel) {
    const selection = (await apdu(channel, READ_RECORD_1)) === '9000';
    expect(await apdu(channel, SELECT_DDF1)).toBe('9000');
    expect(await apdu(channel, SELECT_EF06)).toBe('9000');
    const security = (await apdu(channel, READ_RECORD_1)) === '9000';
    return { selection, security };
  }

  const DISPOSITIONS = [undefined, 'leave', 'reset', 'unpower', 'eject'] as const;
  const label = (d: (typeof DISPOSITIONS)[number]) => d ?? '(none)';

  it('after a close with each disposition, the next connection finds the state, or must select and authenticate again', async () => {
    const built = await insert('parity-disposition');
    const fresh = await connect(0);
    // EF06 is refused until RK_DDF1 is granted: what the security check below relies on.
    expect(await apdu(fresh, SELECT_DDF1)).toBe('9000');
    expect(await apdu(fresh, SELECT_EF06)).toBe('9000');
    expect(await apdu(fresh, READ_RECORD_1)).toBe('6982');
    await fresh.close();
    const found: Record<string, { selection: boolean; security: boolean }> = {};
    for (const disposition of DISPOSITIONS) {
      const first = await connect(0, disposition ? { disposition } : {});
      await prepare(first, built);
      await first.close();
      // Through pcscd a card no one uses is powered down after a grace period (0.4–0.8 s with
      // vpcd), so the next connection follows at once.
      const next = await connect(1);
      found[label(disposition)] = await whatIsKept(next);
      // Whatever was lost can be earned again.
      await prepare(next, built);
      await next.close();
    }
    const kept = { selection: true, security: true };
    const lost = { selection: false, security: false };
    // pcscd cannot eject from vpcd (nor from an ordinary contact reader): the card stays as it is.
    expect(found).toEqual({ '(none)': kept, leave: kept, reset: lost, unpower: lost, eject: kept });
  });

  it('when one application closes with each disposition, another one’s open connection works on, or fails until closed', async () => {
    const built = await insert('parity-disposition-other');
    const seen: Record<string, string> = {};
    for (const disposition of DISPOSITIONS) {
      const other = await connect(1);
      await prepare(other, built);
      const closing = await connect(0, disposition ? { disposition } : {});
      await closing.close();
      const attempts: string[] = [];
      for (let i = 0; i < 2; i++) {
        attempts.push(await apdu(other, READ_RECORD_1).catch((e: { code?: string }) => e.code ?? String(e)));
      }
      seen[label(disposition)] = [...new Set(attempts)].join(' then ');
      // Closing the broken connection frees it; the next round connects and works again.
      await other.close();
    }
    // pcscd answers SCARD_W_RESET_CARD to the other handle until it reconnects (PcscDriver
    // never does); the in-process driver says the same.
    expect(seen).toEqual({
      '(none)': '9000',
      leave: '9000',
      reset: 'HCARD_E_CARD_REMOVED',
      unpower: 'HCARD_E_CARD_REMOVED',
      eject: '9000',
    });
  });

  it('shared connections of two applications coexist and see one card state; one application holds one channel per reader', async () => {
    const built = await insert('parity-shared');
    const a = await connect(0, { shareMode: 'shared' });
    const b = await connect(1, { shareMode: 'shared' });
    expect(await apdu(a, SELECT_DDF1)).toBe('9000');
    expect(await authenticate(a, built)).toBe('9000');
    expect(await apdu(b, SELECT_EF06)).toBe('9000');
    expect(await apdu(b, READ_RECORD_1)).toBe('9000');
    // PcscDriver keeps one PC/SC handle per reader (the pcsclite binding has one per reader
    // object); the in-process driver does the same.
    await expectBusy(0, { shareMode: 'shared' });
  });

  it('an exclusive connection refuses every other application until it is closed', async () => {
    await insert('parity-exclusive');
    const exclusive = await connect(0, { shareMode: 'exclusive' });
    for (const shareMode of ['shared', 'exclusive'] as const) await expectBusy(1, { shareMode });
    expect(await apdu(exclusive, SELECT_DDF1)).toBe('9000');
    await exclusive.close();
    const after = await connect(1);
    expect(await apdu(after, SELECT_DDF1)).toBe('9000');
  });

  it('an exclusive connect is refused while another application has a shared one', async () => {
    await insert('parity-exclusive-refused');
    const shared = await connect(1, { shareMode: 'shared' });
    await expectBusy(0, { shareMode: 'exclusive' });
    await shared.close();
    const exclusive = await connect(0, { shareMode: 'exclusive' });
    expect(await apdu(exclusive, SELECT_DDF1)).toBe('9000');
  });
}

describe('connect options in-process (EmulatorDriver)', () => {
  const driver = new EmulatorDriver();
  const apps = [driver, driver.peer()] as const;
  const reader = 'Emulated 00 00';
  driver.addReader(reader);
  parityCases(() => ({
    apps,
    reader,
    insert: async (card) => driver.insert(reader, card),
    eject: async () => driver.remove(reader),
  }));
});

describe.skipIf(pcscUnavailable()).sequential('connect options through pcscd and vpcd (PcscDriver)', () => {
  const rig = new PcscRig();
  let apps: [PcscDriver, PcscDriver];

  beforeAll(async () => {
    await rig.start();
    apps = [new PcscDriver({ restartDelayMs: 200 }), new PcscDriver({ restartDelayMs: 200 })];
  }, 20_000);

  afterAll(async () => {
    await Promise.all(apps?.map((d) => d.close()) ?? []);
    await rig.stop();
  });

  const present = async (driver: ReaderDriver, want: boolean) =>
    (await driver.list()).find((r) => r.name === READERS.user.name)?.cardPresent === want;

  parityCases(() => ({
    apps,
    reader: READERS.user.name,
    insert: async (card) => {
      await rig.insert(card, READERS.user.port);
      await waitFor(async () => (await present(apps[0], true)) && (await present(apps[1], true)));
    },
    eject: async () => {
      for (const c of rig.cards.splice(0)) c.remove();
      await waitFor(async () => (await present(apps[0], false)) && (await present(apps[1], false)));
    },
  }));
});
