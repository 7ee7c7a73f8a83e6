import { TextLink } from '../../components/button';
import { StartTile } from '../../components/start-tile';
import { api, toQuery } from '../../lib/api-client';
import { formatEuro } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { periodLabel } from './dashboard-controls';

/** What GET /kpis/money answers (server: monitoring/money-lines.ts). */
export interface MoneyLines {
  period: { label: string };
  year: number;
  total: {
    budget: number;
    spent: number;
    forecast: number;
    covers: string[];
    leavesOut: Array<{ line: string; reason: string }>;
    linesOver: Array<{ line: string; region: boolean; municipalities: string[] }>;
    met: boolean;
  };
}

/**
 * Start page: the year-end forecast against the budget of the lines whose spend is known, "niet gehaald" as soon as one
 * line (in the region or a municipality) is over, and which lines the total covers and leaves out.
 */
export function MoneyTile() {
  const { t, lang } = useT();
  const [state] = useLoad(async (signal) => {
    const { defaultPeriod } = await api<{ defaultPeriod: string }>('/kpis/periods', { signal });
    return api<MoneyLines>(`/kpis/money${toQuery({ period: defaultPeriod })}`, { signal });
  }, []);
  const title =
    state.status === 'ok'
      ? t('Prognose jaareinde per begrotingspost {period}', { period: periodLabel(state.data.period.label, lang) })
      : t('Prognose jaareinde per begrotingspost');
  return (
    <StartTile title={title} state={state}>
      {(money) =>
        money && (
          <>
            <p className="utrecht-paragraph">
              {t('{forecast} tegen een budget van {budget}', {
                forecast: formatEuro(Math.round(money.total.forecast), { whole: true }),
                budget: formatEuro(Math.round(money.total.budget), { whole: true }),
              })}{' '}
              <span className={`utrecht-status-badge utrecht-status-badge--${money.total.met ? 'success' : 'danger'}`}>
                {money.total.met ? t('gehaald') : t('niet gehaald')}
              </span>
            </p>
            {money.total.linesOver.length > 0 && (
              <p className="utrecht-paragraph">
                {t('Boven budget: {lines}.', {
                  lines: money.total.linesOver
                    .map((l) => {
                      const where = [...(l.region ? [t('de regio')] : []), ...l.municipalities].join(', ');
                      return `${l.line} (${t('in {where}', { where })})`;
                    })
                    .join('; '),
                })}
              </p>
            )}
            <p className="utrecht-paragraph">{t('Telt mee: {lines}.', { lines: money.total.covers.join(', ') })}</p>
            {money.total.leavesOut.length > 0 && (
              <p className="utrecht-paragraph">
                {t('Laat weg: {lines}.', {
                  lines: money.total.leavesOut.map((l) => `${l.line} (${l.reason})`).join(', '),
                })}
              </p>
            )}
            <p className="utrecht-paragraph">
              <TextLink to="/budgetten/realisatie">{t('Realisatie invoeren')}</TextLink>
            </p>
          </>
        )
      }
    </StartTile>
  );
}
