/**
 * Keys of another issuer, for forged cards: a chip made with them fails the test PSAM's
 * authentication (health and SSSE alike), and its issuer certificate chains to another root.
 */
import { asciiBytes, type SsseKeyId, sm3, softwareKeyStore, ssseCardKey } from '@hcard/card-core';
import type { PsamKeySource, SsseKeySource } from '@hcard/emulator';

const FORGER = 'forger';
const forgerMaster = (id: string) => sm3(asciiBytes(`${FORGER}:${id}`)).slice(0, 16);

export const FORGED_KEY_STORE: PsamKeySource = {
  ...softwareKeyStore({
    id: FORGER,
    masterKey: forgerMaster,
    sm2PrivateKey: (role) => sm3(asciiBytes(`${FORGER}:sm2:${role}`)),
  }),
  exportPsamMasters: (ids) => new Map(ids.map((id) => [id, forgerMaster(id)])),
};

export const FORGED_SSSE_KEYS: SsseKeySource = {
  id: FORGER,
  cardKey: (id: SsseKeyId, cardIdCode) => ssseCardKey(forgerMaster(id), cardIdCode),
  exportPsamMasters: (ids) => new Map(ids.map((id) => [id, forgerMaster(id)])),
};
