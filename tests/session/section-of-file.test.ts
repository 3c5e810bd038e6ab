/**
 * sectionOfFile: the section whose readCard decodes a TLV file's items. The gateway's compat
 * reads answer from a snapshot by it, and compat writes drop that section, so it must hold for
 * every TLV file of the profile: readCard of that section (alone) returns every item of the file.
 */
import { HEALTH_CARD_PROFILE, itemsOfFile, sectionOfFile } from '@hcard/card-core';
import { describe, expect, it } from 'vitest';
import { ok, openRig } from '../support/emulated-rig.js';

const TLV_FILES = [
  ...new Set(HEALTH_CARD_PROFILE.items.flatMap((i) => (i.location.kind === 'tlv' ? [i.location.file] : []))),
];

describe('sectionOfFile', () => {
  it('names, for every TLV file of the profile, a section whose read returns all its items', async () => {
    expect(TLV_FILES.length).toBeGreaterThanOrEqual(9);
    for (const file of TLV_FILES) {
      const section = sectionOfFile(file);
      expect(section, file).toBeDefined();
      const { built, session } = await openRig(`section-of-${file}`);
      const data = ok(await session.readCard([section!]));
      for (const item of itemsOfFile(HEALTH_CARD_PROFILE, file))
        expect(data.items[item.key], `${file} ${item.key} in ${section}`).toBe(built.items[item.key]);
    }
  });

  it('names no section for other files (photo, cyclic, index, encounter files)', () => {
    for (const file of ['DDF1/EF07', 'DDF1/DF02/EF07', 'DDF1/DF03/EF05', 'DDF1/DF03/EE01', 'DDF1/EF99'])
      expect(sectionOfFile(file), file).toBeUndefined();
  });
});
