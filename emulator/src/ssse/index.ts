/** The emulated social-security (SSSE) application: re-exports only. */
export * from './build-ssse-image.js';
export * from './emulated-ssse-app.js';
export * from './emulated-ssse-hsm.js';
export * from './ssse-image.js';
