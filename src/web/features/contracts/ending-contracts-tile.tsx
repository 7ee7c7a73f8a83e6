import { can } from '../../../shared/permissions';
import { TextLink } from '../../components/button';
import { StartTile, TileCount } from '../../components/start-tile';
import { api, toQuery, type Page } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { formatCount, formatDate, todayIso } from '../../lib/format';
import type { Contract } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { endingWithin12Months } from './ending-contracts';

const shown = 8;

/** Every contract running today, page by page (a region has a few hundred at most). */
async function runningContracts(today: string, signal: AbortSignal): Promise<Contract[]> {
  const all: Contract[] = [];
  for (let page = 1; ; page++) {
    const result = await api<Page<Contract>>(`/contracts${toQuery({ activeOn: today, page, pageSize: 100 })}`, {
      signal,
    });
    all.push(...result.data);
    if (page >= result.page.totalPages) return all;
  }
}

/** Start page: the contracts that end, or need a decision on their extension, within twelve months. */
export function EndingContractsTile() {
  const { t, lang } = useT();
  const user = useUser();
  const today = todayIso();
  const [state] = useLoad(
    async (signal) => endingWithin12Months(await runningContracts(today, signal), today),
    [today],
  );
  return (
    <StartTile title={t('Contracten die binnen 12 maanden aflopen')} state={state}>
      {(ending = []) => (
        <>
          <TileCount
            count={formatCount(ending.length, lang)}
            label={t('contract vraagt een besluit|contracten vragen een besluit', { count: ending.length })}
          />
          {ending.length > 0 && (
            <ul className="start-tile__list">
              {ending.slice(0, shown).map(({ contract, end, openUntil }) => (
                <li key={contract.id}>
                  <TextLink to={`/contracten/${contract.id}`}>
                    {contract.reference} – {contract.providerName}
                  </TextLink>
                  <br />
                  {openUntil
                    ? t('Loopt af op {end}; besluit nodig over verlenging tot {until}', {
                        end: formatDate(end),
                        until: formatDate(openUntil),
                      })
                    : t('Loopt af op {end}, zonder verlengingsoptie', { end: formatDate(end) })}
                </li>
              ))}
            </ul>
          )}
          {ending.length > shown && (
            <p className="utrecht-paragraph">{t('en nog {count} meer', { count: ending.length - shown })}</p>
          )}
          <p className="utrecht-paragraph">
            <TextLink to={`/contracten?peildatum=${today}`}>{t('Naar de lopende contracten')}</TextLink>
          </p>
          {/* The calendar also lists extension decisions due long before a contract's end, which this tile leaves out. */}
          {can(user, 'contractCalendar.read') && (
            <p className="utrecht-paragraph">
              <TextLink to="/contractkalender">{t('Alle verlengingsbesluiten in de contractkalender')}</TextLink>
            </p>
          )}
        </>
      )}
    </StartTile>
  );
}
