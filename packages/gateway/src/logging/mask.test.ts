import { gb11643CheckDigit } from '@hcard/card-core';
import { generateResident } from '@hcard/emulator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNameKey, isSecretKey, PersonalDataMasker, REDACTED, redactUrl } from './mask.js';

// Synthetic people only: ID numbers with valid GB 11643 check characters for real county codes.
const id = (first17: string): string => first17 + gb11643CheckDigit(first17);
const ID = id('41010219900101123'); // 410102199001011234
const ID_X = id('11010519491231002'); // 11010519491231002X, the standard's own example
const ID_M = `${ID.slice(0, 4)}**********${ID.slice(-4)}`;

/** Non-ASCII as `\uXXXX` escapes, as some JSON writers emit it. */
const escapeNonAscii = (text: string, upper = false): string =>
  text.replace(/[^\x00-\x7f]/g, (c) => {
    const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
    return `\\u${upper ? hex.toUpperCase() : hex}`;
  });

function masker(...names: string[]): PersonalDataMasker {
  const m = new PersonalDataMasker();
  m.rememberAll(names);
  return m;
}

describe('ID numbers, phones and card numbers', () => {
  it.each([
    ['ID in a field', `{"idNumber":"${ID}"}`, `{"idNumber":"${ID_M}"}`],
    ['ID in a message', `{"msg":"read card ${ID} ok"}`, `{"msg":"read card ${ID_M} ok"}`],
    ['ID glued to letters', `{"msg":"ID${ID}ok"}`, `{"msg":"ID${ID_M}ok"}`],
    ['ID ending in X', `"${ID_X}"`, '"1101**********002X"'],
    ['ID ending in lowercase x', `"${ID_X.toLowerCase()}"`, '"1101**********002x"'],
    ['ID grouped 6-8-4', '410102 19900101 1234', '4101** ******** 1234'],
    ['ID in full-width digits', '４１０１０２１９９００１０１１２３４', '４１０１**********１２３４'],
    ['mobile in full-width digits', '电话１３８１２３４５６７８。', '电话１３８****５６７８。'],
    ['old 15-digit ID', 'id=410102900101123', 'id=4101*******1123'],
    ['mobile', '{"phone1":"13812345678"}', '{"phone1":"138****5678"}'],
    ['mobile with +86', 'tel +8613812345678.', 'tel +86138****5678.'],
    ['mobile grouped 3-4-4', 'tel 138-1234-5678', 'tel 138-****-5678'],
    ['landline', '{"phone2":"0371-2345678"}', '{"phone2":"0371-***5678"}'],
    ['landline in parentheses', 'tel (010)62345678', 'tel (010)****5678'],
    ['landline glued to a digit', 'x50371-2345678', 'x50371-***5678'],
    ['landline followed by a digit', '"029-641707500"', '"029-*****7500"'],
    ['19-digit PAN', '{"pan":"6222021234567890123"}', '{"pan":"6222***********0123"}'],
    ['16-digit PAN in fours', 'card 6222 0212 3456 7890', 'card 6222 **** **** 7890'],
    ['17-digit health-record number', '"41010212345678901"', '"4101*********8901"'],
    ['12-digit run', '"123456789012"', '"1234****9012"'],
    ['a PAN split only by quotes', `"a":"6222021234567890"`, `"a":"6222********7890"`],
    // Property test counterexample (fast-check seed -1963470013): the shape of a JSON fraction
    // inside a string. A fraction that is a whole mobile or ID number is masked too.
    ['a mobile after "[0." in a string', '{"msg":"[0.17279468786}"}', '{"msg":"[0.172****8786}"}'],
    ['an ID as a fraction', '[0.410102199001011234]', '[0.4101**********1234]'],
    [
      'digits after a dot in a string',
      String.raw`"\u53f7.13812345678 v1.6222021234567890"`,
      String.raw`"\u53f7.138****5678 v1.6222********7890"`,
    ],
  ])('%s', (_label, line, expected) => {
    expect(masker().mask(line)).toBe(expected);
  });

  it.each([
    ['pino time', '{"level":30,"time":1718000000000,"pid":4242}'],
    ['a numeric time field', '{"responseTime":12.5,"startedAt":1718000000000}'],
    ['the fraction of a decimal number', '{"responseTime":47.327986000596,"ratio":0.1234567890123}'],
    ['a request id (UUID with an all-digit group)', '{"reqId":"550e8400-e29b-41d4-a716-446655440000"}'],
    [
      'short numbers and dates',
      '{"port":8473,"date":"20240601","sw":"6A82","iso":"2024-06-01T08:00:00.000Z"}',
    ],
    ['an 11-digit number that is no mobile', '"12345678901"'],
  ])('leaves %s alone', (_label, line) => {
    expect(masker().mask(line)).toBe(line);
  });
});

