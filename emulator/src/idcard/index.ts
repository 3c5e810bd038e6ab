/** The emulated resident ID-card reader (spec C) and its pty rig. This file only re-exports. */
export * from './emulated-idcard-reader.js';
export * from './pty-pair.js';
export * from './pty-serve.js';
export * from './synthetic-id-card.js';
export { encodeAppendedAddress, encodeTextBlock, ID_CARD_KINDS, type IdCardKind } from './text-block.js';
export { responseFrame as idCardResponseFrame } from './wire.js';
