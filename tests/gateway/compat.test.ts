/**
 * The national interface's functions (IF2012, spec §5) as gateway routes: every read answers
 * the card's values under the interface's field names (JSON) and in the interface's order
 * (`format=text`), from the card or, unchanged, from the snapshot of a card read since it went
 * in, every write round-trips through the compat read and through
 * `GET /v1/readers/{reader}/card`, every function is refused without a token (401) and with a
 * token lacking its scope (403), and the OpenAPI document lists each function.
 *
 * The field lists and scopes below are a transcription of spec §5.2, written apart from the
 * gateway's table: the table is checked against them, not against itself.
 */
import {
  concatBytes,
  HEALTH_CARD_PROFILE,
  type ItemLocation,
  itemsOfFile,
  itemsOfLayout,
  type LayoutId,
  toHex,
  u16be,
} from '@hcard/card-core';
import {
  type BuiltCard,
  buildCardImage,
  buildPsamImage,
  createRandom,
  EmulatedHealthCard,
  EmulatedPsam,
  generateEncounter,
  generateResident,
  MEDICAL_FLAG_KEYS,
} from '@hcard/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type GatewayRig,
  PSAM_READER,
  READER_PATH,
  startGatewayRig,
  USER_READER,
} from '../support/gateway-rig.js';

const P = HEALTH_CARD_PROFILE;

// ---- spec §5.2, transcribed: interface field = item key, in the interface's order ------------

const parse = (text: string): [string, string][] =>
  text
    .trim()
    .split(/\s+/)
    .map((pair) => pair.split('=') as [string, string]);

const TLV_READS: Record<string, { file: string; fields: [string, string][] }> = {
  iR_DDF1EF05Info: {
    file: 'DDF1/EF05',
    fields: parse(`KLB=cardType GFBB=specVersion FKJGMC=issuerName FKJGDM=issuerCode FKJGZS=issuerCertificate
      FKSJ=issueDate KH=cardNumber AQM=securityCode XPXLH=chipSerial YYCSDM=cityCode`),
  },
  iR_DDF1EF06Info: {
    file: 'DDF1/EF06',
    fields: parse('XM=name XB=sex MZ=ethnicity CSRQ=birthDate SFZH=idNumber'),
  },
  iR_DDF1EF08Info: {
    file: 'DDF1/EF08',
    fields: parse(`KYXQ=expiryDate BRDH1=phone1 BRDH2=phone2 YLFYZFFS1=paymentScheme1 YLFYZFFS2=paymentScheme2
      YLFYZFFS3=paymentScheme3`),
  },
  iR_DF01EF05Info: {
    file: 'DDF1/DF01/EF05',
    fields: parse('DZLB1=addressType1 DZ1=address1 DZLB2=addressType2 DZ2=address2'),
  },
  iR_DF01EF06Info: {
    file: 'DDF1/DF01/EF06',
    fields: parse(`LXRXM1=contact1Name LXRGX1=contact1Relation LXRDH1=contact1Phone LXRXM2=contact2Name
      LXRGX2=contact2Relation LXRDH2=contact2Phone LXRXM3=contact3Name LXRGX3=contact3Relation LXRDH3=contact3Phone`),
  },
  iR_DF01EF07Info: {
    file: 'DDF1/DF01/EF07',
    fields: parse('WHCD=education HYZK=maritalStatus ZY=occupation'),
  },
  iR_DF01EF08Info: {
    file: 'DDF1/DF01/EF08',
    fields: parse(
      'ZJLB=documentType ZJHM=documentNumber JKDAH=healthRecordNumber XNHZH=ruralInsuranceNumber',
    ),
  },
  iR_DF02EF05Info: {
    file: 'DDF1/DF02/EF05',
    fields:
      parse(`ABOXX=aboBloodGroup RHXX=rhBloodGroup XCBZ=asthma XZBBZ=heartDisease XNXGBBZ=cardioCerebrovascular
      DXBBZ=epilepsy NXWLBZ=coagulationDisorder TNBBZ=diabetes QGYBZ=glaucoma TXBZ=dialysis QGYZBZ=organTransplant
      QGQSBZ=organLoss KZXYZBZ=removableProsthesis XZQBQBZ=pacemaker QTYXJSMC=otherMedicalAlert`),
  },
  iR_DF02EF06Info: { file: 'DDF1/DF02/EF06', fields: parse('JSBBZ=psychiatricFlag') },
};
/** The writers IF2012 gives a terminal, over the same fields as their readers. */
const TLV_WRITES: Record<string, string> = {
  iW_DDF1EF08Info: 'iR_DDF1EF08Info',
  iW_DF01EF05Info: 'iR_DF01EF05Info',
  iW_DF01EF06Info: 'iR_DF01EF06Info',
  iW_DF01EF07Info: 'iR_DF01EF07Info',
  iW_DF01EF08Info: 'iR_DF01EF08Info',
  iW_DF02EF05Info: 'iR_DF02EF05Info',
  iW_DF02EF06Info: 'iR_DF02EF06Info',
};
const OTHER_FUNCTIONS = `iR_DDF1EF07Info iR_DF02EF07Info iR_DF02EF08Info iR_DF03EF05Info iR_DF03EF06Info
  iR_DF03EEInfo iR_DF03EDInfo iR_DF03EE_ALLInfo iR_DF03ED_ALLInfo iReader_SAM_Public iReader_SAM_Terminal
  iReader_SAM_PublicApp iReader_SAM_OrgCertificate iReader_SAM_Certificate iW_DF02EF07Info iW_DF02EF08Info
  iW_DF03EEInfo iW_DF03EDInfo iW_DF03EE_ALLInfo iW_DF03ED_ALLInfo iW_DF03EF05Info iW_DF03EF06Info
  iErase_DF03EF05Info iErase_DF03EF06Info`
  .trim()
  .split(/\s+/);