describe('names', () => {
  it.each([
    ['a remembered name', ['张三丰'], '{"msg":"card of 张三丰 read"}', '{"msg":"card of 张* read"}'],
    [
      'a remembered name, escaped',
      ['张三丰'],
      String.raw`{"msg":"\u5f20\u4e09\u4e30"}`,
      String.raw`{"msg":"\u5f20*"}`,
    ],
    ['escaped, uppercase hex', ['张三丰'], String.raw`"\u5F20\u4E09\u4E30"`, String.raw`"\u5F20*"`],
    ['escaped twice', ['张三丰'], String.raw`"\\u5f20\\u4e09\\u4e30"`, String.raw`"\\u5f20*"`],
    ['percent-encoded', ['张三丰'], '/card?q=%E5%BC%A0%E4%B8%89%E4%B8%B0&a=1', '/card?q=%E5%BC%A0*&a=1'],
    ['spaced out', ['王芳'], '持卡人：王　芳，', '持卡人：王*，'],
    ['inside other text', ['王芳'], '患者王芳已挂号', '患者王*已挂号'],
    [
      'in an error stack',
      ['李建国'],
      'Error: 李建国 not found\n    at read (card.ts:1:1)',
      'Error: 李* not found\n    at read (card.ts:1:1)',
    ],
    ['a minority name with a middle dot', ['阿卜杜拉·买买提'], '"阿卜杜拉•买买提"', '"阿*"'],
    ['an astral character, escaped', ['𠮷一'], String.raw`"\ud842\udfb7\u4e00"`, String.raw`"\ud842\udfb7*"`],
    ['a Latin name at word boundaries only', ['Wang Fang'], 'by wang fang; wang fangs', 'by w*; wang fangs'],
  ])('%s', (_label, names, line, expected) => {
    expect(masker(...names).mask(line)).toBe(expected);
  });

  it.each([
    ['xm', '{"xm":"张三"}', '{"xm":"张*"}'],
    ['name, 4 characters', '{"name":"欧阳娜娜"}', '{"name":"欧*"}'],
    [
      'psn_name in JSON inside a string',
      String.raw`{"msg":"body {\"psn_name\":\"王五\"}"}`,
      String.raw`{"msg":"body {\"psn_name\":\"王*\"}"}`,
    ],
    ['LXRXM1, escaped value', String.raw`{"LXRXM1":"\u674e\u56db"}`, String.raw`{"LXRXM1":"\u674e*"}`],
    ['holderName with spaces', '{"holderName" : "赵 六"}', '{"holderName" : "赵*"}'],
    ['contact2Name', '{"contact2Name":"孙七"}', '{"contact2Name":"孙*"}'],
    ['姓名 in text', '姓名：周八，性别：男', '姓名：周*，性别：男'],
    ['a query parameter, percent-encoded', '/compat?xm=%E5%90%B4%E4%B9%9D&x=1', '/compat?xm=%E5%90%B4*&x=1'],
    ['a minority name with a middle dot', '{"xm":"阿卜杜拉·买买提"}', '{"xm":"阿*"}'],
  ])('in a name field: %s', (_label, line, expected) => {
    expect(masker().mask(line)).toBe(expected);
  });

  it('masks, on the same line, the names it found in name fields', () => {
    expect(masker().mask('{"msg":"挂号 钱十 成功","psn_name":"钱十"}')).toBe(
      '{"msg":"挂号 钱* 成功","psn_name":"钱*"}',
    );
  });

  it.each([
    ['an issuer (not a person)', '{"issuerName":"郑州卫健委"}'],
    ['a reader name', '{"readerName":"挂号窗口"}'],
    ['CJK text outside a name field', '{"msg":"读卡成功","sections":["基本信息"]}'],
    ['a single character', '{"xm":"张"}'],
    ['a long value in a name field (an organisation, not a name)', '{"name":"郑州市第一人民医院"}'],
  ])('leaves %s alone', (_label, line) => {
    expect(masker().mask(line)).toBe(line);
  });

  it('keeps a bounded registry: the least recently remembered name goes first', () => {
    const m = new PersonalDataMasker({ maxNames: 2 });
    m.rememberAll(['张三', '李四']);
    m.remember('张三'); // refreshed: 李四 is now the oldest
    m.remember('王五');
    expect(m.size).toBe(2);
    expect(m.mask('张三 李四 王五')).toBe('张* 李四 王*');
  });

  it('ignores what would mask ordinary text', () => {
    const m = masker('', '张', 'Li', '  ');
    expect(m.size).toBe(0);
    expect(m.mask('张 Li list')).toBe('张 Li list');
  });

  it('recognises name keys', () => {
    for (const key of [
      'xm',
      'XM',
      'name',
      'psn_name',
      'psnName',
      'LXRXM',
      'LXRXM2',
      'holderName',
      'contact1Name',
      '联系人姓名',
    ]) {
      expect([key, isNameKey(key)]).toEqual([key, true]);
    }
    for (const key of [
      'hostname',
      'fileName',
      'issuerName',
      'readerName',
      'msg',
      'namespace',
      'names_count',
    ]) {
      expect([key, isNameKey(key)]).toEqual([key, false]);
    }
  });
});

