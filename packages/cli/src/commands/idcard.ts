/**
 * `hcard idcard read | watch | emulate`: the resident ID-card reader (GA 467 serial protocol,
 * spec C). `read` and `watch` show the card's data in full, as `hcard read` does for the health
 * card: it is the operator's screen. What `emulate` logs is masked.
 */
import { existsSync, lstatSync, readlinkSync, unlinkSync } from 'node:fs';
import { type HcardError, hcardError, isHcardError } from '@hcard/card-core';
import {
  EmulatedIdCardReader,
  generateIdCard,
  ID_CARD_KINDS,
  type IdCardKind,
  type PtyPair,
  type ServedIdCardReader,
  type SyntheticIdCard,
  serveIdCardReader,
  startPtyPair,
} from '@hcard/emulator';
import {
  chooseIdCardPort,
  ethnicityDisplay,
  type IdCardData,
  IdCardReader,
  type IdCardRefusal,
  type IdCardText,
  openSerialTransport,
  readIdCard,
  sw3Hex,
} from '@hcard/reader-driver';
import { defineCommand } from '../shared/command.js';
import { errorLine, usageError } from '../shared/errors.js';
import { roundMs, toJson } from '../shared/json.js';
import { maskIdNumber, maskName } from '../shared/privacy.js';
import { parseSeed } from '../shared/seed.js';
import { stdinCommands } from '../shared/stdin-commands.js';
import { stopSignal } from '../shared/stop-signal.js';

/** Ports to consider instead of scanning (comma-separated): test rigs and unusual set-ups. */
export const IDCARD_PORTS_ENV = 'HCARD_IDCARD_PORTS';

const PORT_HELP = `
Without --port the reader is the only serial port found (SerialPort.list(), or without udevadm
/dev/serial/by-id and /dev/tty{USB,ACM,S}*; ${IDCARD_PORTS_ENV}=a,b names the candidates instead).
None or several found is an error that lists what was found. The port runs at 115200 bps 8N1.`;

const portOption = {
  type: 'string',
  value: 'dev',
  description: 'serial port of the reader, e.g. /dev/ttyUSB0 (default: the only one found)',
} as const;

export const idcardReadCommand = defineCommand({
  name: 'idcard read',
  summary: 'read the resident ID card on a serial ID-card reader',
  description: `
Reads the card on a resident ID-card reader (GA 467 SAM protocol: find, select, read text and
photo, then the appended address) and prints what a registration desk shows, in full. Reads
resident ID cards, Hong Kong/Macao/Taiwan residence permits (J) and both foreigner
permanent-residence cards (I, Y). The photo is WLT data that only licensed libraries decode:
it is reported, and given as hex with --json, but not decoded.
${PORT_HELP}

No card on the reader exits with HCARD_E_NO_CARD (66); a card that moved during the read with
HCARD_E_CARD_REMOVED (74).`,
  options: {
    port: portOption,
    json: { type: 'boolean', description: 'print everything read as JSON (photo bytes as hex)' },
  },
  examples: ['hcard idcard read', 'hcard idcard read --port /dev/ttyUSB0 --json'],
  run: async (options, io) => {
    const { port, data, ms } = await readIdCardOnPort(options.port);
    if (options.json) io.out(toJson({ read: { port, ms: roundMs(ms) }, ...data }));
    else io.out(`read from ${port} in ${ms.toFixed(1)} ms\n\n${formatIdCard(data)}`);
    return 0;
  },
});

/**
 * One read of the ID card on `port` (else the only serial reader found): find, select, read
 * text, photo and appended address. No card or a card that moved is an HcardError.
 */
export async function readIdCardOnPort(
  port: string | undefined,
): Promise<{ port: string; data: IdCardData; ms: number }> {
  const chosen = await choosePort(port);
  const reader = new IdCardReader(await openSerialTransport(chosen));
  try {
    const started = performance.now();
    const read = await readIdCard(reader, { appendedAddress: true });
    const ms = performance.now() - started;
    if (!read.ok) throw refusalError(read.refusal, chosen);
    return { port: chosen, data: read.value, ms };
  } finally {
    await reader.close();
  }
}

