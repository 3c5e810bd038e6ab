/**
 * Masks personal data and secrets in a finished log line (architecture §7: "ID numbers, names,
 * phones and PANs are masked in every log line and error; PINs are never logged or echoed").
 *
 * It works on the serialized text, not on known fields, so it covers every field, message, error
 * stack and request URL alike; pino runs it as `hooks.streamWrite` (see logger.ts). The rules, in
 * the order they run:
 *
 * 1. Secrets. The value of any key that names a PIN, key, token, ticket, password, secret,
 *    authorization or cookie (`"pin":…`, `psamPin`, `HCARD_PSAM_PIN`, `x-api-key` …: the key's
 *    last word decides; or contains 密码 / 口令) becomes "[REDACTED]", whether the value is a string, a number, an object
 *    or an array, at any nesting and in JSON quoted inside a JSON string (`\"pin\":\"…\"`). The
 *    same for `key=value` (URL query parameters, environment dumps), `Authorization: …` header
 *    text, `Bearer <token>`, the gateway's `hcard_…` tokens anywhere, and digits written after
 *    the word PIN or password (`PIN 123456`, `密码：123456`).
 * 2. Numbers (same-length replacements, ASCII or full-width digits, bounded by non-digits only,
 *    so a number glued to letters or quotes is still found): citizen ID numbers (18 characters,
 *    the last a digit or X, optionally grouped 6-8-4) keep their first and last 4; mobile numbers
 *    (1[3-9] + 9 digits, optionally +86 and grouped 3-4-4) keep 3 and 4; landlines with an area
 *    code keep the area code and the last 4; card numbers (bank PANs grouped in fours) and any
 *    other run of 12 or more digits (PANs, old 15-digit IDs, insurance and health-record numbers)
 *    keep 4 and 4. Exempt: UUIDs (request ids), pino's `"time":<epoch ms>` and other numeric
 *    time fields, and the fraction of a JSON number (`"responseTime":47.327986000596`).
 * 3. Names, which no pattern recognises: (a) the value of a field whose key looks like a name
 *    (`xm`, `name`, `psn_name`, `LXRXM1`, `holderName`, `contact1Name`, `姓名` …) when it is a run
 *    of 2–6 CJK ideographs (up to 30 with a middle dot, as in minority names); (b) every name
 *    the masker was told about (`remember`, a bounded registry) wherever it appears, also spaced
 *    out (`张　三`); (c) on the same line, every name found by (a). Characters are recognised raw,
 *    as `\uXXXX` escapes (any number of backslashes, surrogate pairs too) and percent-encoded
 *    UTF-8 (URLs). A name keeps its first character: 张三丰 → 张*.
 *
 * Masked output never matches a rule again, so masking is idempotent, and it keeps JSON valid.
 */
import { maskCardNumber, maskIdNumber, maskPhone } from '@hcard/card-core';

export const REDACTED = '[REDACTED]';

// ---------------------------------------------------------------------------------------------
// Keys

const SECRET_LAST_WORDS = new Set([
  'pin',
  'pins',
  'pinblock',
  'key',
  'keys',
  'apikey',
  'token',
  'tokens',
  'ticket',
  'tickets',
  'authorization',
  'password',
  'passwords',
  'passwd',
  'pwd',
  'passphrase',
  'secret',
  'secrets',
  'credential',
  'credentials',
  'cookie',
  'cookies',
]);
/** `pinCode`, `passwordValue` …: a secret word followed by one of these is still the secret. */
const SECRET_WORDS = new Set(['pin', 'password', 'passwd', 'pwd', 'passphrase', 'secret']);
const SECRET_SUFFIXES = new Set(['code', 'value', 'block', 'text', 'data', 'hex', 'new', 'old', 'plain']);

const NAME_LAST_WORDS = new Set(['name', 'names', 'fullname', 'surname', 'givenname', 'xingming', 'xm']);
/** `fileName`, `issuerName`, `readerName` …: names of things, not of people. */
const NOT_PERSON_WORDS = new Set([
  'file',
  'host',
  'reader',
  'issuer',
  'function',
  'func',
  'fn',
  'method',
  'service',
  'app',
  'event',
  'org',
  'organization',
  'organisation',
  'hospital',
  'institution',
  'unit',
  'dept',
  'department',
  'company',
  'item',
  'section',
  'field',
  'route',
  'path',
  'module',
  'plugin',
  'logger',
  'device',
  'product',
  'region',
  'province',
  'city',
  'county',
  'district',
  'place',
  'scheme',
  'drug',
  'disease',
  'diagnosis',
  'level',
  'type',
]);

