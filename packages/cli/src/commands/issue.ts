/**
 * `hcard issue …`: batch issuance at a printing station. prepare (enrolment file → journal),
 * encode (blank cards → personalised, verified, printed), status, report, face.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { hcardError } from '@hcard/card-core';
import {
  buildPsamImage,
  EmulatedPsam,
  TEST_KEY_STORE,
  TEST_PSAM_PIN,
  testCertificate,
} from '@hcard/emulator';
import {
  DEFAULT_STORE_URL,
  EmulatedPrinter,
  encodeBatch,
  type IssuanceConfig,
  issuanceSettings,
  openJournal,
  parseIssuanceConfig,
  photoSource,
  prepareBatch,
  preparedCard,
  renderFace,
  TEST_ISSUER_CONFIG,
  vpcdPortOf,
  writeReport,
} from '@hcard/issuance';
import { connectPsam } from '@hcard/reader-driver';
import { openPcscDriver } from '../card/pcsc.js';
import { defaultConfigFile, resolvePsamPin } from '../config/psam-pin.js';
import { defineCommand } from '../shared/command.js';
import { toJson } from '../shared/json.js';
import { progress } from '../shared/progress.js';
import { stopSignal } from '../shared/stop-signal.js';

const STORE_OPTION = {
  type: 'string',
  value: 'url',
  description: 'journal: sqlite:FILE or postgres://… (several stations share one PostgreSQL)',
  default: DEFAULT_STORE_URL,
} as const;

const BATCH_OPTION = { type: 'string', value: 'name', description: 'batch name' } as const;

function required(value: string | undefined, flag: string, command: string): string {
  if (value === undefined || value === '')
    throw hcardError('HCARD_E_ARG_INVALID', `${flag} is required (see hcard ${command} --help)`);
  return value;
}

function loadIssuerConfig(file: string | undefined): { config: IssuanceConfig; test: boolean } {
  if (file === undefined) return { config: TEST_ISSUER_CONFIG, test: true };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw hcardError(
      'HCARD_E_ARG_INVALID',
      `cannot read --issuer ${file} (${(e as NodeJS.ErrnoException).code})`,
    );
  }
  return { config: parseIssuanceConfig(text, file), test: false };
}

export const issuePrepareCommand = defineCommand({
  name: 'issue prepare',
  summary: 'validate, allocate and encode an enrolment file into a batch',
  description: `
Reads an enrolment file (CSV in UTF-8 or GBK/GB18030, XLSX or JSONL) with the enrolment sheet's
columns 姓名, 性别, 民族, 出生日期, 身份证号, 联系电话, 住址, 新农合号, 乡镇, 村 (a mapping file renames
others), validates every row, allocates card data (card number = ID number, dates, security
code) and encodes each card's records once, into the batch's journal. Rows that fail get one
reason code each (see README, "Reject reasons"). Streams the file: memory does not grow with the
batch. Interrupted (even by kill -9), the same command carries on where it stopped.

Photos come from --photos DIR as <ID number>.jpg, normalised to the card's 3072 bytes; without
--photos the cards have no photo. The issuer (name, code, city, validity) comes from --issuer
FILE (JSON); without it a synthetic test issuer with the documented test keys is used.`,
  options: {
    input: { type: 'string', value: 'file', description: 'enrolment file (.csv, .xlsx, .jsonl)' },
    batch: BATCH_OPTION,
    encoding: {
      type: 'string',
      value: 'auto|utf-8|gbk',
      description: 'text encoding of a CSV file',
      default: 'auto',
    },
    mapping: { type: 'string', value: 'file', description: 'JSON column mapping {"columns":{"name":"…"}}' },
    photos: { type: 'string', value: 'dir', description: 'folder of <ID number>.jpg photos' },
    store: STORE_OPTION,
    issuer: {
      type: 'string',
      value: 'file',
      description: 'issuer settings (JSON; default: the test issuer)',
    },
    json: { type: 'boolean', description: 'print the result as JSON' },
  },
  examples: [
    'hcard issue prepare --input 2026-village-a.csv --batch village-a',
    'hcard issue prepare --input enrol.xlsx --batch b7 --photos ./photos --store postgres://station@db/hcard',
  ],
  run: async (options, io) => {
    const input = required(options.input, '--input', 'issue prepare');
    const batch = required(options.batch, '--batch', 'issue prepare');
    const encoding = options.encoding;
    if (encoding !== 'auto' && encoding !== 'utf-8' && encoding !== 'gbk')
      throw hcardError('HCARD_E_ARG_INVALID', `--encoding must be auto, utf-8 or gbk (got "${encoding}")`);
    const issuer = loadIssuerConfig(options.issuer);
    if (issuer.test)
      io.err('hcard: no --issuer file: using the synthetic test issuer and the documented test keys');
    const settings = issuanceSettings(issuer.config, testCertificate('issuer'));
    const journal = await openJournal(options.store);
    const bar = progress({ label: `prepare ${batch}`, unit: 'rows' });
    try {
      const result = await prepareBatch({
        input,
        batch,
        journal,
        settings,
        securityCodes: (cards) => TEST_KEY_STORE.securityCodes(cards),
        encoding,
        ...(options.mapping ? { mapping: options.mapping } : {}),
        ...(options.photos ? { photos: photoSource(options.photos) } : {}),
        onProgress: (p) =>
          bar.update({
            done: p.rows,
            ...(p.fraction === undefined ? {} : { fraction: p.fraction }),
            note: `${p.rejected.toLocaleString('en-US')} rejected`,
          }),
      });
      const done = result.prepared + result.rejected === 0 && result.resumedAfter > 0;
      const summary = options.json
        ? toJson(result)
        : done
          ? `batch ${batch} was already prepared (through row ${result.resumedAfter}); nothing to do`
          : `prepared batch ${batch}: ${result.prepared} prepared, ${result.rejected} rejected this run` +
            `${result.resumedAfter > 0 ? ` (resumed after row ${result.resumedAfter})` : ''}` +
            `${result.encoding ? `; input ${result.encoding}` : ''}`;
      bar.finish(summary);
      return 0;
    } finally {
      await journal.close();
    }
  },
});

export const issueStatusCommand = defineCommand({
  name: 'issue status',
  summary: 'counts of a batch per state and per reject reason',
  description: `
Prints how many rows of the batch are in each state (pending, prepared, encoding, issued,
spoiled, rejected) and how many were rejected or spoiled for each reason.`,
  options: {
    batch: BATCH_OPTION,
    store: STORE_OPTION,
    json: {
      type: 'boolean',
      description: 'print { batch, rows, states: {…}, reasons: { CODE: count } }',
    },
  },
  examples: ['hcard issue status --batch village-a', 'hcard issue status --batch village-a --json'],
  run: async (options, io) => {
    const batch = required(options.batch, '--batch', 'issue status');
    const journal = await openJournal(options.store);
    try {
      if (!(await journal.getBatch(batch))) throw hcardError('HCARD_E_ISSUE_BATCH_UNKNOWN', batch);
      const status = await journal.status(batch);
      if (options.json) io.out(toJson(status));
      else {
        io.out(`batch ${status.batch}: ${status.rows} rows`);
        for (const [state, n] of Object.entries(status.states)) io.out(`  ${state.padEnd(9)} ${n}`);
        const reasons = Object.entries(status.reasons).sort(([a], [b]) => a.localeCompare(b));
        if (reasons.length > 0) io.out('reasons:');
        for (const [reason, n] of reasons) io.out(`  ${reason.padEnd(19)} ${n}`);
      }
      return 0;
    } finally {
      await journal.close();
    }
  },
});

export const issueEncodeCommand = defineCommand({
  name: 'issue encode',
  summary: 'personalise, verify and print the prepared cards of a batch',
  description: `
Runs one worker per encoder (a PC/SC reader in a card printer), each bound to its printer:
feed a blank card, personalise it (reference COS: transport key, card keys, data, end of
personalisation), read every written file back through the health-card session and compare,
print the face, mark it issued and eject it. A card that fails is spoiled with its reason and
ejected to the reject bin; the worker goes on with the next card. Several stations may encode
one batch at once through a shared PostgreSQL journal. Interrupted (even by kill -9), the same
command carries on: jobs the station left half-done go back to the queue.

Read-back authenticates through the PSAM in --psam READER (PIN from HCARD_PSAM_PIN or the
gateway config), else through the key store behind a software PSAM.

--printer emulated (the only adapter so far) feeds factory-state emulated cards into the
encoder's vpcd slot and ejects finished cards into --hopper DIR as card images with their face
PNG ("hcard emulate --card DIR/<chip>.json" serves one again); spoiled ones go to DIR/rejects.`,
  options: {
    batch: BATCH_OPTION,
    encoder: {
      type: 'string',
      value: 'reader',
      multiple: true,
      description: 'PC/SC reader of an encoder; repeat for several',
    },
    printer: { type: 'string', value: 'kind', description: 'printer adapter', default: 'emulated' },
    hopper: {
      type: 'string',
      value: 'dir',
      description: 'output hopper of the emulated printer',
      default: './hopper',
    },
    blanks: {
      type: 'string',
      value: 'n',
      description: 'blank cards per emulated printer (default: no limit)',
    },
    psam: { type: 'string', value: 'reader', description: 'PSAM reader for read-back (default: key store)' },
    config: {
      type: 'string',
      value: 'file',
      description: 'gateway config holding psamPin (with --psam)',
      default: defaultConfigFile(),
    },
    store: STORE_OPTION,
    limit: { type: 'string', value: 'n', description: 'stop after this many cards' },
    'retry-spoiled': { type: 'boolean', description: 'put spoiled rows back in the queue first' },
    json: { type: 'boolean', description: 'print the result as JSON' },
  },
  examples: [
    'hcard issue encode --batch village-a --encoder "Virtual PCD 00 00" --printer emulated --hopper ./out',
    'hcard issue encode --batch b7 --encoder "Virtual PCD 00 00" --encoder "Virtual PCD 00 01" --store postgres://station@db/hcard',
  ],
  run: async (options, io) => {
    const batch = required(options.batch, '--batch', 'issue encode');
    if (options.encoder.length === 0)
      throw hcardError('HCARD_E_ARG_INVALID', '--encoder is required (see hcard issue encode --help)');
    if (options.printer !== 'emulated')
      throw hcardError('HCARD_E_ARG_INVALID', `--printer ${options.printer}: the only adapter is "emulated"`);
    const limit = optionalCount(options.limit, '--limit');
    const blanks = optionalCount(options.blanks, '--blanks');
    const psamPin = options.psam === undefined ? TEST_PSAM_PIN : resolvePsamPin(options.config);
    const journal = await openJournal(options.store);
    const driver = openPcscDriver();
    const stations = options.encoder.map((encoder) => ({
      printer: new EmulatedPrinter({
        encoder,
        port: vpcdPortOf(encoder),
        hopper: options.hopper,
        ...(blanks === undefined ? {} : { blanks }),
      }),
    }));
    const stop = stopSignal();
    const abort = new AbortController();
    void stop.stopped.then(() => abort.abort());
    const bar = progress({ label: `encode ${batch}`, unit: 'cards' });
    try {
      if (!(await journal.getBatch(batch))) throw hcardError('HCARD_E_ISSUE_BATCH_UNKNOWN', batch);
      if (options['retry-spoiled'])
        io.err(`hcard: ${await journal.retrySpoiled(batch)} spoiled rows back in the queue`);
      const total = (await journal.status(batch)).states.prepared;
      let done = 0;
      let spoiled = 0;
      const result = await encodeBatch({
        batch,
        journal,
        keyStore: TEST_KEY_STORE,
        driver,
        stations,
        psam: async () =>
          options.psam === undefined
            ? { channel: softwarePsam(), pin: psamPin }
            : { channel: await connectPsam(driver, options.psam), pin: psamPin },
        face: (values, photo) => renderFace(faceData(values, photo), 'png'),
        ...(limit === undefined ? {} : { limit }),
        signal: abort.signal,
        onCard: (event) => {
          done++;
          if (event.type === 'spoiled') {
            spoiled++;
            io.err(`hcard: row ${event.rowNumber} spoiled (${event.reason}): ${event.detail}`);
          }
          bar.update({ done, total: Math.min(total, limit ?? total), note: `${spoiled} spoiled` });
        },
      });
      bar.finish(
        options.json
          ? toJson(result)
          : `encoded batch ${batch}: ${result.issued} issued, ${result.spoiled} spoiled` +
              `${result.released > 0 ? `, ${result.released} interrupted jobs requeued` : ''}` +
              `${result.stoppedBy ? ` (stopped: ${result.stoppedBy})` : ''}`,
      );
      return 0;
    } finally {
      stop.dispose();
      await Promise.all(stations.map((s) => s.printer.close()));
      await driver.close();
      await journal.close();
    }
  },
});

function optionalCount(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw hcardError('HCARD_E_ARG_INVALID', `${flag} must be a whole number ≥ 1 (got "${value}")`);
  return Number(value);
}

/** The key store behind the PSAM interface: a software PSAM holding the store's masters. */
const softwarePsam = () => new EmulatedPsam(buildPsamImage({ keyStore: TEST_KEY_STORE }));

