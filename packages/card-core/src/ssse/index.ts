/** The social-security (SSSE) application: re-exports only. */
export * from './atr-historical-bytes.js';
export * from './card-bas-string.js';
export * from './insurance-lookup.js';
export * from './mohrss-errors.js';
export * from './read-card-bas.js';
export * from './ssse-application.js';
export * from './ssse-codec.js';
export * from './ssse-items.js';
export * from './ssse-reader.js';
export * from './ssse-security.js';
export * from './ssse-session.js';
