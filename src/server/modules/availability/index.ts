/** The public surface of the availability finder, for the demo seed, tools and other modules. */
export { createEntry, confirmEntries } from './entries.service.js';
export { settingsOf } from './settings.service.js';
export { compliance } from './compliance.service.js';
export type { Compliance } from './availability.schema.js';