/** Poll interval of `watch`, about what desk software uses. */
const WATCH_INTERVAL_MS = 300;

export const idcardWatchCommand = defineCommand({
  name: 'idcard watch',
  summary: 'read each ID card placed on a serial ID-card reader until stopped',
  description: `
Polls the reader as desk software does (find, select, read) and prints one line per card read,
or one JSON object per line with --json. A card is printed once: it must leave the reader
before it is printed again (the SAM itself refuses to find a card it has just read). Another
card is printed as soon as it is read. Problems with the
reader (no answer, SAM errors) go to stderr, once per change, and polling goes on; a port that
goes away ends the watch with its error. Stops at Ctrl-C or SIGTERM.
${PORT_HELP}`,
  options: {
    port: portOption,
    json: { type: 'boolean', description: 'print JSON lines: time, port and the card read' },
  },
  examples: ['hcard idcard watch', 'hcard idcard watch --port /dev/ttyUSB0 --json'],
  run: async (options, io) => {
    const port = await choosePort(options.port);
    const stop = stopSignal();
    const reader = new IdCardReader(await openSerialTransport(port));
    let stopped = false;
    void stop.stopped.then(() => (stopped = true));
    // The card read last, until a poll finds the field empty: it is not printed again meanwhile
    // (for readers whose SAM finds a card again without it leaving the field).
    let onReader: string | undefined;
    let lastProblem: string | undefined;
    try {
      while (!stopped) {
        try {
          const read = await readIdCard(reader, { findAttempts: 1, appendedAddress: true });
          lastProblem = undefined;
          if (read.ok) {
            const key = cardKey(read.value.text);
            if (key !== onReader) io.out(options.json ? watchJson(port, read.value) : watchLine(read.value));
            onReader = key;
          } else if (read.refusal.kind === 'no-card') onReader = undefined;
        } catch (e) {
          if (isHcardError(e, 'HCARD_E_IDCARD_PORT_FAILED')) throw e;
          const line = errorLine(e);
          if (line !== lastProblem) io.err(line);
          lastProblem = line;
        }
        await Promise.race([sleep(WATCH_INTERVAL_MS), stop.stopped]);
      }
      return 0;
    } finally {
      stop.dispose();
      await reader.close();
    }
  },
});

