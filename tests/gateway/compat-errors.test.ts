/**
 * The compat routes' errors carry the national interface's codes (spec §5.3), in the gateway's
 * JSON error body (`ifCode`) and, with `format=text`, as `ERROR|<ifCode>|<code>|<message>`:
 * 101 for bad arguments, 112 for an empty record, 106 for a blocked key, 105 for the PSAM,
 * 104 for no card, 113 for a bad photo, and the card refusals by command (102, 103, 107–111)
 * from a card whose answers are replaced for one command. Every call is audited.
 */
import { type CardChannel, forwardChannel, toHex } from '@hcard/card-core';
import {
  buildPsamImage,
  type CardImage,
  EmulatedHealthCard,
  EmulatedPsam,
  generateCard,
} from '@hcard/emulator';
import { type AuditEntry, buildApp, ReaderService } from '@hcard/gateway';
import { type ConnectOptions, EmulatorDriver, type ReaderDriver } from '@hcard/reader-driver';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type GatewayRig,
  PSAM_READER,
  READER_PATH,
  startGatewayRig,
  testConfig,
  tokenOf,
  USER_READER,
} from '../support/gateway-rig.js';

const SEED = 'gateway';

let rig: GatewayRig | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await rig?.close();
  rig = undefined;
  for (const close of closers.splice(0)) await close();
});

const url = (name: string, query = '') => `/v1/compat/${name}?reader=${READER_PATH}${query}`;

type App = GatewayRig['app'];
interface Call {
  readonly name: string;
  readonly query?: string;
  readonly body?: Record<string, unknown>;
}

async function call(
  app: App,
  headers: Record<string, string>,
  { name, query = '', body }: Call,
  format = '',
) {
  return app.inject({
    method: body ? 'POST' : 'GET',
    url: url(name, `${query}${format}`),
    headers,
    ...(body ? { payload: body } : {}),
  });
}

/** The call fails with `ifCode` (and `code`, `status`) in JSON and as one text line. */
async function expectIfCode(
  app: App,
  headers: Record<string, string>,
  c: Call,
  ifCode: number,
  code?: string,
  status?: number,
) {
  const json = await call(app, headers, c);
  const what = `${c.name}${c.query ?? ''} ${JSON.stringify(c.body ?? {})}: ${json.body.slice(0, 300)}`;
  expect(json.json().error?.ifCode, what).toBe(ifCode);
  if (code) expect(json.json().error.code, what).toBe(code);
  if (status) expect(json.statusCode, what).toBe(status);
  else expect(json.statusCode, what).toBeGreaterThanOrEqual(400);
  const text = await call(app, headers, c, '&format=text');
  expect(text.statusCode, what).toBe(json.statusCode);
  expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
  expect(text.body, what).toMatch(new RegExp(`^ERROR\\|${ifCode}\\|${json.json().error.code}\\|.+`));
  expect(text.body).not.toContain('\n');
}

