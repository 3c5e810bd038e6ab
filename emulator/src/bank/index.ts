/** The emulated PBOC / UnionPay bank application (spec B): image, layout, builder, application. */
export * from './bank-image.js';
export * from './bank-layout.js';
export * from './build-bank-image.js';
export * from './emulated-bank-app.js';