describe('PINs, keys and tokens', () => {
  const TOKEN = 'hcard_Zm9vYmFyYmF6cXV4cXV1eHh5ejAxMjM0NTY3ODkwMTI';
  it.each([
    ['pin', '{"pin":"123456"}', `{"pin":"${REDACTED}"}`],
    ['psamPin as a number', '{"psamPin":123456,"ok":true}', `{"psamPin":"${REDACTED}","ok":true}`],
    [
      'HCARD_PSAM_PIN nested',
      '{"env":{"HCARD_PSAM_PIN":"654321"}}',
      `{"env":{"HCARD_PSAM_PIN":"${REDACTED}"}}`,
    ],
    ['a key object', '{"key":{"hex":"00112233","kid":[1,"}"]},"n":1}', `{"key":"${REDACTED}","n":1}`],
    ['a password array', '{"Password":["a","b"]}', `{"Password":"${REDACTED}"}`],
    ['secret and token', '{"secret":"s3","token":"t0"}', `{"secret":"${REDACTED}","token":"${REDACTED}"}`],
    [
      'an authorization header',
      `{"headers":{"authorization":"Bearer ${TOKEN}"}}`,
      `{"headers":{"authorization":"${REDACTED}"}}`,
    ],
    ['a cookie header', '{"cookie":"sid=abc; x=1"}', `{"cookie":"${REDACTED}"}`],
    [
      'JSON inside a string',
      String.raw`{"msg":"sent {\"pin\":\"123456\",\"n\":1}"}`,
      String.raw`{"msg":"sent {\"pin\":\"[REDACTED]\",\"n\":1}"}`,
    ],
    ['an escaped quote inside the secret', String.raw`{"pin":"12\"34","n":1}`, `{"pin":"${REDACTED}","n":1}`],
    ['header text', 'Authorization: Bearer abc.def.ghi', `Authorization: ${REDACTED}`],
    [
      'a bearer token in a message',
      `{"msg":"refused Bearer ${TOKEN}"}`,
      `{"msg":"refused Bearer ${REDACTED}"}`,
    ],
    [
      'a gateway token anywhere',
      `{"msg":"token ${TOKEN} revoked"}`,
      `{"msg":"token hcard_${REDACTED} revoked"}`,
    ],
    [
      'ticket in a URL',
      '{"url":"/events?ticket=abc123&reader=1"}',
      `{"url":"/events?ticket=${REDACTED}&reader=1"}`,
    ],
    ['access_token in a URL', '"GET /x?a=1&access_token=abc"', `"GET /x?a=1&access_token=${REDACTED}"`],
    [
      'an environment dump',
      'HCARD_PSAM_PIN=123456 API_KEY=s3cr3t node x',
      `HCARD_PSAM_PIN=${REDACTED} API_KEY=${REDACTED} node x`,
    ],
    ['a PIN in a message', '{"msg":"PSAM refused PIN 123456"}', `{"msg":"PSAM refused PIN ${REDACTED}"}`],
    ['a PIN in Chinese', '密码：123456，', `密码：${REDACTED}，`],
    [
      'a Chinese secret key',
      '{"PSAM密码":"123456","卡口令":42}',
      `{"PSAM密码":"${REDACTED}","卡口令":"${REDACTED}"}`,
    ],
  ])('%s', (_label, line, expected) => {
    expect(masker().mask(line)).toBe(expected);
  });

  it.each([
    ['PIN tries', '{"pinTriesLeft":2,"keyId":"k1","monkey":"x","msg":"PIN wrong, 2 tries left"}'],
    ['a sentence about tokens', '{"msg":"bearer tokens are hashed"}'],
  ])('leaves %s alone', (_label, line) => {
    expect(masker().mask(line)).toBe(line);
  });

  it('recognises secret keys by their last word', () => {
    for (const key of [
      'pin',
      'PIN',
      'psamPin',
      'HCARD_PSAM_PIN',
      'key',
      'x-api-key',
      'accessToken',
      'access_token',
      'ticket',
      'Authorization',
      'password',
      'clientSecret',
      'pinBlock',
      'pinCode',
    ]) {
      expect([key, isSecretKey(key)]).toEqual([key, true]);
    }
    for (const key of ['pinTriesLeft', 'keyId', 'monkey', 'tokenId', 'msg', 'spin']) {
      expect([key, isSecretKey(key)]).toEqual([key, false]);
    }
  });

  it('redacts secret query parameters of a URL and keeps the rest', () => {
    expect(redactUrl('/card?ticket=a%20b&sections=basic&token=x#frag')).toBe(
      `/card?ticket=${REDACTED}&sections=basic&token=${REDACTED}#frag`,
    );
    expect(redactUrl('/card/basic')).toBe('/card/basic');
  });
});