/** Face data from a card's item values. */
const faceData = (values: Readonly<Record<string, string>>, photo: Uint8Array | undefined) => ({
  name: values.name ?? '',
  sex: values.sex ?? '',
  cardNumber: values.cardNumber ?? '',
  issuerName: values.issuerName ?? '',
  validFrom: values.issueDate ?? '',
  validTo: values.expiryDate ?? '',
  ...(photo ? { photo } : {}),
});

export const issueReportCommand = defineCommand({
  name: 'issue report',
  summary: 'write the batch summary, reject, issued and distribution lists',
  description: `
Writes into --out DIR: summary.json (the status counts), rejects.csv (row, reason code,
message, masked ID), spoiled.csv, issued.csv for the card-management platform (card number,
chip serial, ATR, issue date) and the distribution lists per township and village for handing
cards out (distribution.csv and distribution.html, one village per printed page).`,
  options: {
    batch: BATCH_OPTION,
    out: { type: 'string', value: 'dir', description: 'folder to write the files into' },
    store: STORE_OPTION,
  },
  examples: ['hcard issue report --batch village-a --out ./reports/village-a'],
  run: async (options, io) => {
    const batch = required(options.batch, '--batch', 'issue report');
    const out = required(options.out, '--out', 'issue report');
    const journal = await openJournal(options.store);
    try {
      const report = await writeReport(journal, batch, out);
      io.out(`wrote ${report.files.join(', ')} to ${report.dir}`);
      return 0;
    } finally {
      await journal.close();
    }
  },
});

