/** The resident ID-card reader (GA 467 serial protocol, spec C). This file only re-exports. */
export * from './code-tables.js';
export * from './discovery.js';
export * from './frame.js';
export * from './hid-transport.js';
export * from './idcard-reader.js';
export * from './identity.js';
export * from './payloads.js';
export * from './serial-transport.js';
export * from './status.js';
export * from './text-layout.js';
export * from './transport.js';