/** A key's words, lowercase: `HCARD_PSAM_PIN` → hcard psam pin, `contact1Name` → contact1 name. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** Whether a key (JSON key, query parameter, header, variable) holds a PIN, key or token. */
export function isSecretKey(key: string): boolean {
  return cached(secretKeys, key, secretKey);
}

function secretKey(key: string): boolean {
  if (/密码|口令/.test(key)) return true;
  const words = keyWords(key);
  const last = words.at(-1);
  if (last === undefined) return false;
  if (SECRET_LAST_WORDS.has(last)) return true;
  return SECRET_SUFFIXES.has(last) && words.slice(0, -1).some((w) => SECRET_WORDS.has(w));
}

/** Whether a key holds a person's name: `xm`, `LXRXM1`, `psn_name`, `holderName`, `姓名` … */
export function isNameKey(key: string): boolean {
  return cached(nameKeys, key, nameKey);
}

function nameKey(key: string): boolean {
  if (key.includes('姓名')) return true;
  const words = keyWords(key).map((w) => w.replace(/\d+$/, ''));
  const last = words.at(-1);
  if (last === undefined) return false;
  if (!NAME_LAST_WORDS.has(last) && !/xm$/.test(words.join(''))) return false;
  return !words.slice(0, -1).some((w) => NOT_PERSON_WORDS.has(w));
}

// Log lines repeat the same few keys: remember the verdicts (a bounded cache).
const secretKeys = new Map<string, boolean>();
const nameKeys = new Map<string, boolean>();

function cached(cache: Map<string, boolean>, key: string, decide: (key: string) => boolean): boolean {
  let verdict = cache.get(key);
  if (verdict === undefined) {
    verdict = decide(key);
    if (cache.size >= 2048) cache.clear();
    cache.set(key, verdict);
  }
  return verdict;
}

// ---------------------------------------------------------------------------------------------
// 1. Secrets

