import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { roles } from './domain.js';
import { renderPermissionTable, withPermissionTable } from './permission-table.js';
import { can, holders, permissions } from './permissions.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the permission table', () => {
  it('is the role table of the README (regenerate with npx tsx scripts/permission-table.ts)', () => {
    expect(readme).toContain(renderPermissionTable());
    expect(withPermissionTable(readme)).toBe(readme);
  });

  it('shows in the README each role holding exactly the permissions the table grants it', () => {
    const table = renderPermissionTable().split('\n');
    const header = table
      .find((l) => l.startsWith('| permission |'))!
      .split('|')
      .map((c) => c.trim());
    for (const role of roles) {
      const column = header.indexOf(role);
      const held = table
        .filter((l) => l.startsWith('| `'))
        .filter((l) => l.split('|')[column]!.trim() !== '')
        .map((l) => /`([^`]+)`/.exec(l)![1]);
      expect(held).toEqual(permissions.filter((p) => can({ role }, p)));
    }
  });

  it('lets a visitor without an account only sign in, see the health, read the API description and the published waits', () => {
    expect(permissions.filter((p) => holders(p).includes('public'))).toEqual([
      'health.read',
      'auth.signIn',
      'apiDocs.read',
      'availability.public',
    ]);
  });
});