const ALL_FUNCTIONS = [...Object.keys(TLV_READS), ...Object.keys(TLV_WRITES), ...OTHER_FUNCTIONS];

/** The scope rule, as the brief states it. */
const expectedScope = (name: string) =>
  /^(iW_|iErase_)/.test(name) ? 'write:encounters' : /DF0[23]/.test(name) ? 'read:clinical' : 'read:basic';
const isWrite = (name: string) => /^(iW_|iErase_)/.test(name);

/** Arguments that make each function's call valid (for the scope checks). */
const validArgs = (name: string): { query: string; body?: Record<string, unknown> } => {
  if (/^(iR_DF02EF0[78]|iR_DF03E._ALL)Info$/.test(name)) return { query: '&nRecorderNo=1' };
  if (/^iR_DF03E[ED]Info$/.test(name)) return { query: '&nRecorderNo=1&nPos=0&nLen=4' };
  if (/^iW_DF03E[ED]Info$/.test(name))
    return { query: '', body: { nRecorderNo: 1, szData: '00', nPos: 0, nLen: 1 } };
  if (/^(iW|iErase)_DF03EF0[56]Info$/.test(name)) return { query: '', body: { nRecorderNo: 1 } };
  if (/_ALLInfo$/.test(name)) {
    const layout = name.includes('EE') ? 'inpatient' : 'outpatient';
    return {
      query: '',
      body: {
        nRecorderNo: 1,
        szData: allKeys(layout)
          .map(() => '')
          .join('|'),
      },
    };
  }
  return { query: '', body: isWrite(name) ? {} : undefined };
};

// ---- a card whose values differ field by field within every file -----------------------------

/** A swapped pair of field names must show: no two fields of one file hold the same value. */
function distinctCard(encounters = { inpatient: 1, outpatient: 2 }): BuiltCard {
  const resident = generateResident('compat');
  Object.assign(resident.items, {
    sex: '02',
    ethnicity: '03',
    address2: '吉林省长春市朝阳区红旗街8号',
    documentType: '02',
    documentNumber: 'H12345678',
    ruralInsuranceNumber: '220106000000000001',
    aboBloodGroup: '04',
    rhBloodGroup: '2',
    otherMedicalAlert: '青霉素过敏史',
    psychiatricFlag: '01',
    education: '6',
    maritalStatus: '20',
    occupation: '3',
  });
  MEDICAL_FLAG_KEYS.forEach((key, i) => {
    resident.items[key] = toHex(Uint8Array.of(0x10 + i));
  });
  resident.allergies = [
    { substance: '鸡蛋', reaction: '腹泻' },
    { substance: '花粉', reaction: '口唇水肿' },
    { substance: '青霉素', reaction: '皮疹' },
  ];
  resident.immunisations = [
    { name: '乙肝疫苗', date: '20010203' },
    { name: '麻疹疫苗', date: '20020304' },
  ];
  const built = buildCardImage(resident, { seed: 'compat', encounters });
  for (const { file } of Object.values(TLV_READS)) {
    const values = itemsOfFile(P, file).map((i) => built.items[i.key]);
    expect(new Set(values).size, `values of ${file} are distinct`).toBe(values.length);
  }
  return built;
}

/** Puts `built` into the rig's reader in place of its card. */
function putCard(rig: GatewayRig, built: BuiltCard): EmulatedHealthCard {
  const card = new EmulatedHealthCard(built.image);
  rig.driver.remove(USER_READER);
  rig.driver.insert(USER_READER, card);
  return card;
}

/** Puts `card` into `reader` in place of what it holds, and waits until the gateway has seen both events. */
async function swapIn<C extends EmulatedHealthCard | EmulatedPsam>(r: GatewayRig, reader: string, card: C) {
  const counter = r.service.counter(reader);
  r.driver.remove(reader);
  r.driver.insert(reader, card);
  for (let i = 0; i < 200 && r.service.counter(reader) < counter + 2; i++)
    await new Promise((resolve) => setTimeout(resolve, 5));
  expect(r.service.counter(reader), `the gateway saw ${reader} change`).toBe(counter + 2);
  return card;
}

// ---- requests --------------------------------------------------------------------------------

let rig: GatewayRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const url = (name: string, query = '') => `/v1/compat/${name}?reader=${READER_PATH}${query}`;

