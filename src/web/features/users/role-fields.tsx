import { SelectField } from '../../components/form-fields';
import type { FormErrors } from '../../lib/form-errors';
import { roleLabels } from '../../lib/labels';
import type { Provider, Role } from '../../lib/types';
import { useT } from '../../i18n';

interface RoleFieldsProps {
  role: string;
  providerId: string;
  providers: Provider[];
  errors: FormErrors;
  onRole: (value: string) => void;
  onProvider: (value: string) => void;
  /** A new user has no role yet: the list starts with "Kies een rol". */
  isNew?: boolean;
  /** A beheerder's own role is changed by another beheerder: the field is shown but cannot be used. */
  ownRole?: boolean;
}

/** A user's role, and for an aanbieder the provider they work for: the same two fields on the new and edit forms. */
export function RoleFields(props: RoleFieldsProps) {
  const { role, providerId, providers, errors, onRole, onProvider, isNew, ownRole } = props;
  const { t } = useT();
  return (
    <>
      <SelectField
        id="role"
        label={t('Rol')}
        placeholder={isNew ? t('Kies een rol') : undefined}
        description={ownRole ? t('Uw eigen rol wijzigt een andere beheerder.') : undefined}
        disabled={ownRole}
        value={role}
        onChange={onRole}
        error={errors.of('role')}
        options={(Object.keys(roleLabels) as Role[]).map((r) => ({ value: r, label: t(roleLabels[r]) }))}
      />
      {role === 'aanbieder' && (
        <SelectField
          id="providerId"
          label={t('Aanbieder')}
          description={t('De organisatie waarvoor deze gebruiker werkt')}
          placeholder={t('Kies een aanbieder')}
          options={providers.map((p) => ({ value: p.id, label: `${p.name} (${p.agbCode})` }))}
          value={providerId}
          onChange={onProvider}
          error={errors.of('providerId')}
        />
      )}
    </>
  );
}
