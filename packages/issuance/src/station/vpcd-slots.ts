/**
 * Which vpcd port a virtual reader listens on, from pcscd's reader configuration (Debian:
 * /etc/reader.conf.d/vpcd; the test rig: its own folder, named by HCARD_VPCD_CONFIG). Each vpcd
 * device has two slots: "<FRIENDLYNAME> 00 00" on port CHANNELID and "… 00 01" on CHANNELID+1.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hcardError } from '@hcard/card-core';

export const VPCD_CONFIG_ENV = 'HCARD_VPCD_CONFIG';
const DEFAULT_CONFIG = '/etc/reader.conf.d';
const VPCD_DRIVER = /libifdvpcd\.so/;

/** Reader name → port, for every vpcd device in a reader.conf file or folder of them. */
export function vpcdSlots(
  config: string = process.env[VPCD_CONFIG_ENV] ?? DEFAULT_CONFIG,
): Map<string, number> {
  const slots = new Map<string, number>();
  let files: string[];
  try {
    files = statSync(config).isDirectory() ? readdirSync(config).map((f) => join(config, f)) : [config];
  } catch {
    return slots;
  }
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    // Devices are blocks of "KEY value" lines separated by blank lines or a new FRIENDLYNAME.
    for (const block of text.split(/\n(?=\s*FRIENDLYNAME)/)) {
      const name = /FRIENDLYNAME\s+"([^"]+)"/.exec(block)?.[1];
      const channel = /CHANNELID\s+(0x[0-9a-f]+|\d+)/i.exec(block)?.[1];
      if (!name || !channel || !VPCD_DRIVER.test(block)) continue;
      const port = Number(channel);
      slots.set(`${name} 00 00`, port);
      slots.set(`${name} 00 01`, port + 1);
    }
  }
  return slots;
}

export function vpcdPortOf(reader: string, slots: Map<string, number> = vpcdSlots()): number {
  const port = slots.get(reader);
  if (port === undefined)
    throw hcardError(
      'HCARD_E_READER_NOT_FOUND',
      `"${reader}" is not a vpcd reader of pcscd's configuration (${[...slots.keys()].join(', ') || 'none found'}; set ${VPCD_CONFIG_ENV} to the reader.conf folder pcscd uses)`,
    );
  return port;
}
