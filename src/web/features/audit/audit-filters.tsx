import { FilterForm } from '../../components/filter-form';
import { SelectField, TextField } from '../../components/form-fields';
import { toQuery } from '../../lib/api-client';
import { auditActionLabels } from '../../lib/labels';
import type { AuditEvent, User } from '../../lib/types';
import { useT } from '../../i18n';
import { features } from '..';
import type { AuditEntityLabel } from '../feature';

/** The filters of the audit log, as they stand in the page's address and go to the API. */
export const auditFilterKeys = ['userId', 'entity', 'entityId', 'action', 'from', 'to', 'q'] as const;
export type AuditFilterValues = Record<(typeof auditFilterKeys)[number], string>;

/**
 * The label and page of each kind of object, as the features declare them. Read when the page renders: this file is
 * part of a feature in that list, so the list is complete by then.
 */
export function entityOf(entity: string): AuditEntityLabel | undefined {
  for (const feature of features) {
    if (feature.auditEntities && Object.hasOwn(feature.auditEntities, entity)) return feature.auditEntities[entity];
  }
  return undefined;
}

function entityKinds(): Array<[string, AuditEntityLabel]> {
  return features.flatMap((f) => Object.entries(f.auditEntities ?? {}));
}

/** The address of the filtered log as a CSV or XLSX file. */
export function exportHref(values: AuditFilterValues, format: 'csv' | 'xlsx'): string {
  return `/api/v1/audit-events/export${toQuery({ ...values, format })}`;
}

export function AuditFilters({
  values,
  users,
  onApply,
}: {
  values: AuditFilterValues;
  users: User[];
  onApply(values: AuditFilterValues): void;
}) {
  const { t } = useT();
  const kinds = entityKinds()
    .map(([value, known]) => ({ value, label: t(known.label) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  return (
    <FilterForm initial={values} onApply={onApply}>
      {(draft, set) => (
        <>
          <SelectField
            id="userId"
            label={t('Persoon')}
            placeholder={t('Iedereen')}
            value={draft.userId}
            onChange={(v) => set('userId', v)}
            options={users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
          />
          <SelectField
            id="entity"
            label={t('Soort object')}
            placeholder={t('Alle soorten')}
            value={draft.entity}
            onChange={(v) => set('entity', v)}
            options={kinds}
          />
          <SelectField
            id="action"
            label={t('Actie')}
            placeholder={t('Alle acties')}
            value={draft.action}
            onChange={(v) => set('action', v)}
            options={(Object.keys(auditActionLabels) as AuditEvent['action'][]).map((a) => ({
              value: a,
              label: t(auditActionLabels[a]),
            }))}
          />
          <TextField id="from" type="date" label={t('Vanaf')} value={draft.from} onChange={(v) => set('from', v)} />
          <TextField id="to" type="date" label={t('Tot en met')} value={draft.to} onChange={(v) => set('to', v)} />
          <TextField
            id="q"
            type="search"
            label={t('Zoeken')}
            description={t('In de naam van het object, het id en het e-mailadres')}
            value={draft.q}
            onChange={(v) => set('q', v)}
          />
          <TextField
            id="entityId"
            label={t('Object (id)')}
            description={t('Of kies “Alleen dit object” in de lijst')}
            value={draft.entityId}
            onChange={(v) => set('entityId', v.trim())}
          />
        </>
      )}
    </FilterForm>
  );
}