/** `"key":` with the key's quotes possibly escaped (JSON inside a JSON string). */
const JSON_KEY = /(\\*)"([A-Za-z0-9_$.\- \u4e00-\u9fff]{1,80})\\*"\s*:\s*/g;
/** `key=value`: query parameters, environment dumps, `pin=…` in messages. */
const ASSIGNMENT =
  /(?<![A-Za-z0-9_$.-])([A-Za-z_][A-Za-z0-9_$.-]{0,63})=(\\*["']?)(?!\[REDACTED\])([^\s&#"'\\,;)}\]]+)/g;
/** Header text: `Authorization: Bearer …`, `Cookie: …`. */
const HEADER =
  /(?<![A-Za-z0-9_-])((?:proxy-)?authorization|(?:set-)?cookie|x-api-key)(\s*:\s*)(\\*["']?)(?!\[REDACTED\])([^\s"'\\,;][^"'\\\r\n,;]*)/gi;
const HEADER_HINT = /authorization|cookie|x-api-key/i;
const BEARER = /(?<![A-Za-z])([Bb]earer\s+)(?!\[REDACTED\])[A-Za-z0-9._~+/-]{16,}=*/g;
/** A PIN written out in a message: `PIN 123456`, `pin: 123456`, `密码：123456` (a heuristic). */
const PIN_IN_TEXT =
  /(?<![A-Za-z])(pin|passwd|password|pwd|passcode|口令|密码)(码?\s*(?:is|was|=|:|：)?\s*)\d{4,12}(?!\d)/gi;
/** The gateway's bearer tokens (`hcard_` + 43 base64url characters), wherever they appear. */
const GATEWAY_TOKEN = /hcard_[A-Za-z0-9_-]{20,}/g;

/** Redacts PINs, keys, tokens and passwords; see the module comment, rule 1. */
export function redactSecrets(text: string): string {
  let out = text.includes('"') ? redactJsonValues(text) : text;
  if (out.includes('=')) {
    out = out.replace(ASSIGNMENT, (match, key: string, quote: string) =>
      isSecretKey(key) ? `${key}=${quote}${REDACTED}` : match,
    );
  }
  if (HEADER_HINT.test(out)) {
    out = out.replace(
      HEADER,
      (_m, name: string, sep: string, quote: string) => `${name}${sep}${quote}${REDACTED}`,
    );
  }
  if (out.includes('earer')) out = out.replace(BEARER, (_m, scheme: string) => `${scheme}${REDACTED}`);
  out = out.replace(PIN_IN_TEXT, (_m, word: string, sep: string) => `${word}${sep}${REDACTED}`);
  return out.includes('hcard_') ? out.replace(GATEWAY_TOKEN, `hcard_${REDACTED}`) : out;
}

function redactJsonValues(text: string): string {
  let out = '';
  let copied = 0;
  JSON_KEY.lastIndex = 0;
  for (let m = JSON_KEY.exec(text); m !== null; m = JSON_KEY.exec(text)) {
    if (!isSecretKey(m[2]!)) continue;
    const level = escapeLevel(m[1]!.length);
    const start = m.index + m[0].length;
    const end = jsonValueEnd(text, start, level);
    if (end === start) continue;
    const quote = `${'\\'.repeat(2 ** level - 1)}"`;
    out += text.slice(copied, start) + quote + REDACTED + quote;
    copied = end;
    JSON_KEY.lastIndex = end;
  }
  return out + text.slice(copied);
}

/**
 * JSON quoted inside a JSON string is one escape level deeper: its quotes carry 1 backslash, at the
 * next level 3, then 7. `n` backslashes before a key's quote give the level.
 */
function escapeLevel(backslashes: number): number {
  return Math.max(0, Math.round(Math.log2(backslashes + 1)));
}

/** Whether the quote at `i` opens or closes a string at `level` (not an escaped quote in one). */
function isStructuralQuote(text: string, i: number, level: number): boolean {
  let n = 0;
  while (i - n - 1 >= 0 && text.charCodeAt(i - n - 1) === 0x5c) n++;
  return (n + 1) % 2 ** (level + 1) === 2 ** level;
}

/** Where the JSON value starting at `start` ends (string, object, array, number or literal). */
function jsonValueEnd(text: string, start: number, level: number): number {
  let i = start;
  while (text[i] === '\\') i++;
  const first = text[i];
  if (first === '"') {
    for (let j = i + 1; j < text.length; j++) {
      if (text[j] === '"' && isStructuralQuote(text, j, level)) return j + 1;
    }
    return lineEnd(text);
  }
  if (first === '{' || first === '[') {
    let depth = 0;
    let inString = false;
    for (let j = i; j < text.length; j++) {
      const c = text[j];
      if (c === '"' && isStructuralQuote(text, j, level)) inString = !inString;
      else if (inString) continue;
      else if (c === '{' || c === '[') depth++;
      else if ((c === '}' || c === ']') && --depth === 0) return j + 1;
    }
    return lineEnd(text);
  }
  const literal = /^[^,}\]\s\\"]+/.exec(text.slice(start));
  return literal ? start + literal[0].length : start;
}

function lineEnd(text: string): number {
  return text.endsWith('\n') ? text.length - 1 : text.length;
}

/** A URL with the values of secret query parameters (`ticket`, `token`, `access_token` …) redacted. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const hash = url.indexOf('#', q);
  const query = url.slice(q + 1, hash < 0 ? undefined : hash);
  const params = query.split('&').map((param) => {
    const eq = param.indexOf('=');
    const name = eq < 0 ? param : param.slice(0, eq);
    return isSecretKey(safeDecode(name)) ? `${name}=${REDACTED}` : param;
  });
  return `${url.slice(0, q + 1)}${params.join('&')}${hash < 0 ? '' : url.slice(hash)}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Numbers

// Matching runs on a copy with full-width digits made ASCII (same length), so ASCII classes do.
const D = '[0-9]';
const NUMBER = new RegExp(
  `(?<!${D})(?:` +
    // GB 11643 citizen ID (= the health-card number), plain or grouped 6-8-4.
    `(?<id>${D}{6}[ -]?${D}{8}[ -]?${D}{3}[0-9Xx])` +
    // Mobile, with an optional +86 / 0086 / 86 prefix, plain or grouped 3-4-4.
    `|(?<mobilePrefix>(?:\\+|00)?86[ -]?)?(?<mobile>1[3-9]${D}(?:[ -]?${D}{4}){2})` +
    // Landline with its area code: 0371-2345678, (010)12345678, 037112345678.
    `|(?<area>\\(0${D}{2,3}\\)[ -]?|0${D}{2,3}[ -]?)(?<local>[2-9]${D}{6,7})` +
    // A card number printed in groups of four.
    `|(?<grouped>${D}{4}(?:[ -]${D}{4}){2,3}(?:[ -]${D}{1,3})?)` +
    // Anything else of 12 digits or more: PANs, 15-digit IDs, insurance and record numbers.
    `|(?<long>${D}{12,})` +
    `)(?!${D})` +
    // A landline glued to other digits ("50371-2345678", "0371-23456780"): its hyphen still marks it.
    `|(?<area2>0${D}{2,3}-)(?<local2>[2-9]${D}{6,})`,
  'g',
);

/** Request ids and similar: a 12-hex group of a UUID may be all digits. */
const UUID =
  /(?<![0-9A-Fa-f])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f])/g;