describe('the masker as a whole', () => {
  const line =
    JSON.stringify({
      level: 30,
      time: 1718000000000,
      reqId: '550e8400-e29b-41d4-a716-446655440000',
      msg: `read ${ID} for 张三丰, tel 13812345678`,
      card: { xm: '李四', idNumber: ID_X, pan: '6222021234567890123', psamPin: '123456' },
      url: '/card?ticket=abc',
    }) + '\n';

  it('keeps a JSON line valid JSON with the same keys, and its newline', () => {
    const masked = masker('张三丰').mask(line);
    expect(masked.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(masked);
    expect(Object.keys(parsed)).toEqual(Object.keys(JSON.parse(line)));
    expect(Object.keys(parsed.card)).toEqual(['xm', 'idNumber', 'pan', 'psamPin']);
    expect(parsed.time).toBe(1718000000000);
    expect(parsed.reqId).toBe('550e8400-e29b-41d4-a716-446655440000');
  });

  it('is idempotent', () => {
    const m = masker('张三丰');
    const once = m.mask(line);
    expect(m.mask(once)).toBe(once);
    expect(m.mask(escapeNonAscii(once))).toBe(escapeNonAscii(once));
  });
});

// ---------------------------------------------------------------------------------------------
// Property: synthetic residents anywhere in random log objects never come out in clear.

const NOISE = fc.string({
  unit: fc.constantFrom(...'abcuxXYZ019０ -_:,.;/?&=+%"\'\\{}[]\n\t，。·　张王李的了卡号电话'.split('')),
  maxLength: 6,
});
const KEYS = fc.constantFrom(
  'msg',
  'data',
  'detail',
  'value',
  'xm',
  'name',
  'holder',
  'contacts',
  'q',
  'note',
  'a_b',
);

/** A random JSON value with the given strings embedded somewhere (inside strings, as values, in arrays). */
function embedding(secrets: readonly string[]): fc.Arbitrary<unknown> {
  const placed = fc
    .tuple(fc.constantFrom(...secrets), NOISE, NOISE)
    .map(([s, before, after]) => `${before}${s}${after}`);
  const leaf = fc.oneof(placed, fc.constantFrom(...secrets), NOISE, fc.integer(), fc.boolean());
  const tree = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      leaf,
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(KEYS, tie('node'), { maxKeys: 3 }),
    ),
  })).node;
  // Every secret at least once, at a random place in a random object.
  return fc
    .tuple(
      fc.dictionary(KEYS, tree, { maxKeys: 4 }),
      fc.shuffledSubarray([...secrets], { minLength: secrets.length }),
      fc.array(fc.nat(), { minLength: secrets.length, maxLength: secrets.length }),
      NOISE,
    )
    .map(([object, order, positions, before]) => {
      const entries = Object.entries(object as Record<string, unknown>);
      order.forEach((secret, i) => {
        entries.splice(positions[i]! % (entries.length + 1), 0, [`k${i}`, `${before}${secret}`]);
      });
      return { level: 30, time: 1718000000000, ...Object.fromEntries(entries) };
    });
}

