/**
 * The photo stage of prepare: find a person's photo in the folder and normalise it for the card.
 * A missing or undecodable photo is the row's reject reason, never the batch's failure.
 */
import { isHcardError } from '@hcard/card-core';
import type { Rejection } from '../model.js';
import { loadPhotoFor, PhotoNormaliser } from '../photo/index.js';

export interface PhotoSource {
  readonly dir: string;
  readonly normaliser: PhotoNormaliser;
}

export const photoSource = (dir: string): PhotoSource => ({ dir, normaliser: new PhotoNormaliser() });

export async function photoForPerson(
  source: PhotoSource,
  idNumber: string,
): Promise<{ jpeg: Uint8Array } | Rejection> {
  const bytes = await loadPhotoFor(source.dir, idNumber);
  if (!bytes)
    return {
      reason: 'PHOTO_MISSING',
      field: 'idNumber',
      message: 'no <ID>.jpg for this row in the photo folder',
    };
  try {
    return { jpeg: (await source.normaliser.normalise(bytes)).jpeg };
  } catch (e) {
    if (isHcardError(e))
      return { reason: 'PHOTO_UNDECODABLE', message: `the photo cannot be used: ${e.detail ?? e.message}` };
    throw e;
  }
}

/**
 * Photos of a chunk, a few at a time: sharp works in libuv's pool, and reading a whole chunk of
 * photos at once would hold hundreds of megabytes of JPEGs in memory.
 */
export async function photosForChunk(
  source: PhotoSource,
  idNumbers: readonly (string | undefined)[],
  concurrency = 8,
): Promise<({ jpeg: Uint8Array } | Rejection | undefined)[]> {
  const out: ({ jpeg: Uint8Array } | Rejection | undefined)[] = new Array(idNumbers.length);
  let next = 0;
  const worker = async () => {
    while (next < idNumbers.length) {
      const i = next++;
      const id = idNumbers[i];
      out[i] = id === undefined ? undefined : await photoForPerson(source, id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, idNumbers.length) }, worker));
  return out;
}
