import { describe, expect, it } from 'vitest';
import { isoAt, isUuid, requestIds } from './line-parts.js';

describe('line parts', () => {
  it('knows a UUID from anything else of its length', () => {
    const id = crypto.randomUUID();
    expect(isUuid(id)).toBe(true);
    expect(isUuid(id.toUpperCase())).toBe(true);
    expect(isUuid(`${id}0`)).toBe(false);
    expect(isUuid(id.slice(1))).toBe(false);
    expect(isUuid(`${id.slice(0, 35)}g`)).toBe(false);
    expect(isUuid(`${id.slice(0, 8)}0${id.slice(9)}`)).toBe(false); // no hyphen at 8
    expect(isUuid(`${id.slice(0, 23)}0${id.slice(24)}`)).toBe(false); // no hyphen at 23
    expect(isUuid(`${'1'.repeat(8)}-${'3'.repeat(4)}-8000-1380-013800138000`)).toBe(true);
    expect(isUuid('110101199003071234 13800138000 张三丰')).toBe(false);
  });

  it('makes request ids in the version-4 UUID form, none twice, in a source and across sources', () => {
    const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const first = requestIds();
    const second = requestIds();
    const ids = [...Array.from({ length: 5000 }, first), ...Array.from({ length: 5000 }, second)];
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(ids.every(isUuid)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives a time as ISO text, the same again within a millisecond', () => {
    const now = Date.now();
    for (const ms of [now, now, now + 1, 0, Date.UTC(2026, 11, 1, 23, 59, 59, 999)])
      expect(isoAt(ms)).toBe(new Date(ms).toISOString());
  });
});
