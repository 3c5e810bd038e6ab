import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vpcdPortOf, vpcdSlots } from './vpcd-slots.js';

// The format of Debian's /etc/reader.conf.d/vpcd (package vsmartcard-vpcd), two devices.
const CONFIG = `FRIENDLYNAME "Virtual PCD"
DEVICENAME   /dev/null:0x8C7B
LIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so
CHANNELID    0x8C7B

FRIENDLYNAME "Virtual PCD B"
DEVICENAME /dev/null:0x8C7D
LIBPATH /usr/lib/pcsc/drivers/serial/libifdvpcd.so
CHANNELID 0x8C7D
`;

describe('vpcd slots from reader.conf (station/vpcd-slots.ts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hcard-vpcd-conf-'));
  writeFileSync(join(dir, 'vpcd'), CONFIG);
  writeFileSync(
    join(dir, 'other'),
    'FRIENDLYNAME "Some Reader"\nDEVICENAME /dev/ttyS0\nLIBPATH /usr/lib/pcsc/drivers/serial/libother.so\nCHANNELID 0x0103F8\n',
  );

  it('maps both slots of every vpcd device to its ports, and skips other drivers', () => {
    expect(Object.fromEntries(vpcdSlots(dir))).toEqual({
      'Virtual PCD 00 00': 35963,
      'Virtual PCD 00 01': 35964,
      'Virtual PCD B 00 00': 35965,
      'Virtual PCD B 00 01': 35966,
    });
  });

  it('names the readers it knows when asked for another', () => {
    expect(vpcdPortOf('Virtual PCD B 00 01', vpcdSlots(dir))).toBe(35966);
    expect(() => vpcdPortOf('Virtual PCD 01 00', vpcdSlots(dir))).toThrow(/Virtual PCD B 00 00/);
    expect(vpcdSlots(join(dir, 'missing')).size).toBe(0);
  });
});
