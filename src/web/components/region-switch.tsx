import { useEffect, useId, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useUser } from '../lib/auth';
import { useRegion } from '../lib/region';
import { chooseRegion, currentRegionChoice } from '../lib/region-choice';
import type { CurrentUser } from '../lib/types';
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
  useRegionNamedInAddress(user);
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

/**
 * A link or bookmark that names a region (`?regio=` or `?region=`, by id or code, as the API's parameter): a keeper who
 * has that region and works in another switches to it, as with "Wisselen", and the page is read anew at the same
 * address with the rest of its query (its filters belong to that region). The parameter then leaves the address;
 * for anyone else it is only dropped, and the page shows their own region.
 */
function useRegionNamedInAddress(user: CurrentUser) {
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    const named = params.get('regio') ?? params.get('region');
    if (named === null) return;
    params.delete('regio');
    params.delete('region');
    const rest = params.toString();
    const address = `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`;
    const target = user.regions.find((r) => r.id === named || r.code === named);
    if (target && user.regions.length > 1 && target.id !== currentRegionChoice()) {
      chooseRegion(user, target.id);
      window.location.replace(address);
    } else void navigate(address, { replace: true });
  }, [location, navigate, user]);
}