export const issueFaceCommand = defineCommand({
  name: 'issue face',
  summary: 'render the card front of one person of a batch (PNG or SVG)',
  description: `
Renders the front of the card of the row with this ID number: photo, name, sex, card number,
issuer and validity, for a CR80 card at 300 dpi (1011 × 638 px), with the WenQuanYi Micro Hei
CJK font. PNG or SVG by the --out file's extension.`,
  options: {
    batch: BATCH_OPTION,
    id: { type: 'string', value: 'id-number', description: 'ID number of the row' },
    out: { type: 'string', value: 'file.png|file.svg', description: 'where to write the face' },
    store: STORE_OPTION,
  },
  examples: ['hcard issue face --batch village-a --id 11010519491231002X --out face.png'],
  run: async (options, io) => {
    const batch = required(options.batch, '--batch', 'issue face');
    const id = required(options.id, '--id', 'issue face').toUpperCase();
    const out = required(options.out, '--out', 'issue face');
    const format = out.toLowerCase().endsWith('.svg')
      ? 'svg'
      : out.toLowerCase().endsWith('.png')
        ? 'png'
        : undefined;
    if (!format) throw hcardError('HCARD_E_ARG_INVALID', '--out must end in .png or .svg');
    const journal = await openJournal(options.store);
    try {
      const card = await preparedCard(journal, batch, id);
      writeFileSync(out, await renderFace(faceData(card.values, card.photo), format));
      io.out(`wrote the face of row ${card.rowNumber} to ${out}`);
      return 0;
    } finally {
      await journal.close();
    }
  },
});
