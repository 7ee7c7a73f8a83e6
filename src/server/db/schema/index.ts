export * from './landscape.js';
export * from './access.js';
export * from './exchange.js';
export * from './monitoring.js';
export * from './jobs.js';
export * from './versions.js';
export * from './availability.js';
export * from './mail.js';
