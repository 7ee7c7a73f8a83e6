import { CheckboxGroup, Fieldset, RadioGroup } from '../../components/form-fields';
import type { TierLevel } from '../../lib/types';
import { useT } from '../../i18n';

/**
 * The region's tier schemes: one size-and-risk level (radio buttons, or none) and any number of roles
 * (check boxes). The server refuses combinations the region forbids, such as roles A and C together.
 */
export function TierFields({
  levels,
  selected,
  onChange,
  error,
}: {
  levels: TierLevel[];
  selected: string[];
  onChange(ids: string[]): void;
  error?: string | undefined;
}) {
  const { t } = useT();
  const bySize = levels.filter((l) => l.scheme === 'omvang');
  const byRole = levels.filter((l) => l.scheme === 'rol');
  const sizeIds = new Set(bySize.map((l) => l.id));
  const roleIds = new Set(byRole.map((l) => l.id));
  const label = (l: TierLevel) => (l.description ? `${l.name} (${l.description})` : l.name);

  return (
    <Fieldset id="tierLevelIds" legend={t('Niveaus')} error={error}>
      {levels.length === 0 && <p className="utrecht-paragraph">{t('De regio heeft geen niveaus ingesteld.')}</p>}
      {bySize.length > 0 && (
        <RadioGroup
          id="tier-omvang"
          legend={t('Omvang en risico')}
          options={[{ value: '', label: t('Geen') }, ...bySize.map((l) => ({ value: l.id, label: label(l) }))]}
          value={selected.find((id) => sizeIds.has(id)) ?? ''}
          onChange={(value) => onChange([...selected.filter((id) => !sizeIds.has(id)), ...(value ? [value] : [])])}
        />
      )}
      {byRole.length > 0 && (
        <CheckboxGroup
          id="tier-rol"
          legend={t('Rol')}
          options={byRole.map((l) => ({ value: l.id, label: label(l) }))}
          values={selected.filter((id) => roleIds.has(id))}
          onChange={(values) => onChange([...selected.filter((id) => !roleIds.has(id)), ...values])}
        />
      )}
    </Fieldset>
  );
}