export const idcardEmulateCommand = defineCommand({
  name: 'idcard emulate',
  summary: 'serve an emulated ID-card reader on a pseudo-terminal',
  description: `
Makes a pseudo-terminal pair with socat, links one end at --link PATH and serves an emulated
ID-card reader (GA 467 SAM protocol) on the other, until Ctrl-C or SIGTERM. Point
"hcard idcard read --port PATH" or any serial ID-card software at PATH.

The card on it is synthetic: --seed picks the person (the resident ID card of a seed is the
same person as "hcard card new --seed" makes), --type the card (resident, J: Hong Kong/Macao/
Taiwan residence permit, I and Y: the 2017 and 2023 foreigner permanent-residence cards).
Like a real reader's SAM it reads a card once; the card must be taken off and placed again.

While it runs it reads commands from stdin, one per line:
  remove   take the card off the reader
  insert   place the card again
  next     place the next person's card (seed + 1)
  quit     stop
  help     list these commands
What it prints about the card is masked.`,
  options: {
    link: {
      type: 'string',
      value: 'path',
      description: 'where to link the driver’s end of the pty pair (required)',
    },
    seed: { type: 'string', value: 'seed', description: 'which synthetic person', default: '1' },
    type: {
      type: 'string',
      value: 'type',
      description: 'card type: resident, J, I or Y',
      default: 'resident',
    },
    absent: { type: 'boolean', description: 'start with no card on the reader' },
  },
  examples: [
    'hcard idcard emulate --link /tmp/idcard &  hcard idcard read --port /tmp/idcard',
    'hcard idcard emulate --link /tmp/idcard --type J --seed 7',
  ],
  run: async (options, io) => {
    if (options.link === undefined) throw usageError('--link <path> is required', 'hcard idcard emulate');
    if (!(ID_CARD_KINDS as readonly string[]).includes(options.type)) {
      throw usageError(
        `--type must be one of ${ID_CARD_KINDS.join(', ')}, not "${options.type}"`,
        'hcard idcard emulate',
      );
    }
    const kind = options.type as IdCardKind;
    removeStaleLink(options.link);
    let seed = parseSeed(options.seed);
    let card = generateIdCard(seed, { kind });
    const device = new EmulatedIdCardReader(options.absent ? {} : { card });
    const stop = stopSignal();
    let pair: PtyPair | undefined;
    let served: ServedIdCardReader | undefined;
    const place = (next: SyntheticIdCard) => {
      card = next;
      device.insert(card);
      io.out(`placed: ${describeCard(card, seed)}`);
    };
    const commands = stdinCommands(io, {
      remove: {
        help: 'take the card off',
        run: () => {
          device.remove();
          io.out('removed: no card on the reader');
        },
      },
      insert: { help: 'place it again', run: () => place(card) },
      next: {
        help: 'place the next person’s card',
        run: () => {
          seed = typeof seed === 'number' ? seed + 1 : `${seed}+1`;
          place(generateIdCard(seed, { kind }));
        },
      },
    });
    // Serve until stopped, even with stdin at its end.
    const keepAlive = setInterval(() => undefined, 2 ** 30);
    try {
      pair = await startPtyPair({ linkA: options.link });
      served = serveIdCardReader(device, pair.b);
      io.out(`card: ${describeCard(card, seed)}${options.absent ? ' (not on the reader)' : ''}`);
      io.out(`ready: emulated ID-card reader on ${options.link}; stdin commands: ${commands.names}`);
      const reason = await Promise.race([stop.stopped, commands.quit]);
      io.out(`stopped (${reason})`);
      return 0;
    } finally {
      clearInterval(keepAlive);
      commands.close();
      stop.dispose();
      await served?.close();
      await pair?.stop();
    }
  },
});

async function choosePort(port: string | undefined): Promise<string> {
  const given = process.env[IDCARD_PORTS_ENV];
  const candidates = given === undefined ? undefined : given.split(',').filter((p) => p.trim() !== '');
  return chooseIdCardPort(port, candidates === undefined ? {} : { candidates });
}

/** What the operator is told when the read did not happen. */
function refusalError(refusal: IdCardRefusal, port: string): HcardError {
  const why = `${refusal.command} → SW3 ${sw3Hex(refusal.sw3)} (${refusal.meaning})`;
  return refusal.kind === 'no-card'
    ? hcardError('HCARD_E_NO_CARD', `no ID card on the reader at ${port}: ${why}`, { port, sw3: refusal.sw3 })
    : hcardError('HCARD_E_CARD_REMOVED', `the ID card moved during the read: ${why}`, {
        port,
        sw3: refusal.sw3,
      });
}

// ---------------------------------------------------------------------------------------------
// Human and JSON views

const TITLES: Record<IdCardText['type'], string> = {
  resident: '居民身份证',
  'hmt-residence-permit': '港澳台居民居住证',
  'foreign-permanent-2017': '外国人永久居留身份证（2017版）',
  'foreign-permanent-2023': '外国人永久居留身份证（2023版）',
};

const coded = (v: { code: string; text?: string }) =>
  v.text === undefined ? v.code : `${v.text} (${v.code})`;
const validity = (from: string, to: string) => `${from}–${to}`;
const checked = (id: string, valid: boolean) => (valid ? id : `${id}  (check digit does not match)`);

