/**
 * The registration desk page (served at /desk by the gateway). One ES module, no build step.
 *
 * Authentication: like any client. The operator pastes a token created with
 *   hcard gateway token create --client desk --scopes read:basic,write:encounters
 * and every request sends it as `Authorization: Bearer …`. The token is kept in sessionStorage,
 * not localStorage: sessionStorage belongs to this one tab and is gone when the tab closes, so a
 * shared desk computer does not keep a working token on disk after the shift, and other pages
 * of the gateway's origin (e.g. /docs) opened in other tabs cannot read it.
 *
 * Events: `GET /v1/events` read with fetch() as a stream (text/event-stream), so the token goes
 * in a header and never in a URL (no ticket needed). Before each (re)connect it reads
 * `GET /v1/readers` once; after a drop it reconnects with `Last-Event-ID` and gets what it
 * missed. Per-reader event counters make the sources agree: an event or `state` message older
 * than what is known is ignored; `reset` (the gateway no longer knows the id) drops what is
 * known and the `state` after it is taken as it is. Where the gateway has no events route (404),
 * it polls `GET /v1/readers` instead, whose ID-card counter stands in for `idcard-placed`.
 * The chosen reader's PSAM slot is followed too: a card that was in but could not be read (no
 * PSAM in the terminal, say) is read again when a PSAM goes in.
 *
 * Identity: once the card is on screen the page asks `GET /v1/readers/{reader}/identity` for the
 * verdict (pass / fail / not possible, each check with its reason code and words). Where the
 * gateway has an ID-card reader the verdict says whether an ID card was read (`idCard`), and the
 * page then shows it (`GET /v1/idcard`) beside the health card; without one it asks nothing more,
 * so a desk without an ID-card reader sees no ID-card panel and no failed request. An
 * `idcard-placed` event (another ID card read) asks for both again.
 *
 * Personal data: shown only while the card is in. Removal empties the card, ID-card and identity
 * panels, revokes the photo's blob: URL and drops every reference the page held. Nothing of a
 * card goes into a URL or the console.
 */

/** 医疗费用支付方式: card-core `paymentScheme` code table (the desk test checks this copy). */
export const PAYMENT_SCHEMES = {
  1: '城镇职工基本医保',
  2: '城镇居民基本医保',
  3: '新农合',
  4: '贫困救助',
  5: '商业医保',
  6: '全公费',
  7: '全自费',
  8: '其他',
};
/** The identity checks (card-core `IDENTITY_CHECKS`, the desk test checks this copy) in words. */
export const IDENTITY_CHECK_LABELS = {
  card_authentication: '卡片认证（PSAM）',
  issuer_certificate: '发卡机构证书',
  security_code: '安全码（CVN）',
  card_not_expired: '卡片有效期',
  id_number_valid: '身份证号码',
  not_hotlisted: '黑名单',
  applications_agree: '各应用持卡人一致',
  id_card_matches: '与身份证一致',
};
/** A verdict as a mark and words as well as a colour: it never rests on the colour alone. */
const VERDICTS = {
  pass: { mark: '✓', overall: '身份核验通过', short: '通过', code: 'PASS' },
  fail: { mark: '✗', overall: '身份核验未通过', short: '未通过', code: 'FAIL' },
  not_possible: { mark: '?', overall: '无法判定身份', short: '无法核验', code: 'NOT POSSIBLE' },
};
const ID_CARD_TYPES = {
  resident: '居民身份证',
  'hmt-residence-permit': '港澳台居民居住证',
  'foreign-permanent-2017': '外国人永久居留身份证',
  'foreign-permanent-2023': '外国人永久居留身份证',
};
const NO_ID_CARD = '身份证阅读器上没有身份证';
/** 性别 (GB/T 2261.1; the card stores "01", "02" …). */
const SEXES = { 0: '未知', 1: '男', 2: '女', 9: '未说明' };

