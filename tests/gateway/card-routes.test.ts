/**
 * The card routes over real sockets: `GET /v1/readers/{reader}/card?sections=` answers the
 * card's own values section by section (and nothing of other sections), the insurance route
 * builds the national platform's 1101 person-lookup input from the card as the config says, and
 * encounter records are written with an Idempotency-Key: a repeat replays the first answer and
 * never writes twice, the same key with another body is refused, no key is refused.
 */
import { HEALTH_CARD_PROFILE, itemsOfFile } from '@hcard/card-core';
import {
  type BuiltCard,
  buildCardImage,
  buildPsamImage,
  createRandom,
  EmulatedHealthCard,
  EmulatedPsam,
  generateEncounter,
  generateResident,
} from '@hcard/emulator';
import { EmulatorDriver } from '@hcard/reader-driver';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ControlledCard,
  expectErrorResponse,
  fetchWithin,
  putCard,
  until,
  within,
} from '../support/gateway-http.js';
import {
  type GatewayRig,
  PSAM_READER,
  READER_PATH,
  startGatewayRig,
  USER_READER,
} from '../support/gateway-rig.js';

const CARD = `/v1/readers/${READER_PATH}/card`;
const ENCOUNTERS = `${CARD}/encounters`;

let rig: GatewayRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const get = (r: GatewayRig, path: string, client = 'all') =>
  fetchWithin(`${r.url}${path}`, { headers: r.headers(client) });

interface CardAnswer {
  reader: string;
  counter: number;
  cached: boolean;
  card: Record<string, unknown>;
}

const CLINICAL_KEYS = new Set(
  ['DDF1/DF02/EF05', 'DDF1/DF02/EF06'].flatMap((f) => itemsOfFile(HEALTH_CARD_PROFILE, f).map((i) => i.key)),
);

