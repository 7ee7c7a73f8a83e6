import { useId, useState } from 'react';
import { useUser } from '../lib/auth';
import { useRegion } from '../lib/region';
import { chooseRegion } from '../lib/region-choice';
import { useT } from '../i18n';
import { Button } from './button';

/**
 * For a keeper who serves several regions: which region every page shows. A select with a button rather than a
 * select that acts on change, so moving through the options with the keyboard changes nothing until "Wisselen".
 * The page is read again from the server (its own address without filters, which may name the old region's parts).
 */
export function RegionSwitch() {
  const { t } = useT();
  const user = useUser();
  const region = useRegion();
  const id = useId();
  const [choice, setChoice] = useState<string>('');
  if (user.regions.length < 2) return null;
  const value = choice || region?.id || user.regions[0]!.id;
  return (
    <form
      className="app-region-switch"
      aria-label={t('Regio wisselen')}
      onSubmit={(event) => {
        event.preventDefault();
        chooseRegion(user, value);
        window.location.assign(window.location.pathname);
      }}
    >
      <label className="utrecht-form-label" htmlFor={id}>
        {t('Werken in regio')}
      </label>
      <select
        id={id}
        className="utrecht-select utrecht-select--html-select"
        value={value}
        onChange={(event) => setChoice(event.target.value)}
      >
        {user.regions.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
      <Button type="submit" appearance="secondary">
        {t('Wisselen')}
      </Button>
    </form>
  );
}