/** The rows a desk shows, per card type, in the card's own order. */
function rows(text: IdCardText): [string, string][] {
  switch (text.type) {
    case 'resident':
      return [
        ['姓名', text.name],
        ['性别', coded(text.sex)],
        [
          '民族',
          text.ethnicity.text === undefined
            ? text.ethnicity.code
            : `${ethnicityDisplay(text.ethnicity)} (${text.ethnicity.code})`,
        ],
        ['出生日期', text.birthDate],
        ['住址', text.address],
        ['公民身份号码', checked(text.idNumber, text.checkDigitValid)],
        ['签发机关', text.issuer],
        ['有效期限', validity(text.validFrom, text.validTo)],
      ];
    case 'hmt-residence-permit':
      return [
        ['姓名', text.name],
        ['性别', coded(text.sex)],
        ['出生日期', text.birthDate],
        ['住址', text.address],
        ['公民身份号码', checked(text.idNumber, text.checkDigitValid)],
        ['签发机关', text.issuer],
        ['有效期限', validity(text.validFrom, text.validTo)],
        ['通行证号码', text.passNumber],
        ['签发次数', text.issueCount],
      ];
    case 'foreign-permanent-2017':
      return [
        ['英文姓名', text.englishName],
        ['中文姓名', text.chineseName || '—'],
        ['性别', coded(text.sex)],
        ['出生日期', text.birthDate],
        ['国籍', text.nationality],
        ['永久居留证号码', text.permitNumber],
        ['有效期限', validity(text.validFrom, text.validTo)],
        ['证件版本号', text.cardVersion],
        ['受理机关代码', text.issuerCode],
      ];
    case 'foreign-permanent-2023':
      return [
        ['中文姓名', text.chineseName || '—'],
        ['外文姓名', text.foreignName],
        ['性别', coded(text.sex)],
        ['出生日期', text.birthDate],
        ['国籍', text.nationality],
        ['证件号码', checked(text.idNumber, text.checkDigitValid)],
        ['签发机关', text.issuer],
        ['有效期限', validity(text.validFrom, text.validTo)],
        ['签发次数', text.issueCount],
      ];
  }
}

export function formatIdCard(data: IdCardData): string {
  const all = rows(data.text);
  if (data.appendedAddress !== undefined) all.push(['追加住址', data.appendedAddress]);
  const lines = [
    TITLES[data.text.type],
    '',
    ...all.map(([label, value]) => `  ${label.padEnd(7, '　')} ${value}`),
  ];
  lines.push(
    '',
    `  photo: WLT, ${data.photo.bytes.length} bytes, not decoded (no licensed WLT decoder here; --json gives the bytes)`,
  );
  if (data.fingerprint) lines.push(`  fingerprint: ${data.fingerprint.bytes.length} bytes`);
  return lines.join('\n');
}

function watchLine(data: IdCardData): string {
  const now = new Date();
  const time = [now.getHours(), now.getMinutes(), now.getSeconds()]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
  const ms = String(now.getMilliseconds()).padStart(3, '0');
  const values = rows(data.text).map(([, value]) => value);
  if (data.appendedAddress !== undefined) values.push(data.appendedAddress);
  return `${time}.${ms}  ${TITLES[data.text.type]}  ${values.join('  ')}`;
}

/** Which card this is: its type and number. */
function cardKey(text: IdCardText): string {
  return `${text.type}:${'idNumber' in text ? text.idNumber : text.permitNumber}`;
}

function watchJson(port: string, data: IdCardData): string {
  return toJson({ time: new Date().toISOString(), port, ...data }, false);
}

/** For the emulator's log: type, masked name and number, seed. */
function describeCard(card: SyntheticIdCard, seed: number | string): string {
  const name =
    card.fields.name || card.fields.chineseName || card.fields.englishName || card.fields.foreignName || '';
  const number = card.fields.idNumber ?? card.fields.permitNumber ?? '';
  return `${card.kind} ${maskName(name)} ${maskIdNumber(number)} (seed ${JSON.stringify(seed)})`;
}

/** A link left by an emulator that was killed: a symlink to a /dev/pts entry that is gone. Anything else is kept. */
function removeStaleLink(path: string): void {
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(path);
  } catch {
    return;
  }
  const target = stat.isSymbolicLink() ? readlinkSync(path) : '';
  if (!target.startsWith('/dev/pts/')) {
    throw usageError(`--link ${path} exists and is not a pty link`, 'hcard idcard emulate');
  }
  if (existsSync(target)) {
    throw usageError(`--link ${path} points to a pty in use (another emulator?)`, 'hcard idcard emulate');
  }
  unlinkSync(path);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