describe('GET /v1/readers/{reader}/card', () => {
  it('answers each section with the card’s values and nothing else', async () => {
    rig = await startGatewayRig({ listen: true });
    const built = rig.built;
    const res = await get(
      rig,
      `${CARD}?sections=issuer,holder,photo,insurance,address,clinical,allergies,encounters`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as CardAnswer;
    expect(body.reader).toBe(USER_READER);
    expect(Object.keys(body.card).sort()).toEqual(
      ['address', 'allergies', 'clinical', 'encounters', 'holder', 'insurance', 'issuer', 'photo'].sort(),
    );
    const card = body.card as Record<string, unknown>;
    // Each section whole, by the items the spec puts in it (written out here, not taken from the
    // table); `held` are items the test card has, so that no section passes by being empty.
    const expectSection = (section: unknown, keys: readonly string[], held: readonly string[]) => {
      expect(section).toEqual(
        Object.fromEntries(keys.filter((k) => k in built.items).map((k) => [k, built.items[k]])),
      );
      expect(Object.keys(section as object)).toEqual(expect.arrayContaining([...held]));
    };
    expectSection(
      card.issuer,
      [
        'cardType',
        'specVersion',
        'issuerName',
        'issuerCode',
        'issuerCertificate',
        'issueDate',
        'cardNumber',
        'securityCode',
        'chipSerial',
        'cityCode',
        'expiryDate',
      ],
      ['cardNumber', 'issuerName', 'issueDate', 'expiryDate', 'cityCode'],
    );
    expectSection(
      card.holder,
      [
        ...['name', 'sex', 'ethnicity', 'birthDate', 'idNumber', 'phone1', 'phone2'],
        ...[
          'education',
          'maritalStatus',
          'occupation',
          'documentType',
          'documentNumber',
          'healthRecordNumber',
        ],
      ],
      [
        'name',
        'sex',
        'ethnicity',
        'birthDate',
        'idNumber',
        'phone1',
        'phone2',
        'occupation',
        'healthRecordNumber',
      ],
    );
    expectSection(
      card.address,
      [
        ...['addressType1', 'address1', 'addressType2', 'address2'],
        ...[1, 2, 3].flatMap((n) => [`contact${n}Name`, `contact${n}Relation`, `contact${n}Phone`]),
      ],
      ['address1', 'contact1Name', 'contact1Phone'],
    );
    const insurance = ['paymentScheme1', 'paymentScheme2', 'paymentScheme3', 'ruralInsuranceNumber'];
    expectSection(card.insurance, insurance, insurance);
    expect(card.photo).toEqual({
      mime: 'image/jpeg',
      base64: Buffer.from(built.resident.photo).toString('base64'),
    });
    const clinical = card.clinical as Record<string, unknown>;
    for (const key of CLINICAL_KEYS)
      if (key in built.items) expect(clinical[key], key).toBe(built.items[key]);
    expect(clinical.immunisations).toEqual(built.resident.immunisations);
    expect(card.allergies).toEqual(built.resident.allergies);
    const encounters = card.encounters as {
      outpatient: { number: number; items: Record<string, string> }[];
      inpatient: { number: number; items: Record<string, string> }[];
      outpatientFlags: boolean[];
    };
    expect(encounters.outpatient.map((e) => e.number)).toEqual([1, 2]);
    expect(encounters.outpatientFlags).toEqual([true, true, false, false, false]);
    for (const [i, e] of encounters.outpatient.entries())
      expect(e.items).toMatchObject(built.encounters.outpatient[i]!);
    for (const [i, e] of encounters.inpatient.entries())
      expect(e.items).toMatchObject(built.encounters.inpatient[i]!);
  });

  it('answers issuer, holder and insurance by default, and refuses unknown sections and readers', async () => {
    rig = await startGatewayRig({ listen: true });
    const res = await get(rig, CARD);
    expect(res.status).toBe(200);
    expect(Object.keys(((await res.json()) as CardAnswer).card)).toEqual(['issuer', 'holder', 'insurance']);
    await expectErrorResponse(await get(rig, `${CARD}?sections=holder,face`), 400, 'HCARD_E_ARG_INVALID');
    await expectErrorResponse(
      await get(rig, `/v1/readers/${encodeURIComponent('Nowhere 00 00')}/card`),
      404,
      'HCARD_E_READER_NOT_FOUND',
    );
    rig.driver.remove(USER_READER);
    await expectErrorResponse(await get(rig, `${CARD}?fresh=true`), 409, 'HCARD_E_NO_CARD');
  });

  it('says the terminal lacks its PSAM, not that a card is missing, when the PSAM slot is empty', async () => {
    rig = await startGatewayRig({ listen: true });
    rig.driver.remove(PSAM_READER);
    const res = await get(rig, CARD);
    const text = await res.clone().text();
    await expectErrorResponse(res, 503, 'HCARD_E_PSAM_ABSENT');
    expect(text).toContain(PSAM_READER);
    // The PSAM put in: the same request reads the card.
    rig.driver.insert(PSAM_READER, new EmulatedPsam(buildPsamImage()));
    expect((await get(rig, CARD)).status).toBe(200);
  });
});

describe('GET /v1/readers/{reader}/card/insurance (1101 input)', () => {
  it('builds the lookup from the card: certificate type 02 (ID number) by default', async () => {
    rig = await startGatewayRig({ listen: true });
    const items = rig.built.items;
    const res = await get(rig, `${CARD}/insurance`, 'settle');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      reader: USER_READER,
      counter: rig.service.counter(USER_READER),
      cached: false,
      source: 'health',
      lookup: {
        mdtrt_cert_type: '02',
        mdtrt_cert_no: items.idNumber,
        card_sn: '',
        psn_cert_type: '01',
        certno: items.idNumber,
        psn_name: items.name,
      },
      ruralInsuranceNumber: items.ruralInsuranceNumber,
      paymentSchemes: [items.paymentScheme1, items.paymentScheme2, items.paymentScheme3].filter(Boolean),
      region: items.cityCode,
    });
    // Asked again: the same answer from what was read of this card, which is not touched again.
    const apdus = rig.card.commandCount;
    expect(await (await get(rig, `${CARD}/insurance`, 'settle')).json()).toEqual({ ...body, cached: true });
    expect(rig.card.commandCount).toBe(apdus);
  });

  /** A rig around a card whose card number is not the ID number, so the two can be told apart. */
  async function rigWithCardNumber(
    config: Record<string, unknown>,
  ): Promise<{ r: GatewayRig; built: BuiltCard }> {
    const resident = generateResident('gateway-insurance');
    resident.items.cardNumber = 'J22010019870123456';
    const built = buildCardImage(resident, { seed: 'gateway-insurance' });
    const driver = new EmulatorDriver();
    driver.insert(USER_READER, new EmulatedHealthCard(built.image));
    driver.insert(PSAM_READER, new EmulatedPsam(buildPsamImage()));
    const r = await startGatewayRig({ listen: true, driver, config });
    return { r, built };
  }

  it('uses card number and card serial for certificate type 03, as configured', async () => {
    const { r, built } = await rigWithCardNumber({ insurance: { mdtrtCertType: '03', psnCertType: '01' } });
    rig = r;
    expect(built.items.cardNumber).not.toBe(built.items.idNumber);
    const res = await get(r, `${CARD}/insurance`, 'settle');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { lookup: Record<string, string> };
    expect(body.lookup).toEqual({
      mdtrt_cert_type: '03',
      mdtrt_cert_no: built.items.cardNumber,
      card_sn: built.items.chipSerial,
      psn_cert_type: '01',
      certno: built.items.idNumber,
      psn_name: built.items.name,
    });
  });

  it('keeps the ID number for type 02 on the same card, and takes psnCertType from the config', async () => {
    const { r, built } = await rigWithCardNumber({ insurance: { psnCertType: '02' } });
    rig = r;
    const body = (await (await get(r, `${CARD}/insurance`, 'settle')).json()) as {
      lookup: Record<string, string>;
    };
    expect(body.lookup).toMatchObject({
      mdtrt_cert_type: '02',
      mdtrt_cert_no: built.items.idNumber,
      card_sn: '',
      psn_cert_type: '02',
      certno: built.items.idNumber,
    });
  });
});