const ADMIN = '请联系管理员';
/** Catalogue codes (docs/errors.md) in words for the desk; others get a generic sentence. */
const MESSAGES = {
  HCARD_E_NO_CARD: '请插入居民健康卡',
  HCARD_E_CARD_REMOVED: '卡片已拔出，请重新插卡',
  HCARD_E_PSAM_ABSENT: `读卡终端未插入 PSAM 卡，${ADMIN}`,
  HCARD_E_PSAM_PIN_MISSING: `读卡终端未配置 PSAM 密码，${ADMIN}`,
  HCARD_E_PSAM_PIN_WRONG: `读卡终端的 PSAM 密码不正确，${ADMIN}`,
  HCARD_E_PSAM_BLOCKED: `读卡终端的 PSAM 已锁定，${ADMIN}`,
  HCARD_E_PSAM_REFUSED: `读卡终端的 PSAM 拒绝操作，${ADMIN}`,
  HCARD_E_UNAUTHENTICATED: '令牌无效，请重新登录',
  HCARD_E_FORBIDDEN: `此令牌没有所需的权限，${ADMIN}`,
  HCARD_E_READER_NOT_FOUND: '未找到读卡器，请检查读卡器连接',
  HCARD_E_READER_BUSY: '读卡器正被其他程序使用，请稍后再试',
  HCARD_E_PCSC_NO_SERVICE: `读卡服务未运行，${ADMIN}`,
  HCARD_E_TRANSPORT: '读卡失败，请重新插卡',
  HCARD_E_RATE_LIMITED: '操作过于频繁，请稍后再试',
  HCARD_E_ANS_TOO_LONG: '就诊机构名称过长，请在设置中修改',
  HCARD_E_ANS_UNMAPPABLE: '就诊机构名称含有卡片不支持的字符，请在设置中修改',
  NETWORK: '无法连接读卡网关，请确认网关已启动',
};

const TOKEN_KEY = 'hcard.desk.token';
const HOSPITAL_KEY = 'hcard.desk.hospital';
const READER_KEY = 'hcard.desk.reader';
const POLL_MS = 500;
const SECTIONS = 'holder,photo,insurance';

const $ = (id) => document.getElementById(id);

const state = {
  token: sessionStorage.getItem(TOKEN_KEY),
  /** Aborts everything of the current login (event stream, polling, requests). */
  session: null,
  reader: localStorage.getItem(READER_KEY),
  readerNames: '',
  present: false,
  /** The chosen reader's PSAM slot, and whether it holds a card (null: not known yet). */
  psam: null,
  psamPresent: null,
  /** The card of this generation is in but could not be read (e.g. no PSAM): read it again when the PSAM goes in. */
  unread: false,
  /** The chosen reader's latest event counter as known here (-1: nothing known yet). */
  counter: -1,
  /** Bumped whenever the card on screen goes; answers started before are dropped. */
  generation: 0,
  /** Whether the card of this generation is on screen (the identity is asked for after it). */
  shown: false,
  /** Bumped per identity request; only the latest one's answer is shown. */
  identitySeq: 0,
  /** The ID-card reader's counter of the ID card the verdict on screen compared (-1: none). */
  idCardCounter: -1,
  /** The ID-card reader's counter as GET /v1/readers last gave it (-1: not yet, or no reader). */
  idCardPolled: -1,
  photoUrl: null,
  lastEventId: null,
  retryMs: 1000,
};

class ApiError extends Error {
  constructor(code, status) {
    super(code);
    this.code = code;
    this.status = status;
  }
}

// ---- requests ---------------------------------------------------------------------------------

async function api(path, init = {}) {
  let response;
  try {
    response = await fetch(path, {
      cache: 'no-store',
      signal: state.session?.signal,
      ...init,
      headers: { authorization: `Bearer ${state.token}`, ...init.headers },
    });
  } catch (e) {
    throw e.name === 'AbortError' ? e : new ApiError('NETWORK', 0);
  }
  if (response.ok) return response;
  const body = await response.json().catch(() => null);
  const error = new ApiError(body?.error?.code ?? `HTTP_${response.status}`, response.status);
  if (error.code === 'HCARD_E_UNAUTHENTICATED') logout(error);
  throw error;
}