describe('101: bad parameters', () => {
  it('out-of-range, missing, unknown and badly formed arguments; nothing is written', async () => {
    rig = await startGatewayRig();
    const h = rig.headers();
    const bad: [Call, string?][] = [
      [{ name: 'iR_DF02EF07Info', query: '&nRecorderNo=4' }],
      [{ name: 'iR_DF02EF08Info', query: '&nRecorderNo=0' }],
      [{ name: 'iR_DF02EF07Info' }], // no nRecorderNo
      [{ name: 'iR_DF03EEInfo', query: '&nRecorderNo=1&nPos=1890&nLen=4' }], // past the file
      [{ name: 'iR_DF03EEInfo', query: '&nRecorderNo=1&nPos=0&nLen=4&nStyle=7' }],
      [{ name: 'iR_DF03EEInfo', query: '&nRecorderNo=1&nPos=86&nLen=4&nStyle=15' }, 'HCARD_E_ARG_INVALID'], // ans bytes as cn
      [{ name: 'iR_DDF1EF05Info', query: '&nRecorderNo=1' }, 'HCARD_E_ARG_INVALID'], // takes no record number
      [{ name: 'iW_DDF1EF08Info', body: { KYXQ2: '20300101' } }, 'HCARD_E_ARG_INVALID'], // misspelt field
      [{ name: 'iW_DDF1EF08Info', body: { KYXQ: '2030AB01' } }, 'HCARD_E_CN_INVALID'],
      [{ name: 'iW_DF02EF06Info', body: { JSBBZ: 'G1' } }, 'HCARD_E_B_INVALID'],
      [{ name: 'iW_DF01EF06Info', body: { LXRXM1: '张'.repeat(16) } }, 'HCARD_E_ANS_TOO_LONG'],
      [{ name: 'iW_DF03EEInfo', body: { nRecorderNo: 1, nPos: 1638, nLen: 2, szData: '0000' } }], // into the signature
      [
        { name: 'iW_DF03EEInfo', body: { nRecorderNo: 1, nPos: 0, nLen: 2, szData: 'ZZZZ' } },
        'HCARD_E_B_INVALID',
      ],
      [{ name: 'iW_DF03EDInfo', body: { nRecorderNo: 6, nPos: 0, nLen: 1, szData: '00' } }],
      [{ name: 'iW_DF03ED_ALLInfo', body: { nRecorderNo: 1, szData: 'a|b|c' } }, 'HCARD_E_ARG_INVALID'],
      [{ name: 'iW_DF03EF05Info', body: { nRecorderNo: 4 } }],
      [{ name: 'iErase_DF03EF06Info', body: {} }],
    ];
    for (const [c, code] of bad) await expectIfCode(rig.app, h, c, 101, code);

    const unchanged = await rig.app.inject({ url: url('iR_DDF1EF08Info', '&format=text'), headers: h });
    const items = rig.built.items;
    expect(unchanged.body).toBe(
      ['expiryDate', 'phone1', 'phone2', 'paymentScheme1', 'paymentScheme2', 'paymentScheme3']
        .map((k) => items[k])
        .join('|'),
    );
    const flags = await rig.app.inject({ url: url('iR_DF03EF05Info', '&format=text'), headers: h });
    expect(flags.body).toBe('00|FF|FF');
  });

  it('a misspelt field is refused, not dropped (a write that writes nothing would say 0)', async () => {
    rig = await startGatewayRig();
    const res = await call(rig.app, rig.headers(), {
      name: 'iW_DF01EF07Info',
      body: { HYZK: '30', ZY2: 'X' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('"ZY2"');
    const read = await rig.app.inject({ url: url('iR_DF01EF07Info'), headers: rig.headers() });
    expect(read.json().HYZK).toBe(rig.built.items.maritalStatus);
  });
});

describe('112: the record is marked empty', () => {
  it('range and _ALLInfo reads of records whose index flag is FF', async () => {
    rig = await startGatewayRig();
    const h = rig.headers();
    await expectIfCode(rig.app, h, { name: 'iR_DF03EEInfo', query: '&nRecorderNo=2&nPos=0&nLen=10' }, 112);
    await expectIfCode(rig.app, h, { name: 'iR_DF03EE_ALLInfo', query: '&nRecorderNo=3' }, 112);
    await expectIfCode(
      rig.app,
      h,
      { name: 'iR_DF03ED_ALLInfo', query: '&nRecorderNo=5' },
      112,
      'HCARD_E_RECORD_EMPTY',
      404,
    );
  });
});

/** The rig with its card replaced by `image` (changed by `edit`). */
async function rigWithImage(
  edit: (image: CardImage & { keys: Record<string, unknown>; files: Record<string, unknown> }) => void,
) {
  const r = await startGatewayRig();
  const image = structuredClone(r.built.image) as CardImage & {
    keys: Record<string, unknown>;
    files: Record<string, unknown>;
  };
  edit(image);
  r.driver.remove(USER_READER);
  r.driver.insert(USER_READER, new EmulatedHealthCard(image));
  return r;
}

describe('106: authentication failed', () => {
  it('a blocked read key refuses its DF; the free EF05 still reads', async () => {
    rig = await rigWithImage((image) => {
      Object.assign(image.keys.RK_DF01 as object, { remaining: 0 });
    });
    const h = rig.headers();
    await expectIfCode(rig.app, h, { name: 'iR_DF01EF05Info' }, 106, 'HCARD_E_SW_REFUSED', 422);
    const ok = await rig.app.inject({ url: url('iR_DDF1EF05Info'), headers: h });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().KH).toBe(rig.built.items.cardNumber);
  });

  it('a blocked update key refuses the write', async () => {
    rig = await rigWithImage((image) => {
      Object.assign(image.keys.UK_DF03_2 as object, { remaining: 0 });
    });
    await expectIfCode(
      rig.app,
      rig.headers(),
      { name: 'iErase_DF03EF05Info', body: { nRecorderNo: 1 } },
      106,
    );
  });
});

describe('113: photo data error', () => {
  it('a photo file whose length field says more than 3072 bytes', async () => {
    rig = await rigWithImage((image) => {
      const photo = image.files['DDF1/EF07'] as { data: string };
      image.files['DDF1/EF07'] = { data: `0FFF${photo.data.slice(4)}` };
    });
    await expectIfCode(rig.app, rig.headers(), { name: 'iR_DDF1EF07Info' }, 113, 'HCARD_E_PHOTO_INVALID');
  });
});

describe('104 and 105: the card and the PSAM', () => {
  it('104 with no card in the reader', async () => {
    rig = await startGatewayRig();
    rig.driver.remove(USER_READER);
    await expectIfCode(rig.app, rig.headers(), { name: 'iR_DDF1EF06Info' }, 104, 'HCARD_E_NO_CARD', 409);
  });

  it('105 with no PSAM in the PSAM slot (the card is in)', async () => {
    rig = await startGatewayRig();
    rig.driver.remove(PSAM_READER);
    await expectIfCode(rig.app, rig.headers(), { name: 'iR_DDF1EF06Info' }, 105, 'HCARD_E_PSAM_ABSENT', 503);
    await expectIfCode(
      rig.app,
      rig.headers(),
      { name: 'iReader_SAM_Terminal' },
      105,
      'HCARD_E_PSAM_ABSENT',
      503,
    );
  });

  it('105 for a PSAM that refuses the PIN, and for no PIN at all', async () => {
    for (const psamPin of ['999999', undefined]) {
      const driver = new EmulatorDriver();
      driver.insert(USER_READER, new EmulatedHealthCard(generateCard(SEED).image));
      driver.insert(PSAM_READER, new EmulatedPsam(buildPsamImage()));
      const service = new ReaderService(driver, psamPin ? { psamPin } : {});
      await service.start();
      const config = testConfig();
      const app = await buildApp(config, { service });
      closers.push(async () => {
        await app.close();
        await service.close();
      });
      const h = { host: `127.0.0.1:${config.port}`, authorization: `Bearer ${tokenOf('all')}` };
      const code = psamPin ? 'HCARD_E_PSAM_PIN_WRONG' : 'HCARD_E_PSAM_PIN_MISSING';
      await expectIfCode(app, h, { name: 'iR_DDF1EF06Info' }, 105, code);
      await expectIfCode(app, h, { name: 'iReader_SAM_Terminal' }, 105, code);
      await expectIfCode(app, h, { name: 'iW_DF03EF05Info', body: { nRecorderNo: 1 } }, 105, code);
    }
  });
});

// ---- card refusals by command, from a card whose answer to one command is replaced -----------

/** The rig's driver with the user card's answer to matching commands replaced by a status word. */
class FaultyDriver implements ReaderDriver {
  readonly kind = 'emulator' as const;
  fault: ((apdu: Uint8Array) => number | undefined) | undefined;
  constructor(readonly inner: EmulatorDriver) {}
  list() {
    return this.inner.list();
  }
  watch() {
    return this.inner.watch();
  }
  close() {
    return this.inner.close();
  }
  async connect(reader: string, options?: ConnectOptions): Promise<CardChannel> {
    const channel = await this.inner.connect(reader, options);
    if (reader !== USER_READER) return channel;
    return forwardChannel(channel, async (apdu) => {
      const sw = this.fault?.(apdu);
      return sw === undefined ? channel.transmit(apdu) : Uint8Array.of(sw >> 8, sw & 0xff);
    });
  }
}

async function faultyRig() {
  const inner = new EmulatorDriver();
  inner.insert(USER_READER, new EmulatedHealthCard(generateCard(SEED).image));
  inner.insert(PSAM_READER, new EmulatedPsam(buildPsamImage()));
  const driver = new FaultyDriver(inner);
  const r = await startGatewayRig({ seed: SEED, driver });
  return { rig: r, driver };
}

const ins = (apdu: Uint8Array) => apdu[1];
const EF = (apdu: Uint8Array, fid: string) => ins(apdu) === 0xa4 && toHex(apdu.subarray(5, 7)) === fid;

describe('card refusals by the command refused', () => {
  const cases: [string, (apdu: Uint8Array) => boolean, number, Call, number][] = [
    ['SELECT DF01 → 6A82', (a) => EF(a, 'DF01'), 0x6a82, { name: 'iR_DF01EF05Info' }, 102],
    [
      'READ RECORD by number → 6A83',
      (a) => ins(a) === 0xb2 && a[3] === 0x04,
      0x6a83,
      { name: 'iR_DF01EF05Info' },
      103,
    ],
    ['READ BINARY (photo) → 6581', (a) => ins(a) === 0xb0, 0x6581, { name: 'iR_DDF1EF07Info' }, 107],
    [
      'READ BINARY (EE01) → 6581',
      (a) => ins(a) === 0xb0,
      0x6581,
      { name: 'iR_DF03EEInfo', query: '&nRecorderNo=1&nPos=0&nLen=10' },
      107,
    ],
    [
      'UPDATE RECORD (SM) → 6581',
      (a) => ins(a) === 0xdc,
      0x6581,
      { name: 'iW_DF01EF05Info', body: { DZ1: '某地' } },
      108,
    ],
    [
      'UPDATE BINARY → 6581',
      (a) => ins(a) === 0xd6,
      0x6581,
      { name: 'iW_DF03EDInfo', body: { nRecorderNo: 1, nPos: 0, nLen: 1, szData: '41' } },
      109,
    ],
    [
      'WRITE RECORD (SM) → 6581',
      (a) => ins(a) === 0xd2,
      0x6581,
      { name: 'iW_DF03EF05Info', body: { nRecorderNo: 2 } },
      110,
    ],
    [
      'ERASE RECORD (SM) → 6581',
      (a) => ins(a) === 0x0c,
      0x6581,
      { name: 'iErase_DF03EF05Info', body: { nRecorderNo: 1 } },
      111,
    ],
    // Commands without a code of their own: the function's failure code from the table.
    ['GET CHALLENGE in a read → 6985', (a) => ins(a) === 0x84, 0x6985, { name: 'iR_DF01EF05Info' }, 103],
    [
      'GET CHALLENGE in a flag write → 6985',
      (a) => ins(a) === 0x84,
      0x6985,
      { name: 'iW_DF03EF06Info', body: { nRecorderNo: 3 } },
      110,
    ],
    [
      'GET CHALLENGE in an erase → 6985',
      (a) => ins(a) === 0x84,
      0x6985,
      { name: 'iErase_DF03EF06Info', body: { nRecorderNo: 1 } },
      111,
    ],
  ];
  it.each(cases)('%s', async (_what, match, sw, c, ifCode) => {
    const faulty = await faultyRig();
    rig = faulty.rig;
    // Only after the session is open (PIN, DDF1, the city code), as a card that fails mid-way.
    let open = false;
    faulty.driver.fault = (apdu) => {
      if (ins(apdu) === 0xb2 && apdu[2] === 0x39) open = true; // READ RECORD id 39: the city code
      return open && match(apdu) ? sw : undefined;
    };
    await expectIfCode(rig.app, rig.headers(), c, ifCode, 'HCARD_E_SW_REFUSED', 422);
  });
});

describe('audit', () => {
  it('every call is audited with its function, failures too', async () => {
    const entries: AuditEntry[] = [];
    const outcomes: string[] = [];
    rig = await startGatewayRig({
      deps: {
        hooks: {
          audited: async (_request, entry, job) => {
            entries.push(entry);
            try {
              const result = await job();
              outcomes.push('ok');
              return result;
            } catch (e) {
              outcomes.push('failed');
              throw e;
            }
          },
        },
      },
    });
    const h = rig.headers();
    await rig.app.inject({ url: url('iR_DDF1EF05Info'), headers: h });
    await rig.app.inject({ url: url('iR_DF03EE_ALLInfo', '&nRecorderNo=2'), headers: h });
    await rig.app.inject({ method: 'POST', url: url('iW_DF01EF07Info'), headers: h, payload: { ZY: 'X' } });
    expect(entries).toEqual([
      { action: 'compat', reader: USER_READER, function: 'iR_DDF1EF05Info' },
      { action: 'compat', reader: USER_READER, function: 'iR_DF03EE_ALLInfo' },
      { action: 'compat', reader: USER_READER, function: 'iW_DF01EF07Info' },
    ]);
    expect(outcomes).toEqual(['ok', 'failed', 'ok']);
  });
});

describe('routes outside the table', () => {
  it('an unknown function and a known one with the wrong method are 404s', async () => {
    rig = await startGatewayRig();
    const h = rig.headers();
    let res = await rig.app.inject({ url: url('iR_DDF1EF09Info'), headers: h });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain('iR_DDF1EF09Info');
    res = await rig.app.inject({ url: url('iW_DDF1EF08Info'), headers: h });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain('POST');
    res = await rig.app.inject({ method: 'POST', url: url('iR_DDF1EF08Info'), headers: h, payload: {} });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain('GET');
  });
});