/** generateResident draws a photo too (~0.1 s): a pool of residents from scattered seeds, made once. */
const residents = new Map<number, ReturnType<typeof generateResident>>();
const RESIDENT = fc.integer({ min: 0, max: 23 }).map((i) => {
  const seed = 1009 + 7919 * i;
  if (!residents.has(seed)) residents.set(seed, generateResident(seed));
  return residents.get(seed)!;
});

describe('property: a synthetic resident never appears in a masked line', () => {
  it.each([
    ['raw UTF-8', (json: string) => json],
    ['\\u-escaped', (json: string) => escapeNonAscii(json)],
    ['\\u-escaped, uppercase', (json: string) => escapeNonAscii(json, true)],
  ])('written as %s', (_label, encode) => {
    fc.assert(
      fc.property(
        RESIDENT.chain(({ items }) => {
          const names = [items.name, items.contact1Name, items.contact2Name, items.contact3Name].filter(
            (n): n is string => !!n,
          );
          const phones = [
            items.phone1,
            items.phone2,
            items.contact1Phone,
            items.contact2Phone,
            items.contact3Phone,
          ].filter((p): p is string => !!p);
          const secrets = [items.idNumber!, ...phones, ...names];
          return fc.tuple(fc.constant({ idNumber: items.idNumber!, phones, names }), embedding(secrets));
        }),
        ([person, object]) => {
          const m = new PersonalDataMasker();
          m.rememberAll(person.names);
          const line = `${encode(JSON.stringify(object))}\n`;
          const masked = m.mask(line);
          const forbidden = [
            person.idNumber,
            ...person.phones,
            ...person.names,
            ...person.names.map((n) => escapeNonAscii(n)),
            ...person.names.map((n) => escapeNonAscii(n, true)),
          ];
          for (const value of forbidden) expect(masked).not.toContain(value);
          expect(() => JSON.parse(masked)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});