const readerPath = () => `/v1/readers/${encodeURIComponent(state.reader)}`;

/** Waits `ms`, or less if `signal` aborts (the listener goes either way: the page runs all day). */
const sleep = (ms, signal) =>
  new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });

// ---- reader state: events, with polling as the fallback ---------------------------------------

async function follow(signal) {
  let delay = 1000;
  while (!signal.aborted) {
    try {
      const how = await streamEvents(signal, () => {
        delay = state.retryMs;
      });
      if (how === 'unavailable') return poll(signal);
    } catch (error) {
      if (signal.aborted || error.code === 'HCARD_E_UNAUTHENTICATED') return;
    }
    setConnection('连接中断，正在重连…', 'down');
    await sleep(delay, signal);
    delay = Math.min(delay * 2, 10_000);
  }
}

/** Reads the event stream until it ends; 'unavailable' when the gateway has no events route. */
async function streamEvents(signal, connected) {
  const headers = { accept: 'text/event-stream' };
  if (state.lastEventId !== null) headers['last-event-id'] = state.lastEventId;
  await refreshReaders(signal);
  let response;
  try {
    response = await api('/v1/events', { headers, signal });
  } catch (error) {
    if (error.status === 404) return 'unavailable';
    throw error;
  }
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) return 'unavailable';
  connected();
  setConnection('已连接（实时事件）', 'live');
  const chunks = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const feed = sseParser(onEvent);
  for (;;) {
    const { value, done } = await chunks.read();
    if (done) return 'ended';
    feed(value);
  }
}

