/** @hcard/emulator: software health card and PSAM, card images, synthetic residents. */
export * from './bank/index.js';
export * from './chip/emulated-application.js';
export * from './chip/emulated-chip.js';
export * from './health-card/emulated-health-card.js';
export * from './idcard/index.js';
export * from './images/blank-image.js';
export * from './images/build-image.js';
export * from './images/image-format.js';
export * from './keys/test-key-set.js';
export * from './psam/emulated-psam.js';
export * from './ssse/index.js';
export * from './synthetic/encounters.js';
export * from './synthetic/photo.js';
export * from './synthetic/random.js';
export * from './synthetic/resident.js';
export * from './vpcd/loopback-quickack.js';
export * from './vpcd/vpcd-card.js';
