/**
 * The gateway's routes for the other applications of the three-in-one card, the ID-card reader
 * and the identity check, over real sockets: the in-process emulator driver holds the chip and
 * the test PSAM; the ID card is an emulated reader on a socat pty pair, read by the gateway's
 * IdCardService through serialport. Scopes, the national string, the masked bank card, the 1101
 * input from the SSSE data, verdicts with reasons, the idcard-placed event, and a log capture
 * that holds no full bank card number.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { mohrssErrorText, toHex } from '@hcard/card-core';
import {
  type BuildChipOptions,
  EmulatedIdCardReader,
  generateChip,
  generateIdCard,
  type PtyPair,
  type ServedIdCardReader,
  serveIdCardReader,
  startPtyPair,
  testPublicKey,
  track2Of,
} from '@hcard/emulator';
import {
  AuditLog,
  addToHotlist,
  auditingHooks,
  createLogger,
  Hotlist,
  LineQueue,
  PersonalDataMasker,
} from '@hcard/gateway';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayRig, READER_PATH, startGatewayRig, USER_READER } from '../support/gateway-rig.js';

const dir = mkdtempSync(join(tmpdir(), 'hcard-gw-apps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let rig: GatewayRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const get = (r: GatewayRig, path: string, client = 'all') =>
  fetch(`${r.url}${path}`, { headers: r.headers(client) });
const CARD = `/v1/readers/${READER_PATH}/card`;

/**
 * The log and the audit file as `hcard gateway` writes them (lines made in their batch, masked),
 * for `deps`; `written()` flushes both and gives what they hold.
 */
