/**
 * Which reader holds the user card and which the PSAM: the names given on the command line,
 * or the pair that `pairSlots` finds ("… 00 00" with "… 00 01"). Each way it can fail gets its
 * own message, naming the option that fixes it.
 */
import { hcardError } from '@hcard/card-core';
import { pairSlots, type SlotPair } from '@hcard/reader-driver';

export function chooseSlots(readers: readonly string[], given: { user?: string; psam?: string }): SlotPair {
  const notFound = (detail: string, reader?: string) =>
    hcardError('HCARD_E_READER_NOT_FOUND', detail, reader === undefined ? {} : { reader });
  if (readers.length === 0) throw notFound('there are no PC/SC readers');
  for (const reader of [given.user, given.psam]) {
    if (reader !== undefined && !readers.includes(reader)) throw notFound(`"${reader}"`, reader);
  }
  const pair = pairSlots(readers, {
    ...(given.user === undefined ? {} : { user: given.user }),
    ...(given.psam === undefined ? {} : { psam: given.psam }),
  });
  if (pair) return pair;
  if (given.user === undefined && !readers.some((r) => / \d\d 00$/.test(r)))
    throw notFound('no user-card slot (a reader named "… 00 00"); name one with --reader');
  throw notFound('no PSAM slot paired with the user-card slot; name it with --psam-reader');
}