describe('POST /v1/readers/{reader}/card/encounters with an Idempotency-Key', () => {
  const visit = (seed: string) => ({
    kind: 'outpatient',
    items: generateEncounter('outpatient', createRandom(seed)),
  });

  const post = (r: GatewayRig, key: string | undefined, body: unknown, client = 'writer') =>
    fetchWithin(`${r.url}${ENCOUNTERS}`, {
      method: 'POST',
      headers: {
        ...r.headers(client),
        'content-type': 'application/json',
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      body: JSON.stringify(body),
    });

  /** Files of the card whose contents differ between two snapshots. */
  const changedFiles = (before: ReturnType<EmulatedHealthCard['snapshot']>, after: typeof before) =>
    Object.keys(after.files).filter(
      (f) => JSON.stringify(after.files[f]) !== JSON.stringify(before.files[f]),
    );

  async function outpatientRecords(r: GatewayRig) {
    const res = await get(r, `${CARD}?sections=encounters&fresh=true`, 'clinical');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      card: { encounters: { outpatient: { number: number; items: Record<string, string> }[] } };
    };
    return body.card.encounters.outpatient;
  }

  it('writes once; the same key and body replays the first answer and writes nothing', async () => {
    rig = await startGatewayRig({ listen: true });
    const before = rig.card.snapshot();
    const body = visit('gateway-visit-1');

    const first = await post(rig, 'visit-0001-abcdef', body);
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const written = (await first.json()) as {
      record: number;
      signed: boolean;
      kind: string;
      writtenAt: string;
    };
    expect(written).toMatchObject({ reader: USER_READER, kind: 'outpatient', record: 3, signed: true });
    const afterFirst = rig.card.snapshot();
    expect(changedFiles(before, afterFirst).sort()).toEqual(['DDF1/DF03/ED03', 'DDF1/DF03/EF06'].sort());

    const apdus = rig.card.commandCount;
    for (let i = 0; i < 3; i++) {
      const again = await post(rig, 'visit-0001-abcdef', body);
      expect(again.status).toBe(200);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.json()).toEqual(written);
    }
    expect(rig.card.commandCount).toBe(apdus);
    expect(rig.card.snapshot()).toEqual(afterFirst);

    const records = await outpatientRecords(rig);
    expect(records.map((e) => e.number)).toEqual([1, 2, 3]);
    expect(records[2]!.items).toMatchObject(body.items);
  });

  it('does not serve the encounters from before a write out of the snapshot', async () => {
    rig = await startGatewayRig({ listen: true });
    const encounters = async () => {
      const res = await get(rig!, `${CARD}?sections=encounters`, 'clinical');
      return (await res.json()) as {
        cached: boolean;
        card: { encounters: { outpatient: { number: number }[] } };
      };
    };
    expect((await encounters()).card.encounters.outpatient.map((e) => e.number)).toEqual([1, 2]);
    expect((await encounters()).cached).toBe(true);
    expect((await post(rig, 'visit-0008-abcdef', visit('gateway-visit-8'))).status).toBe(200);
    const after = await encounters();
    expect(after.cached).toBe(false);
    expect(after.card.encounters.outpatient.map((e) => e.number)).toEqual([1, 2, 3]);
  });

  it('writes once when the same request arrives several times while the first is writing', async () => {
    rig = await startGatewayRig({ listen: true });
    const r = rig;
    const card = new ControlledCard(r.card);
    await putCard(r, card);
    let received = 0;
    r.app.server.on('request', () => received++);
    const before = rig.card.snapshot();
    const body = visit('gateway-visit-2');

    // The first request holds the card; four more arrive while it does.
    const held = card.hold();
    const first = post(r, 'visit-0002-abcdef', body);
    await within(held, 5000, 'the write started');
    const repeats = Array.from({ length: 4 }, () => post(r, 'visit-0002-abcdef', body));
    await until(() => received >= 5, 5000, 'all five requests received');
    await new Promise((resolve) => setTimeout(resolve, 50));
    card.release();
    const answers = await within(Promise.all([first, ...repeats]), 15_000, 'five writes');

    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((a) => a.headers.get('idempotent-replayed'))).toEqual([
      null,
      'true',
      'true',
      'true',
      'true',
    ]);
    const bodies = await Promise.all(answers.map((a) => a.json()));
    for (const b of bodies) expect(b).toEqual(bodies[0]);
    expect(changedFiles(before, rig.card.snapshot()).sort()).toEqual(
      ['DDF1/DF03/ED03', 'DDF1/DF03/EF06'].sort(),
    );
    expect((await outpatientRecords(rig)).map((e) => e.number)).toEqual([1, 2, 3]);
  });

  it('overwrites the oldest record, by its visit time, when every slot is in use', async () => {
    rig = await startGatewayRig({
      listen: true,
      seed: 'full-2',
      card: { encounters: { outpatient: 99 } },
    });
    const before = await outpatientRecords(rig);
    const oldest = before.reduce((a, b) => (b.items.visitDateTime! < a.items.visitDateTime! ? b : a));
    // Not the first slot, so "always record 1" would fail here.
    expect(oldest.number).not.toBe(1);
    const body = visit('gateway-visit-full');
    const res = await post(rig, 'visit-0009-abcdef', body);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ record: oldest.number });
    const after = await outpatientRecords(rig);
    expect(after.map((e) => e.number)).toEqual(before.map((e) => e.number));
    for (const record of after)
      if (record.number === oldest.number) expect(record.items).toMatchObject(body.items);
      else expect(record).toEqual(before.find((e) => e.number === record.number));
  });

  it('replays the same body with its keys in another order: the same request', async () => {
    rig = await startGatewayRig({ listen: true });
    const body = visit('gateway-visit-10');
    const first = await post(rig, 'visit-0010-abcdef', body);
    expect(first.status).toBe(200);
    const apdus = rig.card.commandCount;
    const reordered = {
      items: Object.fromEntries(Object.entries(body.items).reverse()),
      kind: body.kind,
    };
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(body));
    const again = await post(rig, 'visit-0010-abcdef', reordered);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(rig.card.commandCount).toBe(apdus);
  });

  it('refuses the same key with another body (422 HCARD_E_IDEMPOTENCY_CONFLICT), writing nothing', async () => {
    rig = await startGatewayRig({ listen: true });
    expect((await post(rig, 'visit-0003-abcdef', visit('gateway-visit-3'))).status).toBe(200);
    const snapshot = rig.card.snapshot();
    const apdus = rig.card.commandCount;
    await expectErrorResponse(
      await post(rig, 'visit-0003-abcdef', visit('gateway-visit-4')),
      422,
      'HCARD_E_IDEMPOTENCY_CONFLICT',
    );
    await expectErrorResponse(
      await post(rig, 'visit-0003-abcdef', { ...visit('gateway-visit-3'), record: 5 }),
      422,
      'HCARD_E_IDEMPOTENCY_CONFLICT',
    );
    expect(rig.card.commandCount).toBe(apdus);
    expect(rig.card.snapshot()).toEqual(snapshot);
  });

  it('refuses a write without a key (400), or with a too short one, writing nothing', async () => {
    rig = await startGatewayRig({ listen: true });
    const snapshot = rig.card.snapshot();
    await expectErrorResponse(
      await post(rig, undefined, visit('gateway-visit-5')),
      400,
      'HCARD_E_ARG_INVALID',
    );
    await expectErrorResponse(await post(rig, 'short', visit('gateway-visit-5')), 400, 'HCARD_E_ARG_INVALID');
    await expectErrorResponse(await post(rig, '', visit('gateway-visit-5')), 400, 'HCARD_E_ARG_INVALID');
    expect(rig.card.snapshot()).toEqual(snapshot);
  });

  it('frees the key of a write that failed, so the client can retry it', async () => {
    rig = await startGatewayRig({ listen: true });
    const body = visit('gateway-visit-6');
    rig.driver.remove(USER_READER);
    await expectErrorResponse(await post(rig, 'visit-0006-abcdef', body), 409, 'HCARD_E_NO_CARD');
    rig.driver.insert(USER_READER, rig.card);
    const retry = await post(rig, 'visit-0006-abcdef', body);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(((await retry.json()) as { record: number }).record).toBe(3);
    expect((await outpatientRecords(rig))[2]!.items).toMatchObject(body.items);
  });

  it('refuses a body with an unknown field instead of writing without it (a mistyped "record")', async () => {
    rig = await startGatewayRig({ listen: true });
    const snapshot = rig.card.snapshot();
    // "recrod": 5 meant record 5; dropping the field silently would write record 3 instead.
    const res = await post(rig, 'visit-0007-abcdef', { ...visit('gateway-visit-7'), recrod: 5 });
    await expectErrorResponse(res, 400, 'HCARD_E_ARG_INVALID');
    expect(rig.card.snapshot()).toEqual(snapshot);
  });
});