/** An SSE parser (id:, event:, data:, retry:, comments); calls `dispatch(type, data)` per event. */
function sseParser(dispatch) {
  let buffer = '';
  let data = [];
  let type = '';
  return (chunk) => {
    buffer += chunk;
    // A lone CR at the very end may be the first half of a CRLF: wait for more.
    for (let m = buffer.match(/\r\n|\n|\r(?!$)/); m; m = buffer.match(/\r\n|\n|\r(?!$)/)) {
      const line = buffer.slice(0, m.index);
      buffer = buffer.slice(m.index + m[0].length);
      if (line === '') {
        if (data.length > 0) dispatch(type || 'message', data.join('\n'));
        data = [];
        type = '';
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') data.push(value);
      else if (field === 'event') type = value;
      else if (field === 'id' && !value.includes('\0')) state.lastEventId = value;
      else if (field === 'retry' && /^\d+$/.test(value)) state.retryMs = Number(value);
    }
  };
}

function onEvent(type, data) {
  let event;
  try {
    event = JSON.parse(data);
  } catch {
    return;
  }
  if (type === 'reset') {
    // The gateway lost our place (restart, or too old): forget it; a `state` follows.
    state.counter = -1;
    state.lastEventId = null;
  } else if (type === 'state') showReaders(event.readers, false);
  else if (type === 'reader-added' || type === 'reader-removed') {
    if (type === 'reader-removed' && event.reader === state.reader) applyState(false, -1, true);
    refreshReaders(state.session?.signal, false).catch(() => undefined);
  } else if (type === 'idcard-placed') {
    // Another ID card was read on the ID-card reader (the event's reader is its serial port).
    if (state.shown && event.counter > state.idCardCounter) loadIdentity();
  } else if (event.reader === state.psam && (type === 'card-inserted' || type === 'card-removed')) {
    showPsam(type === 'card-inserted');
  } else if (event.reader === state.reader && event.counter > state.counter) {
    if (type === 'card-inserted') applyState(true, event.counter);
    else if (type === 'card-removed') applyState(false, event.counter);
  }
}

async function poll(signal) {
  while (!signal.aborted) {
    try {
      await refreshReaders(signal);
      setConnection('已连接（轮询）', 'poll');
    } catch (error) {
      if (signal.aborted || error.code === 'HCARD_E_UNAUTHENTICATED') return;
      setConnection(error.code === 'NETWORK' ? '网关无响应' : '读卡服务异常', 'down');
    }
    await sleep(POLL_MS, signal);
  }
}

/** Reads the readers; `force`: take what they say even where it looks older. */
async function refreshReaders(signal, force = true) {
  const { readers, idCard } = await (await api('/v1/readers', { signal })).json();
  showReaders(readers, force);
  // Without the event stream (polling) no idcard-placed comes: a new ID card shows in the
  // counter. A lower one is a restarted gateway, whose next card may have any earlier number.
  if (!idCard || idCard.counter === state.idCardPolled) return;
  const restarted = idCard.counter < state.idCardPolled;
  state.idCardPolled = idCard.counter;
  if (state.shown && (restarted || idCard.counter > state.idCardCounter)) loadIdentity();
}

/** The readers as GET /v1/readers lists them; unless `force`, older news is ignored. */
function showReaders(readers, force) {
  // Readers that take health cards: those with a paired PSAM slot.
  const users = readers.filter((r) => r.psam !== null);
  const names = users.map((r) => r.name);
  if (!names.includes(state.reader)) state.reader = names[0] ?? null;
  if (names.join('\n') !== state.readerNames) {
    state.readerNames = names.join('\n');
    $('reader').replaceChildren(...names.map((n) => new Option(n, n, false, n === state.reader)));
  }
  const reader = users.find((r) => r.name === state.reader);
  state.psam = reader?.psam ?? null;
  showPsam(Boolean(readers.find((r) => r.name === state.psam)?.cardPresent));
  applyState(Boolean(reader?.cardPresent), reader ? reader.counter : -1, force);
}

/** The PSAM slot's state: a PSAM put in reads the card that could not be read without it. */
function showPsam(present) {
  const arrived = present && state.psamPresent === false;
  state.psamPresent = present;
  if (arrived && state.unread) {
    clearCard();
    loadCard();
  }
}

/** The chosen reader has a card or not, as of its event `counter` (older news is ignored). */
function applyState(present, counter, force = false) {
  if (!force && counter < state.counter) return;
  const changed = present !== state.present || counter !== state.counter;
  state.present = present;
  state.counter = counter;
  $('reader-status').textContent = state.reader ? (present ? '已插卡' : '未插卡') : '未发现读卡器';
  if (!changed) return;
  clearCard();
  if (present) loadCard();
}

// ---- the card ---------------------------------------------------------------------------------

async function loadCard() {
  const generation = state.generation;
  placeholder('正在读卡…');
  try {
    const { card } = await (await api(`${readerPath()}/card?sections=${SECTIONS}`)).json();
    if (generation !== state.generation) return;
    showCard(card);
    state.shown = true;
    $('register').disabled = false;
    loadIdentity();
  } catch (error) {
    if (generation !== state.generation || error.name === 'AbortError') return;
    // The card is in but was not read (no PSAM, a PIN, a refusal): say so, not "insert the card".
    const gone = error.code === 'HCARD_E_NO_CARD' || error.code === 'HCARD_E_CARD_REMOVED';
    state.unread = !gone;
    placeholder(gone ? '请插入居民健康卡' : '未能读卡');
    showMessage(error);
  }
}

function showCard({ holder = {}, photo = null, insurance = {} }) {
  const figure = document.createElement('img');
  figure.alt = '持卡人照片';
  if (photo) {
    const bytes = Uint8Array.from(atob(photo.base64), (c) => c.charCodeAt(0));
    state.photoUrl = URL.createObjectURL(new Blob([bytes], { type: photo.mime }));
    figure.src = state.photoUrl;
  }
  const id = holder.idNumber ?? '';
  const rural = insurance.ruralInsuranceNumber ?? '';
  const schemes = ['paymentScheme1', 'paymentScheme2', 'paymentScheme3']
    .map((k) => insurance[k])
    .filter(Boolean)
    .map((code) => PAYMENT_SCHEMES[Number(code)] ?? code);
  const rows = [
    ['姓名', holder.name ?? '', 'name'],
    ['性别', SEXES[Number(holder.sex)] ?? ''],
    ['年龄', age(holder.birthDate)],
    ['身份证号', mask(id)],
    ['新农合号', rural === '' ? '无' : rural === id ? '同身份证号' : mask(rural)],
    ['支付方式', schemes.join('、') || '无'],
  ];
  $('card').replaceChildren(figure, definitionList(rows));
}

/** A <dl> of [label, value, className?] rows. */
function definitionList(rows) {
  const list = document.createElement('dl');
  for (const [label, value, className] of rows) {
    const dd = document.createElement('dd');
    dd.textContent = value;
    if (className) dd.className = className;
    const dt = document.createElement('dt');
    dt.textContent = label;
    list.append(dt, dd);
  }
  return list;
}

/** Empties the card, ID-card and identity panels: nothing of the last card stays in the page. */
function clearCard() {
  state.generation++;
  state.shown = false;
  state.unread = false;
  state.idCardCounter = -1;
  if (state.photoUrl) URL.revokeObjectURL(state.photoUrl);
  state.photoUrl = null;
  placeholder('请插入居民健康卡');
  hide('idcard');
  hide('identity');
  $('register').disabled = true;
  $('result').textContent = '';
  showMessage(null);
}

/** One line of text in place of what the panel `id` showed. */
function placeholder(text, id = 'card') {
  const p = document.createElement('p');
  p.className = 'placeholder';
  p.textContent = text;
  $(id).replaceChildren(p);
  $(id).hidden = false;
}

function hide(id) {
  $(id).replaceChildren();
  $(id).hidden = true;
}

// ---- the identity verdict and the ID card -----------------------------------------------------

/** Asks for the verdict on the card on screen, then for the ID card it was compared with. */
async function loadIdentity() {
  const generation = state.generation;
  const seq = ++state.identitySeq;
  const current = () => generation === state.generation && seq === state.identitySeq;
  placeholder('正在核验身份…', 'identity');
  if (!$('idcard').hidden) placeholder('正在读取身份证…', 'idcard');
  let identity;
  try {
    identity = await (await api(`${readerPath()}/identity`)).json();
  } catch (error) {
    if (!current() || error.name === 'AbortError') return;
    placeholder(`无法核验身份：${say(error)}`, 'identity');
    hide('idcard');
    return;
  }
  if (!current()) return;
  showIdentity(identity);
  state.idCardCounter = identity.idCard?.counter ?? -1;
  const compared = identity.checks.find((c) => c.check === 'id_card_matches');
  if (identity.idCard) await loadIdCard(current);
  // The gateway has an ID-card reader but read no card on it (the detail is the error's code).
  else if (compared?.reason === 'ID_CARD_NOT_READ') idCardNotRead(compared.detail);
  // No ID-card reader (NO_ID_CARD): nothing to show, nothing to ask.
  else hide('idcard');
}

async function loadIdCard(current) {
  try {
    const body = await (await api('/v1/idcard')).json();
    if (current()) showIdCard(body);
  } catch (error) {
    if (!current() || error.name === 'AbortError') return;
    // 503 without an ID-card reader (or without a catalogue code at all): nothing to show.
    if (error.code === 'HCARD_E_IDCARD_NOT_CONFIGURED' || error.code === 'HTTP_503') hide('idcard');
    else idCardNotRead(error.code);
  }
}

/** Quietly, in the ID-card panel: no card on the reader, or why it could not be read. */
function idCardNotRead(code) {
  if (!code || code === 'HCARD_E_NO_CARD') placeholder(NO_ID_CARD, 'idcard');
  else placeholder(`未能读取身份证，请将身份证重新放到阅读器上（${code}）`, 'idcard');
}

function showIdentity({ verdict, checks }) {
  const overall = document.createElement('p');
  overall.className = 'verdict';
  overall.dataset.verdict = verdict;
  const v = VERDICTS[verdict];
  overall.textContent = v ? `${v.mark} ${v.overall}（${v.code}）` : verdict;
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const title of ['核验项', '结果', '原因代码', '说明']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = title;
    head.append(th);
  }
  const body = table.createTBody();
  for (const c of checks) {
    const row = body.insertRow();
    row.dataset.check = c.check;
    row.dataset.verdict = c.verdict;
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = IDENTITY_CHECK_LABELS[c.check] ?? c.check;
    const cv = VERDICTS[c.verdict];
    const result = row.insertCell();
    result.className = 'result';
    result.textContent = cv ? `${cv.mark} ${cv.short}` : c.verdict;
    const reason = document.createElement('code');
    reason.textContent = c.reason;
    row.insertCell().append(reason);
    const words = row.insertCell();
    words.textContent = c.words;
    if (c.detail) {
      const detail = document.createElement('span');
      detail.className = 'detail';
      detail.textContent = `（${c.detail}）`;
      words.append(detail);
    }
    row.prepend(name);
  }
  $('identity').replaceChildren(overall, table);
  $('identity').hidden = false;
}

