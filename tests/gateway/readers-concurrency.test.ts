/**
 * The ReaderService behind the routes, over real sockets: one FIFO per reader (a second reader
 * is not held up by the first), identical concurrent reads coalesced into one card read, a card
 * read once served from its snapshot (`cached: true`) until it is removed, `fresh=true` reading
 * again, a card removed in the middle of a request failing with 409 HCARD_E_CARD_REMOVED and
 * never a partial answer, the read-ahead at insertion, and 50 concurrent clients on one reader.
 */
import { REGISTRATION_SECTIONS, type Section } from '@hcard/card-core';
import { buildPsamImage, EmulatedHealthCard, EmulatedPsam, generateCard } from '@hcard/emulator';
import { type CardSection, coreSectionsOf } from '@hcard/gateway';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ControlledCard,
  expectErrorResponse,
  fetchWithin,
  portOf,
  putCard,
  rawRequest,
  tokenEntry,
  until,
  within,
} from '../support/gateway-http.js';
import {
  type GatewayRig,
  PSAM_READER,
  READER_PATH,
  startGatewayRig,
  TEST_CLIENTS,
  tokenOf,
  USER_READER,
} from '../support/gateway-rig.js';

const CARD = `/v1/readers/${READER_PATH}/card`;

interface CardAnswer {
  reader: string;
  counter: number;
  cached: boolean;
  card: Record<string, Record<string, string> & { base64?: string }>;
}

let rig: GatewayRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function getCard(
  r: GatewayRig,
  query: string,
  client = 'all',
): Promise<{ status: number; body: CardAnswer }> {
  const res = await fetchWithin(`${r.url}${CARD}?${query}`, { headers: r.headers(client) });
  return { status: res.status, body: (await res.json()) as CardAnswer };
}

interface SlowRig {
  readonly r: GatewayRig;
  readonly card: ControlledCard;
  /** Card requests that reached the route (counted by the audit hook, just before the service). */
  arrived(): number;
  /**
   * Holds the card, sends `requests`, waits until every one of them reached the route, then
   * lets the card go on: all of them are in flight at once, whatever the machine's load.
   */
  together<T>(requests: readonly (() => Promise<T>)[]): Promise<T[]>;
}

/** A rig whose user card answers like a real one (a millisecond per APDU), so requests overlap. */
async function slowRig(options: Parameters<typeof startGatewayRig>[0] = {}): Promise<SlowRig> {
  let arrived = 0;
  const r = await startGatewayRig({
    listen: true,
    ...options,
    deps: {
      hooks: {
        audited: (_request, _entry, job) => {
          arrived++;
          return job();
        },
      },
    },
  });
  rig = r;
  const card = new ControlledCard(r.card);
  await putCard(r, card);
  return {
    r,
    card,
    arrived: () => arrived,
    together: async (requests) => {
      const start = arrived;
      const held = card.hold();
      const pending = Promise.all(requests.map((send) => send()));
      try {
        await within(held, 5000, 'the first APDU');
        await until(() => arrived - start >= requests.length, 10_000, 'every request reached the route');
      } finally {
        card.release();
      }
      return within(pending, 20_000, `${requests.length} requests`);
    },
  };
}

/** APDUs one fresh service needs to read these sections (same card seed, nothing cached). */
async function apdusFor(sectionSets: readonly string[]): Promise<number> {
  const other = await startGatewayRig({ listen: true });
  try {
    for (const query of sectionSets) expect((await getCard(other, `sections=${query}`)).status).toBe(200);
    return other.card.commandCount;
  } finally {
    await other.close();
  }
}

