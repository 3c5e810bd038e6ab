/**
 * The gateway's log and audit trail, captured while clients read and write a card over real
 * sockets: no ID number, name, phone or card number appears unmasked in any log line (request
 * lines, errors, URLs that carry them), no token or PIN at all, and the audit log has one line
 * per card operation with the card number masked.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { AuditLog, auditingHooks, createLogger, LineQueue, PersonalDataMasker } from '@hcard/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayRig, startGatewayRig, tokenOf } from '../support/gateway-rig.js';

describe('what the gateway logs', () => {
  const lines: string[] = [];
  const auditFile = join(mkdtempSync(join(tmpdir(), 'hcard-audit-')), 'audit.jsonl');
  let rig: GatewayRig;
  let audit: AuditLog;
  let logLines: LineQueue;

  beforeAll(async () => {
    const masker = new PersonalDataMasker();
    audit = new AuditLog(auditFile, { masker });
    // Through a LineQueue, as `hcard gateway` writes its log: lines are made after the request.
    logLines = new LineQueue(
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(...String(chunk).split('\n').filter(Boolean));
          done();
        },
      }),
    );
    rig = await startGatewayRig({
      listen: true,
      seed: 'log-capture',
      deps: {
        loggerInstance: createLogger({ level: 'debug', masker, destination: logLines }),
        hooks: auditingHooks(audit, masker),
      },
    });
  });
  afterAll(() => rig.close());

  const get = (path: string, client = 'all') =>
    fetch(`${rig.url}${path}`, { headers: rig.headers(client) }).then(async (r) => ({
      status: r.status,
      body: await r.text(),
    }));

  it('masks every ID number, name, phone and card number, and never writes a token or PIN', async () => {
    const items = rig.built.items;
    const reader = encodeURIComponent('Emu 00 00');
    expect((await get(`/v1/readers/${reader}/card?sections=holder,insurance,address,issuer`)).status).toBe(
      200,
    );
    expect((await get(`/v1/readers/${reader}/card/insurance`)).status).toBe(200);
    expect((await get(`/v1/compat/iR_DDF1EF06Info?reader=${reader}`)).status).toBe(200);
    const posted = await fetch(`${rig.url}/v1/readers/${reader}/card/encounters`, {
      method: 'POST',
      headers: { ...rig.headers(), 'content-type': 'application/json', 'idempotency-key': 'log-capture-1' },
      body: JSON.stringify({ kind: 'outpatient', items: { visitHospitalName: '示例市人民医院' } }),
    });
    expect(posted.status).toBe(200);
    // Personal data in places a careless client puts it: the path, the query, a refused request.
    expect((await get(`/v1/readers/${items.idNumber}/card`)).status).toBe(404);
    expect((await get(`/v1/readers/${reader}/card?sections=${encodeURIComponent(items.name!)}`)).status).toBe(
      400,
    );
    expect((await get(`/v1/readers/${reader}/card?sections=holder&phone=${items.phone1}`)).status).toBe(200);
    expect((await get(`/v1/readers/${reader}/card?sections=clinical`, 'basic')).status).toBe(403);
    await audit.flush();
    await logLines.flush();

    expect(lines.length).toBeGreaterThan(10);
    const log = lines.join('\n');
    const secrets = [
      items.idNumber,
      items.cardNumber,
      items.name,
      items.phone1,
      items.phone2,
      items.contact1Name,
      items.contact1Phone,
      items.ruralInsuranceNumber,
      tokenOf('all'),
      tokenOf('basic'),
      '123456', // the test PSAM's PIN
    ].filter((s): s is string => Boolean(s));
    for (const secret of secrets) {
      expect(log, secret).not.toContain(secret);
      expect(log, secret).not.toContain(encodeURIComponent(secret));
    }
    // Lines about those requests are there, masked.
    expect(log).toContain(`${items.idNumber!.slice(0, 4)}`);
    expect(lines.some((l) => JSON.parse(l).req?.url?.includes('/v1/readers/'))).toBe(true);

    const auditLines = readFileSync(auditFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(auditLines.map((a) => a.action)).toEqual(
      expect.arrayContaining(['read', 'settle', 'compat', 'write']),
    );
    const read = auditLines.find((a) => a.action === 'read' && a.outcome === 'ok');
    expect(read).toMatchObject({
      client: 'all',
      reader: 'Emu 00 00',
      sections: ['holder', 'insurance', 'address', 'issuer'],
    });
    expect(read.card).toMatch(/^\d{4}\*+\d{3}[\dX]$/);
    // A card operation that failed is audited too, with its catalogue code as the outcome.
    expect(auditLines.find((a) => a.outcome !== 'ok')).toMatchObject({
      client: 'all',
      action: 'read',
      outcome: 'HCARD_E_READER_NOT_FOUND',
    });
    for (const secret of secrets) expect(JSON.stringify(auditLines), secret).not.toContain(secret);
  });

  it('writes one line per request, when it ends: URL, status and time', async () => {
    const before = lines.length;
    const reader = encodeURIComponent('Emu 00 00');
    expect((await get(`/v1/readers/${reader}/card?sections=holder`)).status).toBe(200);
    expect((await get(`/v1/readers/${reader}/card?sections=clinical`, 'basic')).status).toBe(403);
    await logLines.flush();
    const written = lines.slice(before).map((l) => JSON.parse(l));
    const requestLines = written.filter((l) => l.req);
    expect(requestLines.map((l) => [l.msg, l.req.url, l.res.statusCode])).toEqual([
      ['request completed', `/v1/readers/${reader}/card?sections=holder`, 200],
      ['request completed', `/v1/readers/${reader}/card?sections=clinical`, 403],
    ]);
    for (const l of requestLines) {
      expect(l.responseTime).toBeGreaterThan(0);
      expect(l.time).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(new Set(written.filter((w) => w.reqId === l.reqId).map((w) => w.msg))).not.toContain(
        'incoming request',
      );
    }
  });
});

describe('what the gateway logs when the card was read ahead, before any request', () => {
  it('masks the names of a card first served from the read-ahead snapshot', async () => {
    const lines: string[] = [];
    const masker = new PersonalDataMasker();
    // Through a LineQueue, as `hcard gateway` writes its log: lines are made after the request.
    const logLines = new LineQueue(
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(...String(chunk).split('\n').filter(Boolean));
          done();
        },
      }),
    );
    const rig = await startGatewayRig({
      listen: true,
      seed: 'log-read-ahead',
      readAhead: { sections: ['basic', 'extended'] },
      deps: {
        loggerInstance: createLogger({ level: 'debug', masker, destination: logLines }),
        hooks: auditingHooks(
          new AuditLog(join(mkdtempSync(join(tmpdir(), 'hcard-audit-')), 'a.jsonl'), { masker }),
          masker,
        ),
      },
    });
    try {
      const name = rig.built.items.name!;
      // The read-ahead's read: no request, so nothing told the masker yet.
      await rig.service.readCard('Emu 00 00', ['basic', 'extended']);
      const reader = encodeURIComponent('Emu 00 00');
      const headers = rig.headers();
      const served = await fetch(`${rig.url}/v1/readers/${reader}/card?sections=holder`, { headers });
      expect(((await served.json()) as { cached: boolean }).cached).toBe(true);
      const refused = await fetch(
        `${rig.url}/v1/readers/${reader}/card?sections=${encodeURIComponent(name)}`,
        { headers },
      );
      expect(refused.status).toBe(400);
      await logLines.flush();
      const log = lines.join('\n');
      expect(log).toContain('sections=');
      expect(log, name).not.toContain(name);
      expect(log, name).not.toContain(encodeURIComponent(name));
    } finally {
      await rig.close();
    }
  });
});
