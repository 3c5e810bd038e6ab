/**
 * Masks for anything logged (stderr diagnostics, `card new`, `emulate`): they live in card-core
 * (`privacy/mask.ts`) so that the CLI, the gateway and issuance mask values the same way.
 */
export { maskCardNumber, maskIdNumber, maskMiddle, maskName, maskPhone } from '@hcard/card-core';
