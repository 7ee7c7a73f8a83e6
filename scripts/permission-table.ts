/** Writes the role table of README.md from src/shared/permissions.ts: `npx tsx scripts/permission-table.ts`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { withPermissionTable } from '../src/shared/permission-table.js';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, withPermissionTable(readFileSync(path, 'utf8')));
