/** @hcard/gateway: the local HTTP gateway. This file only re-exports. */
export * from './app.js';
export * from './config/config.js';
export { TIMESTAMP_TICK_MS } from './config/file-change.js';
export * from './config/hotlist.js';
export * from './config/tokens.js';
export * from './events/event-hub.js';
export * from './logging/audit.js';
export * from './logging/gateway-hooks.js';
export * from './logging/line-queue.js';
export * from './logging/logger.js';
export * from './logging/mask.js';
export * from './readers/card-sections.js';
export * from './readers/idcard-service.js';
export * from './readers/reader-service.js';
export * from './server.js';
export * from './version.js';
