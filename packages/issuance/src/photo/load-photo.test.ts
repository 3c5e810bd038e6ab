import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isHcardError } from '@hcard/card-core';
import { describe, expect, it } from 'vitest';
import { loadPhotoFor } from './load-photo.js';

// Synthetic ID numbers (valid shape; the loader checks shape only).
const ID = '110101199003070011';
const ID_X = '11010119900307001X';

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hcard-photos-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}
const text = (b: Uint8Array | undefined) => (b ? Buffer.from(b).toString() : undefined);

describe('loadPhotoFor', () => {
  it.each(['.jpg', '.jpeg', '.JPG'])('finds <ID>%s', async (ext) => {
    const dir = await folder({ [`${ID}${ext}`]: 'photo' });
    expect(text(await loadPhotoFor(dir, ID))).toBe('photo');
  });

  it('finds a file named with a lowercase x, asked with either case', async () => {
    const dir = await folder({ '11010119900307001x.jpg': 'lower' });
    expect(text(await loadPhotoFor(dir, ID_X))).toBe('lower');
    expect(text(await loadPhotoFor(dir, ID_X.toLowerCase()))).toBe('lower');
  });

  it('prefers .jpg, and answers undefined when the folder has no photo for the ID', async () => {
    const dir = await folder({
      [`${ID}.jpg`]: 'jpg',
      [`${ID}.jpeg`]: 'jpeg',
      '110101199003070029.jpg': 'other',
    });
    expect(text(await loadPhotoFor(dir, ID))).toBe('jpg');
    expect(await loadPhotoFor(dir, '110101199003070037')).toBeUndefined();
  });

  it('refuses anything that is not an ID number shape (no path characters reach the file system)', async () => {
    const dir = await folder({});
    const error = await loadPhotoFor(dir, '../etc/passwd').catch((e) => e);
    expect(isHcardError(error, 'HCARD_E_ARG_INVALID')).toBe(true);
  });
});
