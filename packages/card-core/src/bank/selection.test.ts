/** SELECT responses (spec B.1, B.2): application FCI, PSE FCI and PSE directory records. */
import { describe, expect, it } from 'vitest';
import { asciiBytes, fromHex, toHex } from '../bytes.js';
import { expectHcardError } from '../expect-error.test-helper.js';
import { parseDirectoryRecord, parseFci } from './selection.js';

/** The PBOC debit FCI of spec B.2, bytes assembled from its description (lengths by calculation). */
const B2_FCI =
  '6F608408A000000333010101A554500A50424F432044454249548701019F381B9F66049F02069F03069F1A0295055F2A02' +
  '9A039C019F3704DF60015F2D027A689F1101019F120A50424F43204445424954BF0C0E9F4D020B0ADF4D020C0ADF610102';

describe('FCI', () => {
  it('reads the DF name, label, priority and PDOL of the spec B.2 example', () => {
    const fci = parseFci(fromHex(B2_FCI));
    expect(fci).toMatchObject({
      dfName: 'A000000333010101',
      label: 'PBOC DEBIT',
      preferredName: 'PBOC DEBIT',
      priority: 1,
      directorySfi: undefined,
    });
    expect(fci.pdol).toHaveLength(10);
  });

  it('reads the directory SFI (88) of the PSE (spec B.1)', () => {
    const name = toHex(asciiBytes('1PAY.SYS.DDF01'));
    const fci = parseFci(fromHex(`6F1A840E${name}A5088801015F2D027A68`));
    expect(fci).toMatchObject({ dfName: name, directorySfi: 1, pdol: undefined });
  });

  it.each([
    ['not an FCI', '8405A000000333', 'not an FCI'],
    ['no DF name', '6F03A50100', 'without a DF name'],
    ['a DF name shorter than a RID', '6F06840400000003', 'without a DF name'],
    ['a directory SFI of 2 bytes', '6F0D8405A000000333A50488020101', 'directory SFI'],
    ['truncated TLV', '6F0D8405A000000333', 'not valid BER-TLV'],
  ])('rejects %s', (_what, hex, detail) => {
    const e = expectHcardError(() => parseFci(fromHex(hex)), 'HCARD_E_BANK_DATA_INVALID');
    expect(e.detail).toContain(detail);
  });
});

describe('PSE directory record', () => {
  it('lists the 61 entries with AID, label and priority; DDF entries (9D) are skipped', () => {
    const entries = parseDirectoryRecord(
      fromHex(
        '702C' +
          '61194F08A000000333010101500A50424F43204445424954870101' +
          '610D4F08A000000333010102870102' +
          '9D00',
      ),
    );
    expect(entries).toEqual([
      { aid: 'A000000333010101', label: 'PBOC DEBIT', priority: 1 },
      { aid: 'A000000333010102', label: undefined, priority: 2 },
    ]);
  });

  it('rejects a record that is not a template 70', () => {
    expectHcardError(() => parseDirectoryRecord(fromHex('6100')), 'HCARD_E_BANK_DATA_INVALID');
  });
});