async function read(r: GatewayRig, name: string, query = '', client = 'all') {
  const res = await r.app.inject({ url: url(name, query), headers: r.headers(client) });
  expect(res.statusCode, `${name}${query}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.json() as Record<string, unknown>;
}
async function readText(r: GatewayRig, name: string, query = '') {
  const res = await r.app.inject({ url: url(name, `${query}&format=text`), headers: r.headers() });
  expect(res.statusCode, `${name}${query}: ${res.body.slice(0, 300)}`).toBe(200);
  expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
  return res.body;
}
async function write(r: GatewayRig, name: string, body: Record<string, unknown>) {
  const res = await r.app.inject({ method: 'POST', url: url(name), headers: r.headers(), payload: body });
  expect(res.statusCode, `${name}: ${res.body.slice(0, 300)}`).toBe(200);
  expect(res.json()).toEqual({ code: 0 });
}
async function cardItems(r: GatewayRig, sections: string) {
  const res = await r.app.inject({
    url: `/v1/readers/${READER_PATH}/card?sections=${sections}`,
    headers: r.headers(),
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json() as { cached: boolean; card: Record<string, unknown> };
}
/** Item key → value over the TLV sections of the card route. */
async function cardTlvItems(r: GatewayRig): Promise<Record<string, string>> {
  const { card } = await cardItems(r, 'issuer,holder,insurance,address,clinical');
  return Object.assign(
    {},
    ...['issuer', 'holder', 'insurance', 'address', 'clinical'].map((s) => card[s]),
  ) as Record<string, string>;
}

const offsetOf = (l: ItemLocation) => (l.kind === 'binary' ? l.offset : -1);
/** The fields of a whole-record string: offset order, up to where the signature starts. */
const allKeys = (layout: LayoutId) =>
  itemsOfLayout(P, layout)
    .filter((i) => offsetOf(i.location) + i.length <= P.layouts[layout].dataLength)
    .sort((a, b) => offsetOf(a.location) - offsetOf(b.location))
    .map((i) => i.key);
const imageBytes = (built: BuiltCard, path: string) =>
  (built.image.files[path] as { data: string }).data.match(/../g)!.join('');

// ---- the table -------------------------------------------------------------------------------

describe('the compat table', () => {
  it('serves exactly the interface functions, each with its scope and fields', async () => {
    rig = await startGatewayRig();
    const res = await rig.app.inject({ url: '/v1/compat', headers: rig.headers('basic') });
    const { functions } = res.json() as {
      functions: { name: string; method: string; scope: string; fields: string[]; records?: number }[];
    };
    expect(functions.map((f) => f.name).sort()).toEqual([...ALL_FUNCTIONS].sort());
    for (const f of functions) {
      expect(f.scope, f.name).toBe(expectedScope(f.name));
      expect(f.method, f.name).toBe(isWrite(f.name) ? 'POST' : 'GET');
      const tlv = TLV_READS[f.name] ?? TLV_READS[TLV_WRITES[f.name] ?? ''];
      if (tlv) expect(f.fields, f.name).toEqual(tlv.fields.map(([n]) => n));
    }
    const byName = new Map(functions.map((f) => [f.name, f]));
    expect(byName.get('iR_DF02EF07Info')?.records).toBe(3);
    expect(byName.get('iR_DF02EF08Info')?.records).toBe(10);
    expect(byName.get('iR_DF03EEInfo')?.records).toBe(3);
    expect(byName.get('iR_DF03EDInfo')?.records).toBe(5);
    expect(byName.get('iR_DF03EF05Info')?.fields).toEqual(['ZYJLBS1', 'ZYJLBS2', 'ZYJLBS3']);
    expect(byName.get('iR_DF03EF06Info')?.fields).toEqual([
      'MZJLBS1',
      'MZJLBS2',
      'MZJLBS3',
      'MZJLBS4',
      'MZJLBS5',
    ]);
    expect(byName.get('iR_DF03EE_ALLInfo')?.fields).toEqual(allKeys('inpatient'));
    expect(byName.get('iR_DF03ED_ALLInfo')?.fields).toEqual(allKeys('outpatient'));
  });

  it('the transcription covers every item of each TLV file, in record order', () => {
    for (const { file, fields } of Object.values(TLV_READS)) {
      const items = [...itemsOfFile(P, file)].sort(
        (a, b) => (a.location as { record: number }).record - (b.location as { record: number }).record,
      );
      expect(
        fields.map(([, k]) => k),
        file,
      ).toEqual(items.map((i) => i.key));
    }
  });

  it('lists every function in the OpenAPI document, one operation each', async () => {
    rig = await startGatewayRig();
    const doc = (await rig.app.inject({ url: '/openapi.json', headers: rig.headers() })).json() as {
      paths: Record<
        string,
        Record<string, { operationId?: string; tags?: string[]; parameters?: { name: string }[] }>
      >;
    };
    for (const name of ALL_FUNCTIONS) {
      const path = doc.paths[`/v1/compat/${name}`];
      const op = path?.[isWrite(name) ? 'post' : 'get'];
      expect(op?.operationId, name).toBe(name);
      expect(op?.tags, name).toContain('compat');
      expect(op?.parameters?.map((p) => p.name)).toContain('reader');
    }
    const index = doc.paths['/v1/compat']?.get as unknown as {
      responses: Record<string, { content: Record<string, { schema: unknown }> }>;
    };
    const schema = JSON.stringify(index.responses['200']?.content['application/json']?.schema);
    for (const name of ALL_FUNCTIONS) expect(schema).toContain(`"${name}"`);
  });
});

// ---- reads -----------------------------------------------------------------------------------

describe('reads answer the card’s values under the interface’s names and order', () => {
  it('TLV files: JSON fields and the |-joined text', async () => {
    rig = await startGatewayRig();
    const built = distinctCard();
    putCard(rig, built);
    for (const [name, { fields }] of Object.entries(TLV_READS)) {
      const json = await read(rig, name);
      expect(json, name).toEqual({
        code: 0,
        ...Object.fromEntries(fields.map(([n, k]) => [n, built.items[k]])),
      });
      const text = await readText(rig, name);
      expect(text, name).toBe(fields.map(([, k]) => built.items[k]).join('|'));
      expect(text.split('|'), `${name}: no trailing |`).toHaveLength(fields.length);
    }
    // cn as digits, b as hex (spec §5): the certificate, the sex code, dates.
    const ef05 = await read(rig, 'iR_DDF1EF05Info');
    expect(ef05.FKJGZS).toMatch(/^[0-9A-F]{360}$/);
    expect(ef05.FKSJ).toMatch(/^\d{8}$/);
    expect((await read(rig, 'iR_DDF1EF06Info')).XB).toBe('02');
  });

  it('TLV files from the snapshot of a card read since it went in: the same answers, no APDU', async () => {
    const built = distinctCard();
    rig = await startGatewayRig();
    putCard(rig, built);
    const fromCard: Record<string, unknown> = {};
    for (const name of Object.keys(TLV_READS))
      fromCard[name] = [await read(rig, name), await readText(rig, name)];
    await rig.close();

    rig = await startGatewayRig();
    const card = await swapIn(rig, USER_READER, new EmulatedHealthCard(built.image));
    await cardTlvItems(rig); // every TLV section into the snapshot
    const apdus = card.commandCount;
    for (const name of Object.keys(TLV_READS))
      expect([await read(rig, name), await readText(rig, name)], name).toEqual(fromCard[name]);
    expect(card.commandCount, 'answered without touching the card').toBe(apdus);
  });

  it('the photo: hex of the 2-byte length and the JPEG, the same from the snapshot with no APDU', async () => {
    rig = await startGatewayRig();
    const jpeg = rig.built.resident.photo;
    const hex = toHex(concatBytes(u16be(jpeg.length), jpeg));
    expect(await read(rig, 'iR_DDF1EF07Info')).toEqual({ code: 0, ZHAOPIAN: hex });
    expect(await readText(rig, 'iR_DDF1EF07Info')).toBe(hex);
    expect((await cardItems(rig, 'photo')).cached, 'the compat read kept no snapshot').toBe(false);
    const apdus = rig.card.commandCount;
    expect(await read(rig, 'iR_DDF1EF07Info')).toEqual({ code: 0, ZHAOPIAN: hex });
    expect(await readText(rig, 'iR_DDF1EF07Info')).toBe(hex);
    expect(rig.card.commandCount, 'answered from the snapshot').toBe(apdus);
  });

  it('a card without a photo: "0000", from the card and from the snapshot', async () => {
    const resident = generateResident('compat-no-photo');
    resident.photo = new Uint8Array(0);
    rig = await startGatewayRig();
    const built = buildCardImage(resident, { seed: 'compat-no-photo' });
    const card = await swapIn(rig, USER_READER, new EmulatedHealthCard(built.image));
    expect(await read(rig, 'iR_DDF1EF07Info')).toEqual({ code: 0, ZHAOPIAN: '0000' });
    expect((await cardItems(rig, 'photo')).card.photo).toBeNull();
    const apdus = card.commandCount;
    expect(await read(rig, 'iR_DDF1EF07Info')).toEqual({ code: 0, ZHAOPIAN: '0000' });
    expect(card.commandCount, 'answered from the snapshot').toBe(apdus);
  });

  it('cyclic records by nRecorderNo; a record never written reads empty', async () => {
    rig = await startGatewayRig();
    const built = distinctCard();
    putCard(rig, built);
    const { allergies, immunisations } = built.resident;
    for (let n = 1; n <= 3; n++) {
      const a = allergies[n - 1];
      expect(await read(rig, 'iR_DF02EF07Info', `&nRecorderNo=${n}`)).toEqual({
        code: 0,
        GMWZMC: a?.substance ?? '',
        GMWZFY: a?.reaction ?? '',
      });
    }
    for (const n of [1, 2, 3, 10]) {
      const m = immunisations[n - 1];
      expect(await readText(rig, 'iR_DF02EF08Info', `&nRecorderNo=${n}`)).toBe(
        m ? `${m.name}|${m.date}` : '|',
      );
    }
  });

  it('index flags: 00 for a record in use, FF for an empty one', async () => {
    rig = await startGatewayRig();
    const inpatient = rig.built.encounters.inpatient.length;
    const outpatient = rig.built.encounters.outpatient.length;
    const flags = (count: number, used: number) =>
      Array.from({ length: count }, (_, i) => (i < used ? '00' : 'FF'));
    const ee = flags(3, inpatient);
    const ed = flags(5, outpatient);
    expect(await read(rig, 'iR_DF03EF05Info')).toEqual({
      code: 0,
      ...Object.fromEntries(ee.map((f, i) => [`ZYJLBS${i + 1}`, f])),
    });
    expect(await readText(rig, 'iR_DF03EF06Info')).toBe(ed.join('|'));
  });

  it('byte ranges of EE/ED records, as text, digits or hex (nStyle)', async () => {
    rig = await startGatewayRig();
    const { built } = rig;
    const ee1 = built.encounters.inpatient[0]!;
    const ed2 = built.encounters.outpatient[1]!;
    const AN = '&nStyle=1';
    const CN = '&nStyle=15';
    expect(await read(rig, 'iR_DF03EEInfo', `&nRecorderNo=1&nPos=0&nLen=70${AN}`)).toEqual({
      code: 0,
      szData: ee1.hospitalName,
    });
    expect(await readText(rig, 'iR_DF03EEInfo', `&nRecorderNo=1&nPos=80&nLen=4${CN}`)).toBe(
      ee1.admissionDate,
    );
    expect(await readText(rig, 'iR_DF03EDInfo', `&nRecorderNo=2&nPos=80&nLen=7${CN}`)).toBe(
      ed2.visitDateTime,
    );
    expect(await readText(rig, 'iR_DF03EDInfo', `&nRecorderNo=2&nPos=105&nLen=50${AN}`)).toBe(
      ed2.visitDepartment,
    );
    // Hex by default, and with nStyle 255 / 0; the signature and certificate can be read too.
    const ee01 = imageBytes(built, 'DDF1/DF03/EE01');
    for (const style of ['', '&nStyle=255', '&nStyle=0']) {
      expect(await readText(rig, 'iR_DF03EEInfo', `&nRecorderNo=1&nPos=75&nLen=20${style}`)).toBe(
        ee01.slice(150, 190),
      );
    }
    expect(await readText(rig, 'iR_DF03EEInfo', `&nRecorderNo=1&nPos=1639&nLen=254`)).toBe(ee01.slice(3278));
  });

  it('_ALLInfo: every data field |-separated in offset order', async () => {
    rig = await startGatewayRig();
    for (const [name, layout, n] of [
      ['iR_DF03EE_ALLInfo', 'inpatient', 1],
      ['iR_DF03ED_ALLInfo', 'outpatient', 2],
    ] as const) {
      const values = rig.built.encounters[layout][n - 1]!;
      const keys = allKeys(layout);
      const szData = keys.map((k) => values[k] ?? '').join('|');
      expect(keys.length).toBe(Object.keys(values).length);
      expect(await readText(rig, name, `&nRecorderNo=${n}`)).toBe(szData);
      const json = await read(rig, name, `&nRecorderNo=${n}`);
      expect(json.szData).toBe(szData);
      expect(json.items).toEqual(Object.fromEntries(keys.map((k) => [k, values[k]])));
    }
  });

  it('PSAM data files as hex', async () => {
    rig = await startGatewayRig();
    const files = buildPsamImage().files;
    const expected: Record<string, string | undefined> = {
      iReader_SAM_Public: files['0015'],
      iReader_SAM_Terminal: files['0016'],
      iReader_SAM_PublicApp: files['001A'],
      iReader_SAM_OrgCertificate: files['001B'],
      iReader_SAM_Certificate: files['001C'],
    };
    for (const [name, hex] of Object.entries(expected)) {
      expect(hex).toMatch(/^[0-9A-F]+$/);
      expect(await read(rig, name, '', 'basic'), name).toEqual({ code: 0, info: hex });
      expect(await readText(rig, name), name).toBe(hex);
    }
  });
});

// ---- reads asked again ------------------------------------------------------------------------

describe('a read asked again while the card stays in is answered without touching the card', () => {
  const READS = ALL_FUNCTIONS.filter((name) => !isWrite(name));
  const withCounts = async (r: GatewayRig, psam: EmulatedPsam, name: string, query: string) => {
    const answer = [await read(r, name, query), await readText(r, name, query)];
    return { answer, apdus: r.card.commandCount + psam.commandCount };
  };

  it('every read function: the same answer, JSON and text, and no APDU to the card or the PSAM', async () => {
    rig = await startGatewayRig();
    const psam = await swapIn(rig, PSAM_READER, new EmulatedPsam(buildPsamImage()));
    for (const name of READS) {
      const { query } = validArgs(name);
      const first = await withCounts(rig, psam, name, query);
      const again = await withCounts(rig, psam, name, query);
      expect(again.answer, name).toEqual(first.answer);
      expect(again.apdus, `${name}: asked again, no APDU`).toBe(first.apdus);
    }
  });

  it('what was kept goes with the card: another card answers its own values, and a new PSAM is asked again', async () => {
    rig = await startGatewayRig();
    const reads = async () =>
      Promise.all([
        readText(rig!, 'iR_DDF1EF06Info'),
        readText(rig!, 'iR_DF02EF07Info', '&nRecorderNo=3'),
        readText(rig!, 'iR_DF03EF06Info'),
        readText(rig!, 'iR_DF03EDInfo', '&nRecorderNo=1&nPos=0&nLen=70&nStyle=1'),
        readText(rig!, 'iR_DF03ED_ALLInfo', '&nRecorderNo=1'),
      ]);
    const first = await reads();
    const built = distinctCard({ inpatient: 1, outpatient: 3 });
    const card = await swapIn(rig, USER_READER, new EmulatedHealthCard(built.image));
    const other = await reads();
    expect(card.commandCount, 'the new card was read').toBeGreaterThan(0);
    const { name, sex, ethnicity, birthDate, idNumber } = built.items;
    expect(other[0]).toBe([name, sex, ethnicity, birthDate, idNumber].join('|'));
    const allergy = built.resident.allergies[2]!;
    expect(other[1]).toBe(`${allergy.substance}|${allergy.reaction}`);
    expect(other[2]).toBe('00|00|00|FF|FF');
    expect(other[3]).toBe(built.encounters.outpatient[0]!.visitHospitalName);
    for (let i = 0; i < first.length; i++) expect(other[i], `read ${i}`).not.toBe(first[i]);

    const psamRead = () => readText(rig!, 'iReader_SAM_Terminal');
    const before = await psamRead();
    const psam = await swapIn(rig, PSAM_READER, new EmulatedPsam(buildPsamImage()));
    expect(await psamRead()).toBe(before);
    expect(psam.commandCount, 'the new PSAM was read').toBeGreaterThan(0);
    const apdus = psam.commandCount;
    await swapIn(rig, USER_READER, new EmulatedHealthCard(built.image));
    expect(await psamRead()).toBe(before);
    expect(psam.commandCount, 'a new user card leaves what the PSAM answered').toBe(apdus);
  });

  it('a write through the gateway drops what was kept, by any route', async () => {
    rig = await startGatewayRig();
    const r = rig;
    const cyclic = () => readText(r, 'iR_DF02EF07Info', '&nRecorderNo=1');
    const index = () => readText(r, 'iR_DF03EF06Info');
    const range = () => readText(r, 'iR_DF03EDInfo', '&nRecorderNo=2&nPos=0&nLen=70&nStyle=1');
    const all = () => read(r, 'iR_DF03ED_ALLInfo', '&nRecorderNo=2');
    const items = () => read(r, 'iR_DDF1EF08Info');
    await Promise.all([cyclic(), index(), range(), all(), items()]);

    await write(r, 'iW_DF02EF07Info', { GMWZMC: '芒果', GMWZFY: '荨麻疹' });
    expect(await cyclic()).toBe('芒果|荨麻疹');
    await write(r, 'iErase_DF03EF06Info', { nRecorderNo: 1 });
    expect(await index()).toBe('FF|00|FF|FF|FF');
    await write(r, 'iW_DF03EDInfo', {
      nRecorderNo: 2,
      nPos: 0,
      nLen: 70,
      nStyle: 1,
      szData: '长春市第二医院',
    });
    expect(await range()).toBe('长春市第二医院');
    expect((await all()).items).toMatchObject({ visitHospitalName: '长春市第二医院' });
    await write(r, 'iW_DDF1EF08Info', { BRDH1: '13811112222' });
    expect((await items()).BRDH1).toBe('13811112222');

    // The card route's encounter write too: record 2 again, kept first, the new values read back.
    await Promise.all([all(), range()]);
    const visit = generateEncounter('outpatient', createRandom('compat-kept'), P);
    const res = await r.app.inject({
      method: 'POST',
      url: `/v1/readers/${READER_PATH}/card/encounters`,
      headers: { ...r.headers(), 'idempotency-key': 'compat-kept-1' },
      payload: { kind: 'outpatient', record: 2, items: visit },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect((await all()).items).toMatchObject({ visitHospitalName: visit.visitHospitalName });
    expect(await range()).toBe(visit.visitHospitalName);
  });

  it('identical calls at the same time share one read of the card', async () => {
    rig = await startGatewayRig();
    const r = rig;
    const call = () => readText(r, 'iR_DF02EF08Info', '&nRecorderNo=2');
    const one = await swapIn(r, USER_READER, new EmulatedHealthCard(r.built.image));
    const answer = await call();
    const five = await swapIn(r, USER_READER, new EmulatedHealthCard(r.built.image));
    expect(await Promise.all(Array.from({ length: 5 }, call))).toEqual(Array(5).fill(answer));
    expect(five.commandCount).toBe(one.commandCount);
  });
});

// ---- writes ----------------------------------------------------------------------------------

/** New values for every field of a file, all different from the card's and from each other. */
const NEW_VALUES: Record<string, Record<string, string>> = {
  iW_DDF1EF08Info: {
    KYXQ: '20351231',
    BRDH1: '13900000001',
    BRDH2: '0431-1234567',
    YLFYZFFS1: '2',
    YLFYZFFS2: '3',
    YLFYZFFS3: '8',
  },
  iW_DF01EF05Info: {
    DZLB1: '2',
    DZ1: '吉林省长春市南关区人民大街1号',
    DZLB2: '1',
    DZ2: '吉林省吉林市船营区北京路2号',
  },
  iW_DF01EF06Info: {
    LXRXM1: '张三',
    LXRGX1: '7',
    LXRDH1: '13100000001',
    LXRXM2: '李四',
    LXRGX2: '8',
    LXRDH2: '13100000002',
    LXRXM3: '王五',
    LXRGX3: '3',
    LXRDH3: '13100000003',
  },
  iW_DF01EF07Info: { WHCD: '2', HYZK: '10', ZY: 'X' },
  iW_DF01EF08Info: { ZJLB: '03', ZJHM: 'E99999999', JKDAH: '22010600000000099', XNHZH: '220106000000000777' },
  iW_DF02EF05Info: {
    ABOXX: '03',
    RHXX: '3',
    ...Object.fromEntries(
      [
        'XCBZ',
        'XZBBZ',
        'XNXGBBZ',
        'DXBBZ',
        'NXWLBZ',
        'TNBBZ',
        'QGYBZ',
        'TXBZ',
        'QGYZBZ',
        'QGQSBZ',
        'KZXYZBZ',
        'XZQBQBZ',
      ].map((n, i) => [n, toHex(Uint8Array.of(0x40 + i))]),
    ),
    QTYXJSMC: '对磺胺类药物过敏',
  },
  iW_DF02EF06Info: { JSBBZ: '7F' },
};

describe('writes round-trip through the compat reads and the card route', () => {
  it('every TLV writer: all fields, read back by field name and by item key', async () => {
    rig = await startGatewayRig();
    await cardTlvItems(rig); // a snapshot the writes must invalidate
    for (const [name, values] of Object.entries(NEW_VALUES)) {
      const reader = TLV_WRITES[name]!;
      await write(rig, name, values);
      expect(await read(rig, reader), name).toEqual({ code: 0, ...values });
      expect(await readText(rig, reader), name).toBe(Object.values(values).join('|'));
    }
    const items = await cardTlvItems(rig);
    for (const [name, values] of Object.entries(NEW_VALUES))
      for (const [field, key] of TLV_READS[TLV_WRITES[name]!]!.fields)
        expect(items[key], `${name} ${field} → ${key}`).toBe(values[field]);
  });

  it('a write drops the registration read too: /card/insurance answers the new payment scheme', async () => {
    rig = await startGatewayRig();
    const before = await rig.service.readApplications(USER_READER);
    const health = (r: typeof before) => (r.read.health?.kind === 'read' ? r.read.health.data.items : {});
    expect(health(before).paymentScheme2).toBe(rig.built.items.paymentScheme2);
    const scheme = rig.built.items.paymentScheme2 === '4' ? '5' : '4';
    await write(rig, 'iW_DDF1EF08Info', { YLFYZFFS2: scheme });
    const after = await rig.service.readApplications(USER_READER);
    expect(after.cached).toBe(false);
    expect(health(after).paymentScheme2).toBe(scheme);
    const res = await rig.app.inject({
      url: `/v1/readers/${READER_PATH}/card/insurance`,
      headers: rig.headers(),
    });
    expect(res.json().paymentSchemes).toContain(scheme);
  });

  it('a partial write leaves absent and empty fields as they were', async () => {
    rig = await startGatewayRig();
    const before = await cardItems(rig, 'holder,insurance');
    expect(before.cached).toBe(false);
    await write(rig, 'iW_DDF1EF08Info', { BRDH1: '13811112222', BRDH2: '', YLFYZFFS2: '4' });
    const items = rig.built.items;
    expect(await read(rig, 'iR_DDF1EF08Info')).toEqual({
      code: 0,
      KYXQ: items.expiryDate,
      BRDH1: '13811112222',
      BRDH2: items.phone2,
      YLFYZFFS1: items.paymentScheme1,
      YLFYZFFS2: '4',
      YLFYZFFS3: items.paymentScheme3,
    });
    const after = await cardItems(rig, 'holder,insurance');
    expect(after.cached, 'the write dropped the snapshot').toBe(false);
    expect((after.card.holder as Record<string, string>).phone1).toBe('13811112222');
    expect((after.card.insurance as Record<string, string>).paymentScheme2).toBe('4');
    // Nothing given: nothing written, code 0.
    await write(rig, 'iW_DF01EF05Info', { DZ1: '' });
    expect((await read(rig, 'iR_DF01EF05Info')).DZ1).toBe(items.address1);
  });

  it('cyclic writers add a new record 1 and move the others down', async () => {
    rig = await startGatewayRig();
    const built = distinctCard();
    putCard(rig, built);
    await cardItems(rig, 'clinical,allergies');
    await write(rig, 'iW_DF02EF07Info', { GMWZMC: '芒果', GMWZFY: '荨麻疹' });
    expect(await read(rig, 'iR_DF02EF07Info', '&nRecorderNo=1')).toEqual({
      code: 0,
      GMWZMC: '芒果',
      GMWZFY: '荨麻疹',
    });
    const [a1, a2] = built.resident.allergies;
    expect(await readText(rig, 'iR_DF02EF07Info', '&nRecorderNo=2')).toBe(`${a1!.substance}|${a1!.reaction}`);
    expect(await readText(rig, 'iR_DF02EF07Info', '&nRecorderNo=3')).toBe(`${a2!.substance}|${a2!.reaction}`);
    const { card } = await cardItems(rig, 'allergies');
    expect((card.allergies as { substance: string }[])[0]).toEqual({ substance: '芒果', reaction: '荨麻疹' });

    await write(rig, 'iW_DF02EF08Info', { MYJZMC: '流感疫苗', MYJZSJ: '20240915' });
    await write(rig, 'iW_DF02EF08Info', { MYJZMC: '狂犬疫苗' }); // partial: no date
    expect(await readText(rig, 'iR_DF02EF08Info', '&nRecorderNo=1')).toBe('狂犬疫苗|');
    expect(await readText(rig, 'iR_DF02EF08Info', '&nRecorderNo=2')).toBe('流感疫苗|20240915');
    const m1 = built.resident.immunisations[0]!;
    expect(await readText(rig, 'iR_DF02EF08Info', '&nRecorderNo=3')).toBe(`${m1.name}|${m1.date}`);
    const clinical = await cardItems(rig, 'clinical');
    const immunisations = (clinical.card.clinical as { immunisations: { name: string; date: string }[] })
      .immunisations;
    expect(immunisations.slice(0, 2)).toEqual([
      { name: '狂犬疫苗', date: '' },
      { name: '流感疫苗', date: '20240915' },
    ]);
  });

  it('byte-range writes of EE/ED records, in each nStyle', async () => {
    rig = await startGatewayRig();
    await cardItems(rig, 'encounters');
    const post = (name: string, body: Record<string, unknown>) => write(rig!, name, body);
    await post('iW_DF03EEInfo', {
      nRecorderNo: 1,
      nPos: 0,
      nLen: 70,
      nStyle: 1,
      szData: '长春市第一人民医院',
    });
    await post('iW_DF03EEInfo', { nRecorderNo: 1, nPos: 80, nLen: 4, nStyle: 15, szData: '20240102' });
    await post('iW_DF03EDInfo', { nRecorderNo: 2, nPos: 155, nLen: 1, szData: '3F' }); // hex (B style by default)
    expect(await readText(rig, 'iR_DF03EEInfo', '&nRecorderNo=1&nPos=0&nLen=70&nStyle=1')).toBe(
      '长春市第一人民医院',
    );
    const ee = await read(rig, 'iR_DF03EE_ALLInfo', '&nRecorderNo=1');
    const eeItems = ee.items as Record<string, string>;
    expect(eeItems.hospitalName).toBe('长春市第一人民医院');
    expect(eeItems.admissionDate).toBe('20240102');
    expect(eeItems.caseNumber).toBe(rig.built.encounters.inpatient[0]!.caseNumber);
    const ed = await read(rig, 'iR_DF03ED_ALLInfo', '&nRecorderNo=2');
    expect((ed.items as Record<string, string>).visitPaymentScheme).toBe('3');
    const { card } = await cardItems(rig, 'encounters');
    const encounters = card.encounters as { inpatient: { number: number; items: Record<string, string> }[] };
    expect(encounters.inpatient[0]?.items.hospitalName).toBe('长春市第一人民医院');
  });

  it('_ALLInfo writes a whole record, signed, and marks it in use', async () => {
    rig = await startGatewayRig();
    const values = generateEncounter('outpatient', createRandom('compat-all'), P);
    const keys = allKeys('outpatient');
    const szData = keys.map((k) => values[k] ?? '').join('|');
    expect(await readText(rig, 'iR_DF03EF06Info')).toBe('00|00|FF|FF|FF');
    await cardItems(rig, 'encounters');
    await write(rig, 'iW_DF03ED_ALLInfo', { nRecorderNo: 3, szData });
    expect(await readText(rig, 'iR_DF03EF06Info')).toBe('00|00|00|FF|FF');
    expect(await readText(rig, 'iR_DF03ED_ALLInfo', '&nRecorderNo=3')).toBe(szData);
    const signature = await readText(rig, 'iR_DF03EDInfo', '&nRecorderNo=3&nPos=3013&nLen=64');
    expect(signature).not.toBe('00'.repeat(64));
    const { card } = await cardItems(rig, 'encounters');
    const record = (
      card.encounters as { outpatient: { number: number; items: Record<string, string> }[] }
    ).outpatient.find((r) => r.number === 3);
    for (const k of keys) expect(record?.items[k], k).toBe(values[k] ?? '');

    // The inpatient one into an empty record, too.
    const ee = generateEncounter('inpatient', createRandom('compat-all-ee'), P);
    const eeData = allKeys('inpatient')
      .map((k) => ee[k] ?? '')
      .join('|');
    await write(rig, 'iW_DF03EE_ALLInfo', { nRecorderNo: 2, szData: eeData });
    expect(await readText(rig, 'iR_DF03EE_ALLInfo', '&nRecorderNo=2')).toBe(eeData);
  });

  it('index flags: set to 00 and erase to FF', async () => {
    rig = await startGatewayRig();
    await cardItems(rig, 'encounters');
    await write(rig, 'iErase_DF03EF05Info', { nRecorderNo: 1 });
    expect(await readText(rig, 'iR_DF03EF05Info')).toBe('FF|FF|FF');
    const erased = await rig.app.inject({
      url: url('iR_DF03EE_ALLInfo', '&nRecorderNo=1'),
      headers: rig.headers(),
    });
    expect(erased.json().error.ifCode).toBe(112);
    let { card } = await cardItems(rig, 'encounters');
    expect((card.encounters as { inpatientFlags: boolean[] }).inpatientFlags).toEqual([false, false, false]);
    await write(rig, 'iW_DF03EF05Info', { nRecorderNo: 1 });
    expect(await readText(rig, 'iR_DF03EF05Info')).toBe('00|FF|FF');
    expect((await read(rig, 'iR_DF03EE_ALLInfo', '&nRecorderNo=1')).szData).toBe(
      allKeys('inpatient')
        .map((k) => rig!.built.encounters.inpatient[0]![k])
        .join('|'),
    );

    await write(rig, 'iErase_DF03EF06Info', { nRecorderNo: 2 });
    expect(await readText(rig, 'iR_DF03EF06Info')).toBe('00|FF|FF|FF|FF');
    await write(rig, 'iW_DF03EF06Info', { nRecorderNo: 5 });
    expect(await readText(rig, 'iR_DF03EF06Info')).toBe('00|FF|FF|FF|00');
    ({ card } = await cardItems(rig, 'encounters'));
    expect((card.encounters as { outpatientFlags: boolean[] }).outpatientFlags).toEqual([
      true,
      false,
      false,
      false,
      true,
    ]);
  });
});

// ---- scopes ----------------------------------------------------------------------------------

/** A client of the rig without the scope, and one with it. */
const CLIENT_WITHOUT: Record<string, string> = {
  'read:basic': 'settle',
  'read:clinical': 'writer',
  'write:encounters': 'clinical',
};
const CLIENT_WITH: Record<string, string> = {
  'read:basic': 'basic',
  'read:clinical': 'clinical',
  'write:encounters': 'writer',
};

describe('scopes', () => {
  it('every function: 401 without a token, 403 without its scope, served with it', async () => {
    rig = await startGatewayRig();
    for (const name of ALL_FUNCTIONS) {
      const scope = expectedScope(name);
      const { query, body } = validArgs(name);
      const request = (headers: Record<string, string>, format = '') =>
        rig!.app.inject({
          method: isWrite(name) ? 'POST' : 'GET',
          url: url(name, `${query}${format}`),
          headers,
          ...(body ? { payload: body } : {}),
        });
      const { host } = rig.headers();
      const anonymous = await request({ host: host! });
      expect(anonymous.statusCode, name).toBe(401);
      expect(anonymous.json().error.code).toBe('HCARD_E_UNAUTHENTICATED');
      expect(anonymous.json().error.ifCode, 'no interface code for a missing token').toBeUndefined();

      const refused = await request(rig.headers(CLIENT_WITHOUT[scope]));
      expect(refused.statusCode, `${name} without ${scope}`).toBe(403);
      expect(refused.json().error.message).toContain(scope);
      const refusedText = await request(rig.headers(CLIENT_WITHOUT[scope]), '&format=text');
      expect(refusedText.body).toMatch(
        /^ERROR\|\|HCARD_E_FORBIDDEN\|.*read:|^ERROR\|\|HCARD_E_FORBIDDEN\|.*write:/,
      );

      const served = await request(rig.headers(CLIENT_WITH[scope]));
      expect(served.statusCode, `${name} with ${scope}: ${served.body.slice(0, 200)}`).toBe(200);
    }
  });
});

// ---- real sockets ----------------------------------------------------------------------------

describe('over real sockets', () => {
  it('reads JSON and text, writes, and answers errors in both forms', async () => {
    rig = await startGatewayRig({ listen: true });
    const base = `${rig.url}/v1/compat`;
    const q = `?reader=${READER_PATH}`;
    let res = await fetch(`${base}/iR_DDF1EF06Info${q}`, { headers: rig.headers('basic') });
    expect(res.status).toBe(200);
    const items = rig.built.items;
    expect(await res.json()).toEqual({
      code: 0,
      XM: items.name,
      XB: items.sex,
      MZ: items.ethnicity,
      CSRQ: items.birthDate,
      SFZH: items.idNumber,
    });

    res = await fetch(`${base}/iR_DDF1EF06Info${q}&format=text`, { headers: rig.headers('basic') });
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe(
      [items.name, items.sex, items.ethnicity, items.birthDate, items.idNumber].join('|'),
    );

    res = await fetch(`${base}/iW_DF01EF07Info${q}`, {
      method: 'POST',
      headers: { ...rig.headers('writer'), 'content-type': 'application/json' },
      body: JSON.stringify({ HYZK: '30' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ code: 0 });
    res = await fetch(`${base}/iW_DF01EF07Info${q}&format=text`, {
      method: 'POST',
      headers: { ...rig.headers('writer'), 'content-type': 'application/json' },
      body: JSON.stringify({ ZY: 'Y' }),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    res = await fetch(`${base}/iR_DF01EF07Info${q}&format=text`, { headers: rig.headers('basic') });
    expect(await res.text()).toBe(`${items.education}|30|Y`);

    res = await fetch(`${base}/iR_DF03EE_ALLInfo${q}&nRecorderNo=2&format=text`, { headers: rig.headers() });
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/^ERROR\|112\|HCARD_E_RECORD_EMPTY\|/);

    res = await fetch(`${base}/iR_DF02EF05Info${q}`, { headers: rig.headers('basic') });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('HCARD_E_FORBIDDEN');

    res = await fetch(`${base}/iR_DF02EF05Info${q}&format=text`, { headers: { host: rig.headers().host! } });
    expect(res.status).toBe(401);
    expect(await res.text()).toMatch(/^ERROR\|\|HCARD_E_UNAUTHENTICATED\|/);
  });
});
