/** @hcard/reader-driver: reader drivers behind one interface. This file only re-exports. */
export * from './driver.js';
export * from './emulator/emulator-driver.js';
export * from './idcard/index.js';
export * from './monitor.js';
export * from './pcsc/pcsc-driver.js';
export * from './pcsc/pcsc-errors.js';
export * from './pcsc/pcsclite-binding.js';
export * from './slots.js';