function showIdCard({ card = {}, appendedAddress, photo }) {
  const photoBox = document.createElement('div');
  photoBox.className = 'nophoto';
  // The chip's photo is WLT-compressed; no licensed decoder is available to the page.
  photoBox.textContent = photo?.decoded ? '' : '身份证照片为 WLT 格式，无法解码显示';
  const title = document.createElement('h2');
  title.textContent = ID_CARD_TYPES[card.type] ?? '身份证件';
  const until = card.validTo === '长期' ? '长期' : dotted(card.validTo);
  const rows = [
    ['姓名', card.name ?? card.chineseName ?? card.englishName ?? card.foreignName ?? '', 'name'],
    ['性别', card.sex?.text ?? card.sex?.code ?? ''],
    card.ethnicity && ['民族', ethnicity(card.ethnicity)],
    card.nationality && ['国籍', card.nationality],
    ['出生', birth(card.birthDate)],
    ['证件号码', mask(card.idNumber ?? card.permitNumber ?? '')],
    card.address !== undefined && ['住址', card.address],
    appendedAddress && ['追加住址', appendedAddress],
    card.issuer && ['签发机关', card.issuer],
    ['有效期限', `${dotted(card.validFrom)} 至 ${until}`],
  ].filter(Boolean);
  const text = document.createElement('div');
  text.append(title, definitionList(rows));
  $('idcard').replaceChildren(photoBox, text);
  $('idcard').hidden = false;
}