describe('coalescing and snapshots', () => {
  it('coalesces identical concurrent reads into one card read, then serves the snapshot', async () => {
    const apdusOneRead = await apdusFor(['holder,photo']);
    const { r, together } = await slowRig();
    const apdus0 = r.card.commandCount;
    const answers = await together(
      Array.from({ length: 20 }, () => () => getCard(r, 'sections=holder,photo')),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    // All twenty shared the one read (none of them came late to a snapshot).
    expect(answers.map((a) => a.body.cached)).toEqual(Array(20).fill(false));
    expect(r.service.cardReads).toBe(1);
    expect(r.card.commandCount - apdus0).toBe(apdusOneRead);
    for (const a of answers) {
      expect(a.body.card.holder!.name).toBe(r.built.items.name);
      expect(a.body.card.holder!.idNumber).toBe(r.built.items.idNumber);
      expect(Buffer.from(a.body.card.photo!.base64!, 'base64')).toEqual(Buffer.from(r.built.resident.photo));
      expect(a.body.counter).toBe(answers[0]!.body.counter);
    }

    // Read once: every later request for those sections (or fewer) comes from the snapshot.
    const apdus1 = r.card.commandCount;
    for (const query of [
      'sections=holder,photo',
      'sections=photo',
      'sections=holder',
      'sections=photo,holder',
    ]) {
      const again = await getCard(r, query);
      expect(again.status).toBe(200);
      expect(again.body.cached, query).toBe(true);
      expect(again.body.counter).toBe(answers[0]!.body.counter);
    }
    expect(r.service.cardReads).toBe(1);
    expect(r.card.commandCount).toBe(apdus1);
  });

  it('reads only when a section is missing from the snapshot, and again with fresh=true', async () => {
    const { r, together } = await slowRig();
    const first = await getCard(r, 'sections=issuer');
    expect(first.body.cached).toBe(false);
    expect(r.service.cardReads).toBe(1);
    const more = await getCard(r, 'sections=issuer,clinical');
    expect(more.body.cached).toBe(false);
    expect(r.service.cardReads).toBe(2);
    expect((await getCard(r, 'sections=clinical,issuer')).body.cached).toBe(true);

    const apdus = r.card.commandCount;
    const fresh = await getCard(r, 'sections=issuer&fresh=true');
    expect(fresh.status).toBe(200);
    expect(fresh.body.cached).toBe(false);
    expect(fresh.body.card.issuer!.cardNumber).toBe(r.built.items.cardNumber);
    expect(r.service.cardReads).toBe(3);
    expect(r.card.commandCount).toBeGreaterThan(apdus);

    // Concurrent identical fresh reads are one read too.
    const many = await together(
      Array.from({ length: 8 }, () => () => getCard(r, 'sections=issuer&fresh=true')),
    );
    expect(many.map((m) => [m.status, m.body.cached])).toEqual(Array(8).fill([200, false]));
    expect(r.service.cardReads).toBe(4);
  });

  it('ends the snapshot when the card is removed: the next card is read, not the old one served', async () => {
    const { r, card } = await slowRig();
    const before = await getCard(r, 'sections=holder');
    expect(before.status).toBe(200);
    expect((await getCard(r, 'sections=holder')).body.cached).toBe(true);

    const counter = r.service.counter(USER_READER);
    r.driver.remove(USER_READER);
    for (let i = 0; i < 200 && r.service.counter(USER_READER) === counter; i++)
      await new Promise((resolve) => setTimeout(resolve, 5));
    const empty = await fetchWithin(`${r.url}${CARD}?sections=holder`, { headers: r.headers() });
    await expectErrorResponse(empty, 409, 'HCARD_E_NO_CARD');

    // The same card back: read again (cached false), with a newer counter.
    await putCard(r, card);
    const back = await getCard(r, 'sections=holder');
    expect(back.status).toBe(200);
    expect(back.body.cached).toBe(false);
    expect(back.body.counter).toBeGreaterThan(before.body.counter);
    expect(r.service.cardReads).toBe(2);

    // Another person's card: their data, never the snapshot of the first.
    const other = generateCard('gateway-other-resident');
    expect(other.items.idNumber).not.toBe(r.built.items.idNumber);
    await putCard(r, new EmulatedHealthCard(other.image));
    const swapped = await getCard(r, 'sections=holder');
    expect(swapped.body.cached).toBe(false);
    expect(swapped.body.card.holder!.idNumber).toBe(other.items.idNumber);
    expect(swapped.body.card.holder!.name).toBe(other.items.name);
  });
});

describe('read-ahead at insertion', () => {
  const AHEAD: Section[] = ['basic', 'extended', 'photo'];

  /** A rig reading ahead, once the read-ahead of the card it starts with is over. */
  async function aheadRig(): Promise<SlowRig> {
    const slow = await slowRig({ readAhead: { sections: AHEAD } });
    // Joins the read-ahead of the card now in (same sections, same card), or finds its snapshot.
    await slow.r.service.readCard(USER_READER, AHEAD);
    return slow;
  }

  /** The same, reading the card's other applications ahead too. */
  async function appsAheadRig(): Promise<SlowRig> {
    const slow = await slowRig({ readAhead: { sections: AHEAD, applications: true } });
    await slow.r.service.readCard(USER_READER, AHEAD);
    await slow.r.service.readApplications(USER_READER);
    return slow;
  }

  it('reads the configured sections when the card goes in; the first request gets that snapshot', async () => {
    const { r, card } = await aheadRig();
    const reads = r.service.cardReads;
    // The card in again: the read-ahead touches it with no request at all.
    const held = card.hold();
    await putCard(r, card);
    await within(held, 5000, 'the read-ahead reached the card');
    card.release();
    await r.service.readCard(USER_READER, AHEAD);
    expect(r.service.cardReads).toBe(reads + 1);

    const apdus = r.card.commandCount;
    const first = await getCard(r, 'sections=holder,photo,insurance');
    expect(first.status).toBe(200);
    expect(first.body.cached).toBe(true);
    expect(first.body.card.holder!.idNumber).toBe(r.built.items.idNumber);
    expect(Buffer.from(first.body.card.photo!.base64!, 'base64')).toEqual(
      Buffer.from(r.built.resident.photo),
    );
    expect(r.service.cardReads).toBe(reads + 1);
    expect(r.card.commandCount).toBe(apdus);
    // A section it did not read is read when asked for.
    expect((await getCard(r, 'sections=clinical')).body.cached).toBe(false);
    expect(r.service.cardReads).toBe(reads + 2);
  });

  it('a request that comes during the read-ahead waits for it and reads nothing twice', async () => {
    const { r, card, arrived } = await aheadRig();
    const reads = r.service.cardReads;
    const held = card.hold();
    await putCard(r, card);
    await within(held, 5000, 'the read-ahead reached the card');
    const before = arrived();
    // Other sections than the read-ahead's (no coalescing): the request queues behind it.
    const answer = getCard(r, 'sections=holder');
    await until(() => arrived() > before, 5000, 'the request reached the route');
    await new Promise((resolve) => setTimeout(resolve, 50));
    card.release();
    const got = await within(answer, 10_000, 'the request');
    expect(got.status).toBe(200);
    expect(got.body.card.holder!.name).toBe(r.built.items.name);
    expect(r.service.cardReads).toBe(reads + 1);
  });

  it('is off unless configured', async () => {
    const { r, card } = await slowRig();
    await putCard(r, card);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(r.service.cardReads).toBe(0);
  });

  it('a card removed during the read-ahead: it fails quietly, and the next card is read ahead', async () => {
    const total = await apdusFor(['holder,photo']);
    const { r, card } = await aheadRig();
    card.after(card.transmits + Math.floor(total / 2), () => r.driver.remove(USER_READER));
    const counter = r.service.counter(USER_READER);
    await putCard(r, card);
    await until(() => r.service.counter(USER_READER) >= counter + 3, 5000, 'removed during the read-ahead');
    const other = generateCard('gateway-after-ahead');
    const otherCard = new ControlledCard(new EmulatedHealthCard(other.image));
    const held = otherCard.hold();
    await putCard(r, otherCard);
    await within(held, 5000, "the next card's read-ahead reached it");
    otherCard.release();
    const ahead = await r.service.readCard(USER_READER, AHEAD);
    expect(ahead.data.items.idNumber).toBe(other.items.idNumber);
    const next = await getCard(r, 'sections=holder');
    expect(next.body.cached).toBe(true);
    expect(next.body.card.holder!.idNumber).toBe(other.items.idNumber);
  });
  it('a card that went in before its PSAM is read ahead when the PSAM goes in, and only then', async () => {
    const { r, card } = await appsAheadRig();
    const reads = r.service.cardReads;
    r.driver.remove(PSAM_READER);
    await putCard(r, card);
    // Joins the read-ahead, which could not read the card without its PSAM.
    await expect(r.service.readCard(USER_READER, AHEAD)).rejects.toMatchObject({
      code: 'HCARD_E_PSAM_ABSENT',
    });
    expect(r.service.cardReads).toBe(reads);

    const apdus = r.card.commandCount;
    r.driver.insert(PSAM_READER, new EmulatedPsam(buildPsamImage()));
    await until(() => r.service.cardReads === reads + 2, 5000, 'the card read ahead once its PSAM went in');
    const first = await getCard(r, 'sections=holder,photo,insurance');
    expect(first.body.cached).toBe(true);
    expect(first.body.card.holder!.idNumber).toBe(r.built.items.idNumber);
    // Joins the registration read ahead, or finds what it kept.
    const apps = await r.service.readApplications(USER_READER);
    expect(apps.read.health?.kind).toBe('read');
    expect(r.service.cardReads).toBe(reads + 2);
    const read = r.card.commandCount - apdus;
    expect(read).toBeGreaterThan(0);

    // The PSAM out and in again with the card read: nothing is read twice.
    const psamCounter = r.service.counter(PSAM_READER);
    r.driver.remove(PSAM_READER);
    r.driver.insert(PSAM_READER, new EmulatedPsam(buildPsamImage()));
    await until(() => r.service.counter(PSAM_READER) >= psamCounter + 2, 5000, 'the PSAM out and in');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(r.service.cardReads).toBe(reads + 2);
    expect(r.card.commandCount - apdus).toBe(read);
  });

  it('a registration read queued behind the read-ahead of the same card takes what that read', async () => {
    const { r, card } = await appsAheadRig();
    const reads = r.service.cardReads;
    const held = card.hold();
    await putCard(r, card);
    await within(held, 5000, 'the read-ahead reached the card');
    // Any event after the read-ahead began: the request cannot join it, and queues behind it.
    r.driver.addReader('Emu 01 00');
    await until(() => r.service.counter('Emu 01 00') > 0, 5000, 'the new reader seen');
    const apps = r.service.readApplications(USER_READER);
    card.release();
    expect((await within(apps, 10_000, 'the registration read')).cached).toBe(true);
    expect(r.service.cardReads).toBe(reads + 2);
  });
});

describe('the registration read and the card read share one snapshot of the health sections', () => {
  /** A three-in-one chip rig: the health app counts its own APDUs, the chip all of them. */
  const chipRig = async (options: Parameters<typeof startGatewayRig>[0] = {}) => {
    const r = await startGatewayRig({ seed: 'gateway-shared-snapshot', chip: {}, listen: true, ...options });
    rig = r;
    return r;
  };
  const apdus = (r: GatewayRig) => ({ health: r.card.commandCount, chip: r.chip!.card.commandCount });

  it('a registration read after a card read reads only the other applications, with the same answer', async () => {
    const alone = await chipRig();
    const full = await alone.service.readApplications(USER_READER);
    const fullApdus = apdus(alone);
    await alone.close();

    const r = await chipRig();
    await r.service.readCard(USER_READER, REGISTRATION_SECTIONS);
    const before = apdus(r);
    const after = await r.service.readApplications(USER_READER);
    expect(after.cached).toBe(false);
    expect(after.read).toEqual(full.read);
    expect(after.read.authentication).toBe('passed');
    // Not one APDU for the health application; the others read as in the full read.
    expect(r.card.commandCount).toBe(before.health);
    expect(r.chip!.card.commandCount - before.chip).toBe(fullApdus.chip - fullApdus.health);
    expect(r.service.cardReads).toBe(2);

    // fresh=true reads the health application again.
    await r.service.readApplications(USER_READER, { fresh: true });
    expect(r.card.commandCount - before.health).toBe(fullApdus.health);
  });

  it('a card read after a registration read is served from what that read took', async () => {
    const r = await chipRig();
    await r.service.readApplications(USER_READER);
    const before = apdus(r);
    const card = await getCard(r, 'sections=issuer,holder,insurance');
    expect(card.status).toBe(200);
    expect(card.body.cached).toBe(true);
    expect(card.body.card.holder!.idNumber).toBe(r.chip!.built.health!.items.idNumber);
    expect(apdus(r)).toEqual(before);
    // Sections that read did not take are read as usual, and join what it took.
    expect((await getCard(r, 'sections=holder,photo')).body.cached).toBe(false);
    expect((await getCard(r, 'sections=issuer,photo,insurance')).body.cached).toBe(true);
    expect(r.service.cardReads).toBe(2);
  });

  it('read ahead with "applications": the card and identity reads of a desk touch the card no more', async () => {
    const sections: Section[] = ['basic', 'extended', 'photo'];
    const cardOnly = await chipRig();
    await cardOnly.service.readCard(USER_READER, sections);
    const healthApdus = cardOnly.card.commandCount;
    await cardOnly.close();

    const r = await chipRig({ readAhead: { sections, applications: true } });
    await until(() => r.service.cardReads >= 2, 10_000, 'both reads ahead ran');
    const [card, apps] = await Promise.all([
      getCard(r, 'sections=issuer,holder,insurance,photo'),
      r.service.readApplications(USER_READER),
    ]);
    expect(card.body.cached).toBe(true);
    expect(apps.cached).toBe(true);
    expect(apps.read.ssse?.kind).toBe('read');
    expect(apps.read.bank?.kind).toBe('bank-application');
    // The health application was read once, for the sections; the registration read took them.
    expect(r.card.commandCount).toBe(healthApdus);
    expect(r.service.cardReads).toBe(2);
  });
});

describe('a card removed in the middle of a request', () => {
  const SECTIONS = 'issuer,holder,photo,clinical';

  it('fails with 409 HCARD_E_CARD_REMOVED after any APDU, never with part of the card', async () => {
    const total = await apdusFor([SECTIONS]);
    expect(total).toBeGreaterThan(10);
    // Early (session opening), in the middle, and right after the very last APDU.
    for (const n of [1, 3, Math.floor(total / 3), Math.floor((2 * total) / 3), total - 1, total]) {
      const { r, card } = await slowRig();
      const start = card.transmits;
      card.after(start + n, () => r.driver.remove(USER_READER));

      const res = await fetchWithin(`${r.url}${CARD}?sections=${SECTIONS}`, { headers: r.headers() });
      const text = await res.clone().text();
      await expectErrorResponse(res, 409, 'HCARD_E_CARD_REMOVED');
      expect(text, `removed after APDU ${n}`).not.toContain('"card"');
      expect(text).not.toContain(r.built.items.idNumber!);
      expect(text).not.toContain(r.built.items.name!);

      // Put back: read in full, not from a snapshot of what was read before the removal.
      await putCard(r, card);
      const again = await getCard(r, `sections=${SECTIONS}`);
      expect(again.status).toBe(200);
      expect(again.body.cached).toBe(false);
      expect(again.body.card.holder!.idNumber).toBe(r.built.items.idNumber);
      await r.close();
      rig = undefined;
    }
  });

  it('fails when the card is swapped for another after the last APDU (no data of a card that left)', async () => {
    const total = await apdusFor(['holder']);
    const { r, card } = await slowRig();
    const other = new EmulatedHealthCard(generateCard('gateway-swap').image);
    card.after(card.transmits + total, () => {
      r.driver.remove(USER_READER);
      r.driver.insert(USER_READER, other);
    });
    const res = await fetchWithin(`${r.url}${CARD}?sections=holder`, { headers: r.headers() });
    await expectErrorResponse(res, 409, 'HCARD_E_CARD_REMOVED');
    const next = await getCard(r, 'sections=holder');
    expect(next.body.cached).toBe(false);
    expect(next.body.card.holder!.idNumber).not.toBe(r.built.items.idNumber);
  });

  it('a request after the card was swapped does not join a read of the card that left', async () => {
    const { r, card, arrived } = await slowRig();
    const held = card.hold();
    const before = arrived();
    const first = fetchWithin(`${r.url}${CARD}?sections=holder`, { headers: r.headers() });
    await within(held, 5000, 'the first read reached the card');
    const other = generateCard('gateway-swapped-while-reading');
    await putCard(r, new EmulatedHealthCard(other.image));
    // The same sections, asked after the swap: a read of the new card, not the old one's.
    const second = getCard(r, 'sections=holder');
    await until(() => arrived() >= before + 2, 5000, 'both requests reached the route');
    card.release();
    await expectErrorResponse(await first, 409, 'HCARD_E_CARD_REMOVED');
    const got = await within(second, 10_000, 'the second request');
    expect(got.status).toBe(200);
    expect(got.body.card.holder!.idNumber).toBe(other.items.idNumber);
  });

  it('the same for a compat read, which keeps what it read while the card stays in', async () => {
    const { r, card, arrived } = await slowRig();
    // The first in JSON (its error has the gateway's form), the others as the |-joined text.
    const compat = (format = 'text') =>
      fetchWithin(`${r.url}/v1/compat/iR_DDF1EF06Info?reader=${READER_PATH}&format=${format}`, {
        headers: r.headers(),
      });
    const held = card.hold();
    const before = arrived();
    const first = compat('json');
    await within(held, 5000, 'the first read reached the card');
    const other = generateCard('gateway-swapped-while-reading-compat');
    await putCard(r, new EmulatedHealthCard(other.image));
    const second = compat();
    await until(() => arrived() >= before + 2, 5000, 'both requests reached the route');
    card.release();
    const failed = await first;
    expect(failed.status).toBe(409);
    expect(((await failed.json()) as { error: unknown }).error).toMatchObject({
      code: 'HCARD_E_CARD_REMOVED',
    });
    const got = await within(second, 10_000, 'the second request');
    expect(got.status).toBe(200);
    expect((await got.text()).split('|')).toContain(other.items.idNumber);
    // And the new card's answer is what is kept now.
    expect((await (await compat()).text()).split('|')).toContain(other.items.idNumber);

    // Swapped after the last APDU of a read: that read fails too, and nothing of it is kept.
    const apdus = card.transmits;
    await putCard(r, card);
    expect((await compat()).status).toBe(200);
    const total = card.transmits - apdus;
    expect(total, 'APDUs of one compat read').toBeGreaterThan(2);
    const third = generateCard('gateway-swapped-after-compat');
    card.after(card.transmits + total, () => {
      r.driver.remove(USER_READER);
      r.driver.insert(USER_READER, new EmulatedHealthCard(third.image));
    });
    await putCard(r, card);
    const late = await compat('json');
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: unknown }).error).toMatchObject({ code: 'HCARD_E_CARD_REMOVED' });
    expect((await (await compat()).text()).split('|')).toContain(third.items.idNumber);
  });

  it('the same for the three-in-one registration read', async () => {
    const { r, card } = await slowRig();
    const held = card.hold();
    const first = r.service.readApplications(USER_READER);
    await within(held, 5000, 'the first read reached the card');
    const other = generateCard('gateway-swapped-while-reading-apps');
    await putCard(r, new EmulatedHealthCard(other.image));
    const second = r.service.readApplications(USER_READER);
    card.release();
    await expect(first).rejects.toMatchObject({ code: 'HCARD_E_CARD_REMOVED' });
    const { read } = await within(second, 10_000, 'the second read');
    expect(read.health?.kind === 'read' && read.health.data.items.idNumber).toBe(other.items.idNumber);
  });

  it('fails every request of a coalesced group alike', async () => {
    const { r, card, together } = await slowRig();
    card.after(card.transmits + 3, () => r.driver.remove(USER_READER));
    const answers = await together(
      Array.from(
        { length: 10 },
        () => () => fetchWithin(`${r.url}${CARD}?sections=holder`, { headers: r.headers() }),
      ),
    );
    for (const a of answers) await expectErrorResponse(a, 409, 'HCARD_E_CARD_REMOVED');
    expect(r.service.cardReads).toBe(1);
  });
});