function capturedLogs(name: string) {
  const lines: string[] = [];
  const masker = new PersonalDataMasker();
  const logLines = new LineQueue(
    new Writable({
      write(chunk, _e, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  const auditFile = join(dir, `${name}-audit.jsonl`);
  const audit = new AuditLog(auditFile, { masker });
  return {
    deps: {
      loggerInstance: createLogger({ level: 'debug', masker, destination: logLines }),
      hooks: auditingHooks(audit, masker),
    },
    async written() {
      await logLines.flush();
      await audit.close();
      const audited = readFileSync(auditFile, 'utf8');
      return {
        log: lines.join(''),
        audit: audited,
        records: audited
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as Record<string, unknown>),
      };
    },
  };
}

describe('GET …/card/ssse and …/card/bank', () => {
  it('answers the social-security application, and its iReadCardBas string as text', async () => {
    rig = await startGatewayRig({ listen: true, seed: 'gw-ssse', chip: {} });
    const ssse = rig.chip!.built.ssse!;
    const res = await get(rig, `${CARD}/ssse`, 'basic');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      card: unknown;
      holder: unknown;
      iReadCardBas: string;
      cached: boolean;
    };
    expect(body.card).toEqual(ssse.card);
    expect(body.holder).toEqual({ readable: true, value: ssse.holder });
    expect(body.iReadCardBas.split('|')).toHaveLength(12);
    expect(body.iReadCardBas.split('|').slice(0, 5)).toEqual([
      ssse.card.regionCode,
      ssse.holder.socialSecurityNumber,
      ssse.card.cardNumber,
      ssse.card.cardIdCode,
      ssse.holder.name,
    ]);
    const text = await get(rig, `${CARD}/ssse?format=text`, 'basic');
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await text.text()).toBe(body.iReadCardBas);
    // Read once per card: the second answer came from the snapshot.
    expect(rig.service.cardReads).toBe(1);
    expect((await get(rig, `${CARD}/ssse`, 'settle')).status).toBe(403);
    expect((await fetch(`${rig.url}${CARD}/ssse`, { headers: { host: rig.headers().host! } })).status).toBe(
      401,
    );
  });

  it('a PSAM without the SSSE keys: the holder unreadable with its MOHRSS code, and as text an error with that code', async () => {
    rig = await startGatewayRig({
      listen: true,
      seed: 'gw-ssse-no-keys',
      chip: {},
      psam: { ssseKeys: null },
    });
    // -2203 is the code after which an integration falls back to the HSM (spec A.7).
    const mohrss = { code: -2203, text: mohrssErrorText(-2203) };
    const body = (await (await get(rig, `${CARD}/ssse`, 'basic')).json()) as Record<string, unknown>;
    expect(body.holder).toEqual({ readable: false, reason: 'psam-key-missing', mohrss });
    expect(body.card).toEqual(rig.chip!.built.ssse!.card);
    expect(body).not.toHaveProperty('iReadCardBas');
    const text = await get(rig, `${CARD}/ssse?format=text`, 'basic');
    expect(text.status).toBe(502);
    expect(((await text.json()) as { error: unknown }).error).toMatchObject({
      code: 'HCARD_E_SSSE_READ_FAILED',
      message: expect.stringContaining('psam-key-missing'),
      mohrss,
    });
    // ?fresh=true reads the card again; without it the snapshot answers.
    expect(rig.service.cardReads).toBe(1);
    const again = (await (await get(rig, `${CARD}/ssse?fresh=true`, 'basic')).json()) as { cached: boolean };
    expect([again.cached, rig.service.cardReads]).toEqual([false, 2]);
  });

  it('masks the social-security and bank holder names it served wherever they appear in a log line', async () => {
    const logs = capturedLogs('names');
    // Names the health application does not hold, so only these reads can teach them.
    const names = { ssse: '欧阳明', bank: '上官云' };
    rig = await startGatewayRig({
      listen: true,
      seed: 'gw-app-names',
      chip: { ssse: { name: names.ssse }, bank: { holderName: names.bank } },
      deps: logs.deps,
    });
    expect((await get(rig, `${CARD}/ssse`, 'basic')).status).toBe(200);
    expect((await get(rig, `${CARD}/bank`, 'basic')).status).toBe(200);
    // A client's mistake puts each name in a logged URL.
    for (const name of Object.values(names))
      expect((await get(rig, `${CARD}?sections=${encodeURIComponent(name)}`, 'basic')).status).toBe(400);
    const { log } = await logs.written();
    expect(log).toContain('sections=');
    for (const name of Object.values(names)) {
      expect(log, name).not.toContain(name);
      expect(log, name).not.toContain(encodeURIComponent(name));
    }
  });

  it('answers the bank application masked; no full number or track 2 in any answer, log line or the audit file', async () => {
    const logs = capturedLogs('bank');
    rig = await startGatewayRig({ listen: true, seed: 'gw-bank', chip: {}, deps: logs.deps });
    const bank = rig.chip!.built.image.bank!;
    const res = await get(rig, `${CARD}/bank`, 'basic');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text).bank).toMatchObject({
      maskedPan: `${bank.pan.slice(0, 6)}${'*'.repeat(bank.pan.length - 10)}${bank.pan.slice(-4)}`,
      holderName: rig.chip!.built.resident.items.name,
      holderIdMatches: true,
    });
    // A refused request and a card without the application leave error bodies and log lines too.
    const refused = await (await get(rig, `${CARD}/bank`, 'settle')).text();
    const { log, audit } = await logs.written();
    expect(audit).toContain('"sections":["bank"]');
    const everything = [text, refused, audit, log].join('\n');
    expect(log).toContain('/bank');
    expect(everything).not.toContain(bank.pan);
    expect(everything.toUpperCase()).not.toContain(toHex(track2Of(bank)));
  });

  it('reads the card once for requests that arrive together, and again after it is reinserted', async () => {
    rig = await startGatewayRig({ listen: true, seed: 'gw-coalesce', chip: {} });
    const r = rig;
    const answers = await Promise.all([
      get(r, `${CARD}/ssse`, 'basic'),
      get(r, `${CARD}/bank`, 'basic'),
      get(r, `/v1/readers/${READER_PATH}/identity`, 'basic'),
      get(r, `${CARD}/insurance`, 'settle'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(r.service.cardReads).toBe(1);
    // Two reads asked for in the same turn share one card read.
    const [first, second] = await Promise.all([
      r.service.readApplications(USER_READER, { fresh: true }),
      r.service.readApplications(USER_READER, { fresh: true }),
    ]);
    expect(second).toBe(first);
    expect(r.service.cardReads).toBe(2);
    r.driver.remove(USER_READER);
    r.driver.insert(USER_READER, r.chip!.card);
    for (let i = 0; i < 50 && (await get(r, `${CARD}/ssse`, 'basic')).status !== 200; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(r.service.cardReads).toBe(3);
  });

  it('…/identity with no card: not_possible, CARD_NOT_READ, and no insertion named', async () => {
    rig = await startGatewayRig({ listen: true, seed: 'gw-identity-no-card', chip: {} });
    rig.driver.remove(USER_READER);
    const res = await get(rig, `/v1/readers/${READER_PATH}/identity`, 'basic');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown> & { checks: { reason: string }[] };
    expect(body.verdict).toBe('not_possible');
    expect(body.checks[0]).toMatchObject({ reason: 'CARD_NOT_READ' });
    expect(body).not.toHaveProperty('counter');
    expect(body).not.toHaveProperty('cached');
  });

  it('…/identity of a reader that does not exist: the error, not a verdict', async () => {
    rig = await startGatewayRig({ listen: true, seed: 'gw-identity-no-reader', chip: {} });
    const res = await get(rig, `/v1/readers/${encodeURIComponent('No Such Reader')}/identity`, 'basic');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('HCARD_E_READER_NOT_FOUND');
  });

  it('says which application a card lacks: HCARD_E_APPLICATION_ABSENT (404)', async () => {
    rig = await startGatewayRig({ listen: true, seed: 'gw-bank-only', chip: { apps: ['bank'] } });
    const res = await get(rig, `${CARD}/ssse`, 'basic');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('HCARD_E_APPLICATION_ABSENT');
    expect((await get(rig, `${CARD}/bank`, 'basic')).status).toBe(200);
  });
});

describe('GET …/card/insurance with the social-security application', () => {
  it('builds 1101 from the SSSE data: 03, 卡号, 卡识别码', async () => {
    rig = await startGatewayRig({ listen: true, seed: 'gw-1101', chip: {} });
    const ssse = rig.chip!.built.ssse!;
    const items = rig.chip!.built.health!.items;
    const res = await get(rig, `${CARD}/insurance`, 'settle');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      reader: USER_READER,
      counter: rig.service.counter(USER_READER),
      cached: false,
      source: 'ssse',
      lookup: {
        mdtrt_cert_type: '03',
        mdtrt_cert_no: ssse.card.cardNumber,
        card_sn: ssse.card.cardIdCode,
        psn_cert_type: '01',
        certno: ssse.holder.socialSecurityNumber,
        psn_name: ssse.holder.name,
      },
      ruralInsuranceNumber: items.ruralInsuranceNumber,
      paymentSchemes: [items.paymentScheme1, items.paymentScheme2, items.paymentScheme3].filter(Boolean),
      region: items.cityCode,
    });
  });
});

describe('GET /v1/idcard and …/identity, with the ID-card reader on a pty', () => {
  let pair: PtyPair;
  let served: ServedIdCardReader;
  const device = new EmulatedIdCardReader();

  beforeAll(async () => {
    pair = await startPtyPair();
    served = serveIdCardReader(device, pair.b);
  });
  afterAll(async () => {
    await served?.close();
    await pair?.stop();
  });
  afterEach(() => device.remove());

  /** The gateway with the chip of `seed`, the test root trusted, a hotlist, and the ID-card reader on the pty (or `port`). */
  async function start(
    seed: string,
    options: { hotlisted?: string; chip?: BuildChipOptions; port?: string } = {},
  ) {
    const hotlistFile = join(dir, `${seed}-hotlist.json`);
    if (options.hotlisted) addToHotlist(hotlistFile, [{ cardNumber: options.hotlisted, reason: 'stolen' }]);
    rig = await startGatewayRig({
      listen: true,
      seed,
      chip: options.chip ?? {},
      idCardPort: options.port ?? pair.a,
      config: { identity: { trustedRoot: toHex(testPublicKey('root')) } },
      deps: { hotlist: new Hotlist(hotlistFile) },
    });
    return rig;
  }

  const waitForPlacement = async (r: GatewayRig, after: number) => {
    for (let i = 0; i < 100; i++) {
      const placed = r.service.events.history.filter((e) => e.type === 'idcard-placed' && e.counter > after);
      if (placed.length > 0) return placed.at(-1)!;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('no idcard-placed event');
  };

  it('reads the ID card placed on the reader once, publishes idcard-placed, and serves it', async () => {
    const r = await start('gw-idcard');
    // GET /v1/readers carries the ID-card reader's counter: what a client without events polls.
    const idCardOfReaders = async () =>
      ((await (await get(r, '/v1/readers', 'basic')).json()) as { idCard?: unknown }).idCard;
    expect(await idCardOfReaders()).toEqual({ port: pair.a, counter: 0 });
    device.insert(generateIdCard('gw-idcard'));
    const event = await waitForPlacement(r, 0);
    expect(event).toMatchObject({ reader: pair.a, counter: 1, id: `${pair.a}#1` });
    expect(await idCardOfReaders()).toEqual({ port: pair.a, counter: 1 });
    const res = await get(r, '/v1/idcard', 'basic');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      cached: boolean;
      card: Record<string, unknown>;
      photo: { decoded: boolean };
    };
    expect(body.cached).toBe(true);
    expect(body.card).toMatchObject({
      type: 'resident',
      name: r.built.resident.items.name,
      idNumber: r.built.resident.items.idNumber,
    });
    expect(body.photo.decoded).toBe(false);
    expect((await get(r, '/v1/idcard', 'settle')).status).toBe(403);
    // ?fresh=true reads the reader again, and its SAM reads a placement only once.
    const fresh = await get(r, '/v1/idcard?fresh=true', 'basic');
    expect([fresh.status, ((await fresh.json()) as { error: { code: string } }).error.code]).toEqual([
      409,
      'HCARD_E_NO_CARD',
    ]);
    expect(r.idCards!.snapshot()?.counter).toBe(1);
    // The visit ends when the health card leaves: the ID card read for it is forgotten (the SAM
    // will not read the same placement again, so there is no card to give).
    r.driver.remove(USER_READER);
    for (let i = 0; i < 50 && r.idCards!.snapshot(); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(r.idCards!.snapshot()).toBeUndefined();
    const gone = await get(r, '/v1/idcard', 'basic');
    const goneBody = (await gone.json()) as { error: { code: string } };
    expect([gone.status, goneBody.error.code]).toEqual([409, 'HCARD_E_NO_CARD']);
  });

  it('gives the verdict with its reasons: pass for the holder, fail for another ID card', async () => {
    const r = await start('gw-identity');
    device.insert(generateIdCard('gw-identity'));
    await waitForPlacement(r, 0);
    const pass = (await (await get(r, `/v1/readers/${READER_PATH}/identity`, 'basic')).json()) as {
      verdict: string;
      checks: { check: string; reason: string }[];
      counter?: number;
      cached?: boolean;
      idCard?: unknown;
    };
    // The insertion the verdict belongs to, as an encounter write names it, and the ID card's placement.
    expect([pass.counter, pass.cached]).toEqual([r.service.counter(USER_READER), false]);
    expect(pass.idCard).toEqual({ port: pair.a, counter: 1 });
    const reasons = Object.fromEntries(pass.checks.map((c) => [c.check, c.reason]));
    expect(reasons).toEqual({
      card_authentication: 'PSAM_AUTH_OK',
      issuer_certificate: 'CERT_VERIFIED',
      security_code: 'CVN_NO_KEY',
      card_not_expired: 'CARD_VALID',
      id_number_valid: 'ID_VALID',
      not_hotlisted: 'NOT_HOTLISTED',
      applications_agree: 'APPLICATIONS_AGREE',
      id_card_matches: 'ID_CARD_MATCHES',
    });
    expect(pass.verdict).toBe('pass');

    device.insert(generateIdCard('someone-else'));
    await waitForPlacement(r, 1);
    const other = (await (await get(r, `/v1/readers/${READER_PATH}/identity`, 'basic')).json()) as {
      verdict: string;
      checks: { check: string; reason: string }[];
      counter?: number;
      cached?: boolean;
    };
    expect([other.counter, other.cached]).toEqual([pass.counter, true]);
    expect(other.verdict).toBe('fail');
    expect(other.checks.at(-1)).toMatchObject({ reason: 'ID_CARD_MISMATCH' });
  });

  it('fails a hotlisted card and one whose applications disagree', async () => {
    const seed = 'gw-hot';
    const cardNumber = generateChip(seed).health!.items.cardNumber!;
    const listed = await start(seed, { hotlisted: cardNumber });
    const verdict = (await (
      await get(listed, `/v1/readers/${READER_PATH}/identity?idcard=false`, 'basic')
    ).json()) as {
      verdict: string;
      checks: { check: string; reason: string; detail?: string }[];
    };
    expect(verdict.checks.find((c) => c.check === 'not_hotlisted')).toMatchObject({
      reason: 'HOTLISTED',
      detail: 'stolen',
    });
    expect(verdict.checks.at(-1)?.reason).toBe('NO_ID_CARD');
    expect(verdict.verdict).toBe('fail');
    await listed.close();
    const disagree = await start('gw-disagree', { chip: { ssse: { name: '欧阳明' } } });
    const d = (await (
      await get(disagree, `/v1/readers/${READER_PATH}/identity?idcard=false`, 'basic')
    ).json()) as {
      verdict: string;
      checks: { check: string; reason: string; detail?: string }[];
    };
    expect(d.checks.find((c) => c.check === 'not_hotlisted')?.reason).toBe('NOT_HOTLISTED');
    expect(d.checks.find((c) => c.check === 'applications_agree')).toMatchObject({
      reason: 'APPLICATIONS_DISAGREE',
      detail: 'name: health ≠ ssse',
    });
    expect(d.verdict).toBe('fail');
  });

  it('forgets the card read after keepMs', async () => {
    rig = await startGatewayRig({
      listen: true,
      seed: 'gw-idcard-keep',
      idCardPort: pair.a,
      idCard: { keepMs: 300 },
    });
    const r = rig;
    device.insert(generateIdCard('gw-idcard-keep'));
    await waitForPlacement(r, 0);
    expect((await get(r, '/v1/idcard', 'basic')).status).toBe(200);
    for (let i = 0; i < 50 && r.idCards!.snapshot(); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(r.idCards!.snapshot()).toBeUndefined();
    const gone = await get(r, '/v1/idcard', 'basic');
    expect([gone.status, ((await gone.json()) as { error: { code: string } }).error.code]).toEqual([
      409,
      'HCARD_E_NO_CARD',
    ]);
  });

  it("masks the ID card's name in log lines, and audits its read by port", async () => {
    const logs = capturedLogs('idcard');
    rig = await startGatewayRig({ listen: true, seed: 'gw-idcard-log', idCardPort: pair.a, deps: logs.deps });
    // Someone else's ID card: a name the health card does not hold.
    const idCard = generateIdCard('someone-else-entirely');
    const name = idCard.fields.name!;
    expect(name).not.toBe(rig.built.items.name);
    device.insert(idCard);
    await waitForPlacement(rig, 0);
    expect((await get(rig, '/v1/idcard', 'basic')).status).toBe(200);
    expect((await get(rig, `${CARD}?sections=${encodeURIComponent(name)}`, 'basic')).status).toBe(400);
    const { log, records } = await logs.written();
    expect(log).toContain('sections=');
    expect(log).not.toContain(name);
    expect(log).not.toContain(encodeURIComponent(name));
    expect(records).toContainEqual(
      expect.objectContaining({ action: 'read', reader: pair.a, sections: ['idcard'], outcome: 'ok' }),
    );
  });

  it('GET /v1/readers says when the ID-card reader does not answer, and stops saying so once it does', async () => {
    const silent = await startPtyPair();
    let answering: ServedIdCardReader | undefined;
    try {
      rig = await startGatewayRig({ listen: true, seed: 'gw-idcard-silent', idCardPort: silent.a });
      const r = rig;
      const idCardUntil = async (done: (idCard: { problem?: string }) => boolean) => {
        for (let i = 0; i < 100; i++) {
          const { idCard } = (await (await get(r, '/v1/readers', 'basic')).json()) as {
            idCard: { port: string; counter: number; problem?: string };
          };
          if (done(idCard)) return idCard;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error('the reader list never changed');
      };
      // Nothing on the other end of the pty: each poll's find-card times out.
      expect(await idCardUntil((c) => c.problem !== undefined)).toEqual({
        port: silent.a,
        counter: 0,
        problem: 'HCARD_E_IDCARD_TIMEOUT',
      });
      answering = serveIdCardReader(new EmulatedIdCardReader(), silent.b);
      expect(await idCardUntil((c) => c.problem === undefined)).toEqual({ port: silent.a, counter: 0 });
    } finally {
      await rig?.close();
      rig = undefined;
      await answering?.close();
      await silent.stop();
    }
  });

  it('opens the port again when the ID-card reader was unplugged and comes back at the same path', async () => {
    const links = mkdtempSync(join(tmpdir(), 'hcard-gw-replug-'));
    const linkA = join(links, 'ttyA');
    const linkB = join(links, 'ttyB');
    const reader = new EmulatedIdCardReader();
    let replug = await startPtyPair({ linkA, linkB });
    let answering = serveIdCardReader(reader, replug.b);
    try {
      rig = await start('gw-idcard-replug', { port: linkA });
      const r = rig;
      reader.insert(generateIdCard('gw-idcard-replug'));
      await waitForPlacement(r, 0);
      // Unplugged: the port is gone, and the reader list says so.
      await answering.close();
      await replug.stop();
      for (let i = 0; i < 100 && !r.idCards!.lastProblem; i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(r.idCards!.lastProblem).toMatch(/^HCARD_E_IDCARD_(PORT_FAILED|TIMEOUT)$/);
      // Plugged back in at the same path: the next placement is read through a new port.
      replug = await startPtyPair({ linkA, linkB });
      answering = serveIdCardReader(reader, replug.b);
      reader.insert(generateIdCard('gw-idcard-replug'));
      expect(await waitForPlacement(r, 1)).toMatchObject({ counter: 2 });
    } finally {
      await rig?.close();
      rig = undefined;
      await answering.close();
      await replug.stop();
      rmSync(links, { recursive: true, force: true });
    }
  });

  it('says when no ID-card reader is configured', async () => {
    rig = await startGatewayRig({ listen: true, seed: 'gw-no-idcard' });
    const res = await get(rig, '/v1/idcard', 'basic');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'HCARD_E_IDCARD_NOT_CONFIGURED',
    );
  });
});