/** 汉族, 蒙古族 … for the 56 listed (01–56); the others as they are. */
function ethnicity({ code, text }) {
  if (text === undefined) return code;
  const n = Number(code);
  return n >= 1 && n <= 56 ? `${text}族` : text;
}

/** YYYYMMDD → YYYY.MM.DD, as the ID card prints its validity. */
const dotted = (d) =>
  /^\d{8}$/.test(d ?? '') ? `${d.slice(0, 4)}.${d.slice(4, 6)}.${d.slice(6)}` : (d ?? '');
/** YYYYMMDD → YYYY年M月D日. */
const birth = (d) =>
  /^\d{8}$/.test(d ?? '') ? `${d.slice(0, 4)}年${Number(d.slice(4, 6))}月${Number(d.slice(6))}日` : (d ?? '');

/** 1406**********5929: the first and last four characters. */
const mask = (s) =>
  s.length > 8 ? s.slice(0, 4) + '*'.repeat(s.length - 8) + s.slice(-4) : '*'.repeat(s.length);

/** Whole years on `today` (exported for the browser test); '' for a date not yet come or unreadable. */
export function age(birthDate, today = new Date()) {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(birthDate ?? '');
  if (!m) return '';
  const [year, month, day] = m.slice(1).map(Number);
  let years = today.getFullYear() - year;
  if ((today.getMonth() + 1) * 100 + today.getDate() < month * 100 + day) years--;
  return years < 0 ? '' : years === 0 ? '不满 1 岁' : `${years} 岁`;
}