describe('one FIFO per reader', () => {
  it('serialises different reads of one reader without a single error', async () => {
    const { r, together } = await slowRig();
    const queries = [
      'issuer',
      'photo',
      'clinical',
      'encounters',
      'address',
      'allergies',
      'holder,photo',
      'insurance',
    ];
    const answers = await together(
      queries.flatMap((q) => [
        () => getCard(r, `sections=${q}&fresh=true`),
        () => getCard(r, `sections=${q}&fresh=true`),
      ]),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(queries.length * 2).fill(200));
    // Reads of the same card files were coalesced (clinical and allergies are one file set);
    // different ones each touched the card once.
    const distinct = new Set(
      queries.map((q) =>
        coreSectionsOf(q.split(',') as CardSection[])
          .sort()
          .join(),
      ),
    );
    expect(distinct.size).toBe(queries.length - 1);
    expect(r.service.cardReads).toBe(distinct.size);
  });

  it('runs the jobs of one reader in arrival order, one at a time', async () => {
    const { r, card } = await slowRig();
    const held = card.hold();
    const order: string[] = [];
    const sets: Section[][] = [['basic'], ['photo'], ['clinical'], ['encounters'], ['extended']];
    const jobs = sets.map((s) => r.service.readCard(USER_READER, s).then(() => order.push(s.join())));
    await within(held, 5000, 'first APDU');
    card.release();
    await within(Promise.all(jobs), 15_000, 'queued reads');
    expect(order).toEqual(sets.map((s) => s.join()));
  });

  it('does not hold up a second reader while the first one is busy', async () => {
    const { r, card } = await slowRig();
    const second = generateCard('gateway-second-reader');
    r.driver.insert('Desk2 00 01', new EmulatedPsam(buildPsamImage()));
    await putCard(r, new EmulatedHealthCard(second.image), 'Desk2 00 00');

    const held = card.hold();
    const first = getCard(r, 'sections=holder');
    await within(held, 5000, 'first reader busy');

    const other = await within(
      fetchWithin(`${r.url}/v1/readers/${encodeURIComponent('Desk2 00 00')}/card?sections=holder`, {
        headers: r.headers(),
      }),
      5000,
      'the second reader while the first is held',
    );
    expect(other.status).toBe(200);
    expect(((await other.json()) as CardAnswer).card.holder!.idNumber).toBe(second.items.idNumber);

    card.release();
    const done = await within(first, 10_000, 'first reader');
    expect(done.status).toBe(200);
    expect(done.body.card.holder!.idNumber).toBe(r.built.items.idNumber);
  });

  it('serves 50 concurrent clients on one reader with no error and one card read per coalesced group', async () => {
    const groups = ['issuer', 'photo', 'clinical', 'encounters', 'address'];
    const apdusExpected = await apdusFor(groups);
    const clients = Array.from({ length: 50 }, (_, i) => `client-${String(i).padStart(2, '0')}`);
    const { r, together } = await slowRig({
      config: {
        tokens: [
          ...Object.entries(TEST_CLIENTS).map(([c, s]) => tokenEntry(c, s)),
          ...clients.map((c) => tokenEntry(c, ['read:basic', 'read:clinical'])),
        ],
      },
    });
    const port = portOf(r.url);
    const apdus0 = r.card.commandCount;
    // Fifty sockets, all in flight at once (together), one request each.
    const answers = await together(
      clients.map(
        (client, i) => () =>
          rawRequest({
            port,
            path: `${CARD}?sections=${groups[i % groups.length]}`,
            headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${tokenOf(client)}` },
            timeoutMs: 15_000,
          }),
      ),
    );
    const failed = answers.filter((a) => a.status !== 200).map((a) => a.text);
    expect(failed).toEqual([]);
    // Every answer came from its group's one read, none from a snapshot taken after it.
    expect(answers.map((a) => (a.json as CardAnswer).cached)).toEqual(Array(50).fill(false));
    expect(r.service.cardReads).toBe(groups.length);
    expect(r.card.commandCount - apdus0).toBe(apdusExpected);
    answers.forEach((a, i) => {
      const { card } = a.json as CardAnswer;
      const group = groups[i % groups.length]!;
      expect(Object.keys(card)).toEqual([group]);
      if (group === 'issuer') expect(card.issuer!.cardNumber).toBe(r.built.items.cardNumber);
      if (group === 'address') expect(card.address!.address1).toBe(r.built.items.address1);
      if (group === 'photo')
        expect(Buffer.from(card.photo!.base64!, 'base64')).toEqual(Buffer.from(r.built.resident.photo));
    });
    expect(r.service.counter(PSAM_READER)).toBeGreaterThan(0);
  });
});
