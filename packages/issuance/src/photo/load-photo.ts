/**
 * Finds a resident's photo in the enrolment photo folder: `<ID>.jpg`, keyed by ID number. Photo
 * folders come from Windows desks and cameras, so the extension's case and `.jpeg` vary, and an
 * ID ending in X is often typed with a lowercase x.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hcardError } from '@hcard/card-core';

/** Tried in this order; the first is what the enrolment instructions ask for. */
const EXTENSIONS = ['.jpg', '.jpeg', '.JPG', '.JPEG'] as const;

/** Shape only (the pipeline validates checksums); it keeps path characters out of the file name. */
const ID_SHAPE = /^[0-9]{17}[0-9Xx]$/;

/** The photo's bytes, or undefined when the folder has none for this ID number. */
export async function loadPhotoFor(dir: string, idNumber: string): Promise<Uint8Array | undefined> {
  if (!ID_SHAPE.test(idNumber)) throw hcardError('HCARD_E_ARG_INVALID', 'not an ID number shape');
  for (const stem of fileStems(idNumber)) {
    for (const extension of EXTENSIONS) {
      const bytes = await readIfExists(join(dir, stem + extension));
      if (bytes) return bytes;
    }
  }
  return undefined;
}

function fileStems(idNumber: string): string[] {
  const upper = idNumber.toUpperCase();
  return upper.endsWith('X') ? [upper, `${upper.slice(0, -1)}x`] : [upper];
}

async function readIfExists(path: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw hcardError(
      'HCARD_E_PHOTO_UNREADABLE',
      'the photo file cannot be read',
      { errno: (e as NodeJS.ErrnoException).code },
      e,
    );
  }
}
