import { describe, expect, it } from 'vitest';
import { serverModules } from '../../../server/modules/index.js';
import { features } from '..';

/**
 * The audit log names each kind of object a server module records with the label a web feature gives it: a module
 * that records a new kind without a label would show its raw name ("tier-level") to the beheerder.
 */
describe('audit entity labels', () => {
  const recorded = serverModules.flatMap((m) => (m.auditEntities ?? []).map((entity) => ({ module: m.name, entity })));
  const labelled = features.flatMap((f) =>
    Object.keys(f.auditEntities ?? {}).map((entity) => ({ feature: f.id, entity })),
  );

  it('every entity a server module records has exactly one label in a web feature', () => {
    expect(recorded.length).toBeGreaterThan(10);
    const missing = recorded.filter((r) => labelled.filter((l) => l.entity === r.entity).length !== 1);
    expect(missing).toEqual([]);
  });

  it('no web feature labels an entity that no server module records', () => {
    const names = new Set(recorded.map((r) => r.entity));
    expect(labelled.filter((l) => !names.has(l.entity))).toEqual([]);
  });

  it('no two server modules claim the same entity', () => {
    const names = recorded.map((r) => r.entity);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});
