/** @hcard/issuance: batch card issuance for printing stations. This file only re-exports. */
export * from './encode.js';
export * from './face/index.js';
export * from './ingest/index.js';
export * from './journal/journal.js';
export * from './journal/open-journal.js';
export * from './lookup.js';
export * from './model.js';
export * from './photo/index.js';
export * from './prepare.js';
export * from './records/card-template.js';
export * from './report.js';
export * from './settings.js';
export * from './stages/photos.js';
export * from './station/emulated-printer.js';
export * from './station/printer.js';
export * from './station/vpcd-slots.js';
export * from './validate/index.js';