/** pino's `"time":1718000000000` and other numeric times (`responseTime`, `createdAt`, `…Ms`). */
const NUMERIC_TIME = /"(?:time|timestamp|ts|[A-Za-z_]*(?:Time|At|_at|Ms|_ms))"\s*:\s*\d{1,16}(?![\d.])/g;
/**
 * The fraction of a JSON number (`"responseTime":47.327986000596`): left alone unless it is an
 * ID or mobile number as a whole, for the same shape occurs inside strings too (`"[0.13812345678]"`).
 */
const FRACTION = /(?<=[:,[]\s*-?[0-9]{1,16}\.)[0-9]+(?=[eE,}\]\s]|$)/g;

const FULL_WIDTH = /[\uFF10-\uFF19Ｘｘ]/g;
const FULL_WIDTH_ANY = /[\uFF10-\uFF19Ｘｘ]/;
const SIGNIFICANT = /[0-9\uFF10-\uFF19XxＸｘ]/;

/** Masks ID numbers, phones and card numbers; see the module comment, rule 2. */
export function maskNumbers(text: string): string {
  // Full-width digits become ASCII ones of the same length, so offsets carry over.
  const ascii = FULL_WIDTH_ANY.test(text)
    ? text.replace(FULL_WIDTH, (c) =>
        c === 'Ｘ' || c === 'ｘ' ? 'X' : String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30),
      )
    : text;
  // Worked out at the first candidate number only: most lines have none.
  let protectedSpans: [number, number][] | undefined;
  let fractions: [number, number][] | undefined;
  let out = '';
  let copied = 0;
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(ascii); m !== null; m = NUMBER.exec(ascii)) {
    const start = m.index;
    const end = start + m[0].length;
    protectedSpans ??= [...spans(text, UUID), ...spans(text, NUMERIC_TIME)];
    fractions ??= spans(text, FRACTION);
    if (protectedSpans.some(([s, e]) => start < e && end > s)) continue;
    const whole = m.groups!.id !== undefined || m.groups!.mobile !== undefined;
    if (fractions.some(([s, e]) => start < e && end > s && !(whole && start === s && end === e))) continue;
    out += text.slice(copied, start) + maskNumber(text.slice(start, end), m.groups!);
    copied = end;
  }
  return out + text.slice(copied);
}

function maskNumber(original: string, g: Record<string, string | undefined>): string {
  const plain = /^[0-9]+[Xx]?$/.test(original);
  if (g.id !== undefined) return plain ? maskIdNumber(original) : maskSignificant(original, 4, 4);
  if (g.mobile !== undefined) {
    const prefix = original.slice(0, g.mobilePrefix?.length ?? 0);
    const number = original.slice(prefix.length);
    return prefix + (/^[0-9]+$/.test(number) ? maskPhone(number) : maskSignificant(number, 3, 4));
  }
  const area = g.area ?? g.area2;
  if (area !== undefined)
    return original.slice(0, area.length) + maskSignificant(original.slice(area.length), 0, 4);
  return plain ? maskCardNumber(original) : maskSignificant(original, 4, 4);
}

/** Keeps the first `head` and last `tail` digits (or X); other digits become stars, separators stay. */
function maskSignificant(value: string, head: number, tail: number): string {
  const chars = Array.from(value);
  const total = chars.filter((c) => SIGNIFICANT.test(c)).length;
  let seen = 0;
  return chars
    .map((c) => {
      if (!SIGNIFICANT.test(c)) return c;
      seen++;
      return seen <= head || seen > total - tail ? c : '*';
    })
    .join('');
}