// ---- registering a visit ----------------------------------------------------------------------

async function register() {
  const hospital = $('hospital').value.trim();
  if (!hospital) {
    showMessage(new ApiError('NO_HOSPITAL'), '请先在“设置”中填写就诊机构名称');
    $('hospital').closest('details').open = true;
    return;
  }
  const generation = state.generation;
  $('register').disabled = true;
  $('result').textContent = '正在写卡…';
  // One key per click: a retry of this click (the answer lost on the way) writes nothing twice.
  const key = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
  const body = JSON.stringify({
    kind: 'outpatient',
    items: { visitHospitalName: hospital, visitDateTime: cardDateTime(new Date()) },
    // The card on screen: the gateway refuses the write if another card is in the reader now.
    ...(state.counter >= 0 ? { counter: state.counter } : {}),
  });
  const post = () =>
    api(`${readerPath()}/card/encounters`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body,
    });
  try {
    let response;
    for (let attempt = 1; ; attempt++) {
      try {
        response = await post();
        break;
      } catch (error) {
        if (error.code !== 'NETWORK' || attempt === 3) throw error;
        await sleep(500);
      }
    }
    const written = await response.json();
    if (generation !== state.generation) return;
    // The button stays off until the next card: a visit is registered once.
    $('result').textContent = `已登记门诊（第 ${written.record} 条门诊记录）`;
  } catch (error) {
    if (generation !== state.generation || error.name === 'AbortError') return;
    $('result').textContent = '';
    $('register').disabled = false;
    showMessage(error);
  }
}

/** cn 7 on the card: YYYYMMDDhhmmss, local time. */
function cardDateTime(d) {
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}`;
}

// ---- screens ----------------------------------------------------------------------------------

/** An error in words for the desk. */
const say = (error) => MESSAGES[error.code] ?? `操作未完成，请重试或${ADMIN}（错误代码 ${error.code}）`;

function showMessage(error, text) {
  const box = $('message');
  box.hidden = !error;
  box.textContent = error ? (text ?? say(error)) : '';
}

function setConnection(text, kind) {
  const badge = $('connection');
  badge.textContent = text;
  badge.dataset.kind = kind;
}

function begin() {
  state.session = new AbortController();
  $('login').hidden = true;
  $('desk').hidden = false;
  $('logout').hidden = false;
  setConnection('连接中…', 'connecting');
  follow(state.session.signal);
}

function logout(error) {
  state.session?.abort();
  state.session = null;
  state.token = null;
  sessionStorage.removeItem(TOKEN_KEY);
  clearCard();
  state.present = false;
  state.counter = -1;
  state.lastEventId = null;
  state.readerNames = '';
  $('reader').replaceChildren();
  $('desk').hidden = true;
  $('logout').hidden = true;
  $('login').hidden = false;
  setConnection('未登录', 'none');
  if (error) showMessage(error);
  $('token').focus();
}

async function login(event) {
  event.preventDefault();
  const token = $('token').value.trim();
  $('token').value = '';
  if (!token) return;
  state.token = token;
  showMessage(null);
  try {
    await api('/v1/readers'); // checks the token before keeping it
  } catch (error) {
    if (error.code !== 'HCARD_E_UNAUTHENTICATED') {
      state.token = null;
      showMessage(error);
    }
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  begin();
}

$('login').addEventListener('submit', login);
$('logout').addEventListener('click', () => logout());
$('register').addEventListener('click', register);
$('reader').addEventListener('change', () => {
  state.reader = $('reader').value;
  localStorage.setItem(READER_KEY, state.reader);
  applyState(false, -1, true);
  refreshReaders(state.session?.signal).catch(() => undefined);
});
$('hospital').value = localStorage.getItem(HOSPITAL_KEY) ?? '';
$('hospital').addEventListener('change', () =>
  localStorage.setItem(HOSPITAL_KEY, $('hospital').value.trim()),
);
if (state.token) begin();
else logout();
