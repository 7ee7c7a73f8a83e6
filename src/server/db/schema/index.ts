export * from './landscape.js';
export * from './access.js';