function spans(text: string, pattern: RegExp): [number, number][] {
  return Array.from(text.matchAll(pattern), (m) => [m.index, m.index + m[0].length] as [number, number]);
}

// ---------------------------------------------------------------------------------------------
// 3. Names

/** One ideograph, raw, `\uXXXX`-escaped (with any number of backslashes) or percent-encoded UTF-8. */
const HAN = [
  String.raw`\p{Unified_Ideograph}`,
  String.raw`\\+u(?:3[4-9a-f]|4[0-9a-f]|[5-9][0-9a-f]|f[9a])[0-9a-f]{2}`,
  String.raw`\\+ud[89ab][0-9a-f]{2}\\+ud[c-f][0-9a-f]{2}`,
  '%e3%[9ab][0-9a-f]%[89ab][0-9a-f]',
  '%e[4-9]%[89ab][0-9a-f]%[89ab][0-9a-f]',
  '%f0%[ab][0-9a-f](?:%[89ab][0-9a-f]){2}',
].join('|');
/** Between the characters of a name: spaces (ASCII, ideographic, URL) and middle dots. */
const DOT = String.raw`[·•・．.]|\\+u(?:00b7|2022|30fb|ff0e)|%c2%b7|%e3%83%bb`;
const NAME_SEPARATOR = String.raw`[ \u3000+]|\\+u(?:0020|3000)|%20|%e3%80%80|${DOT}`;
const NAME_FIELD = new RegExp(
  String.raw`(?<![A-Za-z0-9_$])(?<key>[A-Za-z_$][A-Za-z0-9_$-]{0,40}|\p{Unified_Ideograph}{0,6}?姓名)` +
    String.raw`(?<sep>\\*["']?\s*[:=：]\s*\\*["']?\s*)` +
    `(?<value>(?:${HAN})(?:(?:${NAME_SEPARATOR}){0,2}(?:${HAN})){0,29})`,
  'giu',
);
/** Whatever a HAN alternative can start with (rule 3a's cheap pre-check). */
const MAY_HOLD_HAN = /[^\x00-\x7f]|\\u|%[ef]/i;
const ONE_HAN = new RegExp(`^(?:${HAN})`, 'iu');
const ALL_HAN = new RegExp(`(?:${HAN})`, 'giu');
const HAS_DOT = new RegExp(DOT, 'iu');

interface TrieNode {
  readonly next: Map<number, TrieNode>;
  /** A name ends here; ASCII-only names must also end at a word boundary. */
  end: 'any' | 'word' | undefined;
}

class NameTrie {
  readonly root: TrieNode = { next: new Map(), end: undefined };
  /** Whether some name starts with an ASCII character (else a plain-ASCII line holds none). */
  asciiStart = false;

  add(name: string): void {
    const points = codePoints(canonicalName(name));
    if ((points[0] ?? 0x80) < 0x80) this.asciiStart = true;
    let node = this.root;
    for (const cp of points) {
      let child = node.next.get(cp);
      if (!child) {
        child = { next: new Map(), end: undefined };
        node.next.set(cp, child);
      }
      node = child;
    }
    node.end = isAscii(name) ? 'word' : 'any';
  }
}

export interface MaskerOptions {
  /** How many remembered names to keep (least recently remembered go first); default 4096. */
  readonly maxNames?: number;
}

/** How many recurring texts `maskRecurring` remembers before it starts again. */
const RECURRING_TEXTS = 1024;

/**
 * Masks personal data and secrets in log lines. Share one per process: the gateway tells it the
 * names on each card it reads (`remember`), and every later line that mentions them is masked.
 */
export class PersonalDataMasker {
  readonly maxNames: number;
  readonly #names = new Map<string, true>();
  #trie: NameTrie | undefined;
  /** maskRecurring's answers, valid while the names are unchanged. */
  readonly #recurring = new Map<string, string>();

  constructor(options: MaskerOptions = {}) {
    this.maxNames = options.maxNames ?? 4096;
  }

  /**
   * Masks `name` wherever it appears from now on. Ignores blanks, single characters and ASCII
   * names under 3 letters (they would mask ordinary words); a name already known becomes the most
   * recent one.
   */
  remember(name: string | undefined | null): void {
    // Every read of a card on a desk tells the same names again: a known name only moves to
    // the most recent end, without canonicalising it again.
    if (name && this.#names.delete(name)) {
      this.#names.set(name, true);
      return;
    }
    const key = canonicalName(name ?? '');
    const length = codePoints(key).length;
    if (length < 2 || (isAscii(key) && length < 3)) return;
    const known = this.#names.delete(key);
    this.#names.set(key, true);
    // A name already known only moves to the most recent end: the set of names, and so the
    // trie built from it, is unchanged (every card read on a desk tells the same names again).
    if (known) return;
    while (this.#names.size > this.maxNames) this.#names.delete(this.#names.keys().next().value!);
    this.#trie = undefined;
    this.#recurring.clear();
  }

  /** `remember` for each name; undefined and empty entries are skipped. */
  rememberAll(names: Iterable<string | undefined | null>): void {
    for (const name of names) this.remember(name);
  }

  get size(): number {
    return this.#names.size;
  }

  /** The line with secrets redacted and ID numbers, phones, card numbers and names masked. */
  mask(line: string): string {
    if (line === '') return line;
    let out = redactSecrets(line);
    out = maskNumbers(out);
    const seen = new NameTrie();
    out = maskNameFields(out, (name) => seen.add(name));
    return maskKnownNames(out, [this.#currentTrie(), seen]);
  }

  /**
   * `mask` for text that recurs, like the fixed part of a desk's request and audit lines (same
   * client, route and card): the same answer as `mask(make())`, remembered by `key` until a new
   * name is remembered. `make` gives the text when it is not known yet (default: the key itself).
   */
  maskRecurring(key: string, make: () => string = () => key): string {
    let masked = this.#recurring.get(key);
    if (masked === undefined) {
      masked = this.mask(make());
      if (this.#recurring.size >= RECURRING_TEXTS) this.#recurring.clear();
      this.#recurring.set(key, masked);
    }
    return masked;
  }

  #currentTrie(): NameTrie {
    if (!this.#trie) {
      this.#trie = new NameTrie();
      for (const name of this.#names.keys()) this.#trie.add(name);
    }
    return this.#trie;
  }
}

/** Rule 3a: CJK names as the value of a name-like key; `found` gets each name masked. */
export function maskNameFields(text: string, found: (name: string) => void = () => undefined): string {
  // A name field's value starts with an ideograph: raw (non-ASCII), \uXXXX-escaped or
  // percent-encoded (%E…, %F…). A line with none of these has no name field to mask.
  if (!MAY_HOLD_HAN.test(text)) return text;
  return text.replace(NAME_FIELD, (match, key: string, sep: string, value: string) => {
    if (!isNameKey(key)) return match;
    const characters = value.match(ALL_HAN) ?? [];
    if (characters.length < 2 || (characters.length > 6 && !HAS_DOT.test(value))) return match;
    found(decodeName(value));
    return `${key}${sep}${ONE_HAN.exec(value)![0]}*`;
  });
}

/** Rule 3b/3c: every name in the tries, raw, escaped or percent-encoded, spaced out or not. */
function maskKnownNames(text: string, tries: readonly NameTrie[]): string {
  const live = tries.filter((t) => t.root.next.size > 0);
  if (live.length === 0) return text;
  // Most lines are plain ASCII and most names are ideographs: nothing to look for then.
  if (!live.some((t) => t.asciiStart) && !MAY_HOLD_HAN.test(text)) return text;
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    // Fast path: a plain character no name starts with (escapes and %-encoding need decoding).
    if (c !== 0x5c && c !== 0x25 && (c < 0xd800 || c > 0xdbff)) {
      const cp = canonical(c);
      let starts = false;
      for (const t of live) if (t.root.next.has(cp)) starts = true;
      if (!starts) {
        i++;
        continue;
      }
    }
    const first = readCharacter(text, i);
    let end = -1;
    for (const trie of live) {
      const node = trie.root.next.get(canonical(first.cp));
      if (node) end = Math.max(end, longestMatch(text, i, first.end, node));
    }
    if (end > 0) {
      out += text.slice(copied, i) + text.slice(i, first.end) + '*';
      copied = end;
      i = end;
    } else {
      i = first.end;
    }
  }
  return out + text.slice(copied);
}

/** The end of the longest name starting at `start`, whose first character ends at `pos`; -1 if none. */
function longestMatch(text: string, start: number, pos: number, node: TrieNode): number {
  let best = endsHere(text, start, pos, node) ? pos : -1;
  let current = node;
  let at = pos;
  while (at < text.length) {
    let next = readCharacter(text, at);
    let child = current.next.get(canonical(next.cp));
    // Up to two spaces between characters: 张　三, 张 三.
    for (let skipped = 0; !child && isSpace(next.cp) && skipped < 2 && next.end < text.length; skipped++) {
      next = readCharacter(text, next.end);
      child = current.next.get(canonical(next.cp));
    }
    if (!child) break;
    current = child;
    at = next.end;
    if (endsHere(text, start, at, current)) best = at;
  }
  return best;
}

function endsHere(text: string, start: number, end: number, node: TrieNode): boolean {
  if (node.end === 'any') return true;
  if (node.end !== 'word') return false;
  return !/[A-Za-z0-9]/.test(text[start - 1] ?? '') && !/[A-Za-z0-9]/.test(text[end] ?? '');
}

/** The character at `i`, decoding `\uXXXX` escapes (and escaped surrogate pairs) and %-encoded UTF-8. */
function readCharacter(text: string, i: number): { cp: number; end: number } {
  const c = text.charCodeAt(i);
  if (c === 0x5c) {
    const escaped = readEscape(text, i);
    if (escaped) {
      if (escaped.cp >= 0xd800 && escaped.cp <= 0xdbff) {
        const low = readEscape(text, escaped.end);
        if (low && low.cp >= 0xdc00 && low.cp <= 0xdfff) {
          return { cp: 0x10000 + ((escaped.cp - 0xd800) << 10) + (low.cp - 0xdc00), end: low.end };
        }
      }
      return escaped;
    }
  } else if (c === 0x25) {
    const decoded = readPercent(text, i);
    if (decoded) return decoded;
  }
  const cp = text.codePointAt(i)!;
  return { cp, end: i + (cp > 0xffff ? 2 : 1) };
}

function readEscape(text: string, i: number): { cp: number; end: number } | undefined {
  let j = i;
  while (text.charCodeAt(j) === 0x5c) j++;
  if (j === i || text[j] !== 'u') return undefined;
  const hex = text.slice(j + 1, j + 5);
  return /^[0-9A-Fa-f]{4}$/.test(hex) ? { cp: Number.parseInt(hex, 16), end: j + 5 } : undefined;
}

function readPercent(text: string, i: number): { cp: number; end: number } | undefined {
  const byteAt = (k: number): number | undefined => {
    const hex = text.slice(k + 1, k + 3);
    return text[k] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex) ? Number.parseInt(hex, 16) : undefined;
  };
  const lead = byteAt(i);
  if (lead === undefined) return undefined;
  const extra = lead < 0x80 ? 0 : lead >= 0xf0 && lead <= 0xf4 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc2 ? 1 : -1;
  if (extra < 0) return undefined;
  let cp = extra === 0 ? lead : lead & (0x3f >> extra);
  for (let k = 1; k <= extra; k++) {
    const b = byteAt(i + 3 * k);
    if (b === undefined || (b & 0xc0) !== 0x80) return undefined;
    cp = (cp << 6) | (b & 0x3f);
  }
  return { cp, end: i + 3 * (extra + 1) };
}

/** A name as written in a field (escaped, encoded, spaced out) as plain text. */
function decodeName(value: string): string {
  const points: number[] = [];
  for (let i = 0; i < value.length; ) {
    const { cp, end } = readCharacter(value, i);
    if (!isSpace(cp)) points.push(cp);
    i = end;
  }
  return String.fromCodePoint(...points);
}

const isAscii = (text: string): boolean => /^[\x00-\x7f]*$/.test(text);

const isSpace = (cp: number): boolean => cp === 0x20 || cp === 0x3000 || cp === 0x09 || cp === 0x2b;

/** Case-folded ASCII and one middle dot for ·•・．., so that variants of a name match. */
function canonical(cp: number): number {
  if (cp >= 0x41 && cp <= 0x5a) return cp + 0x20;
  if (cp === 0x2022 || cp === 0x30fb || cp === 0xff0e || cp === 0x2e) return 0xb7;
  return cp;
}

function canonicalName(name: string): string {
  return String.fromCodePoint(...codePoints(name.trim()).map(canonical));
}

function codePoints(text: string): number[] {
  return Array.from(text, (c) => c.codePointAt(0)!);
}
