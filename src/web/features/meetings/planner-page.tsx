import type { YearPlan } from '../../../server/modules/meetings/index';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { meetingTypeLabels } from '../../../shared/meetings';
import { can } from '../../../shared/permissions';
import { Button, ButtonGroup, TextLink } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { SelectField } from '../../components/form-fields';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { StatusMessage } from '../../components/status-message';
import { Table } from '../../components/table';
import { api, toQuery } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { useFormErrors } from '../../lib/form-errors';
import { formatDate, formatTimeSpan, todayIso } from '../../lib/format';
import { useRegion } from '../../lib/region';
import { useLoad } from '../../lib/use-load';
import { useT, type Msg } from '../../i18n';

type Slot = YearPlan['slots'][number];
type ProviderRow = YearPlan['providers'][number];

export const tierLabels: Record<string, Msg> = { hoog: 'Hoog', midden: 'Midden', basis: 'Basis' };

/**
 * /overleggen/jaarplanner: for a chosen year the meetings the tiers and the region's tables ask for — what is overdue
 * first, then per provider the account meetings required, held, planned and overdue, then the proposals, which the
 * contract manager plans with one click; the planned meetings download as one iCalendar file.
 */
export function PlannerPage() {
  const { t } = useT();
  const title = t('Jaarplanner overleggen');
  useDocumentTitle(title);
  const user = useUser();
  const region = useRegion();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayIso().slice(0, 4));
  const years = [thisYear - 1, thisYear, thisYear + 1];
  const year = years.includes(Number(params.get('jaar'))) ? Number(params.get('jaar')) : thisYear;
  const [state, reload] = useLoad(
    (signal) => api<YearPlan>(`/meeting-planner${toQuery({ year })}`, { signal }),
    [year],
  );
  const [chosen, setChosen] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();

  async function accept() {
    setBusy(true);
    setMessage(null);
    try {
      const result = await api<{ created: number }>('/meeting-planner/accepted-proposals', {
        method: 'POST',
        body: { regionId: region?.id, year, keys: chosen },
      });
      errors.clear();
      setChosen([]);
      setMessage(t('{count} overleggen gepland.', { count: result.created }));
      reload();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }

  const subjectOf = (s: Slot) => `${t(meetingTypeLabels[s.type] as Msg)}: ${s.subject}`;
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">
        {t(
          'Accountgesprekken per aanbieder naar het aantal dat zijn niveau vraagt, de overlegtafels in het voorjaar en het najaar, en de sessies van de transformatietafels. Een periode die voorbij is zonder gehouden overleg staat bij te laat.',
        )}
      </p>
      <SelectField
        id="jaar"
        label={t('Jaar')}
        value={String(year)}
        onChange={(v) => setParams({ jaar: v })}
        options={years.map((y) => ({ value: String(y), label: String(y) }))}
      />
      <StatusMessage message={message} />
      <Loaded state={state}>
        {(plan) => {
          const overdue = plan.slots.filter((s) => s.state === 'overdue');
          const proposals = plan.slots.filter((s) => s.state === 'proposal');
          return (
            <>
              <h2 className="utrecht-heading-2">{t('Te laat')}</h2>
              <Table<Slot>
                caption={t('Overleggen die te laat zijn in {year}', { year: plan.year })}
                captionHidden
                rows={overdue}
                rowKey={(s) => s.key}
                empty={t('Niets te laat.')}
                columns={[
                  { header: t('Overleg'), rowHeader: true, cell: subjectOf },
                  { header: t('Periode'), cell: (s) => `${formatDate(s.from)} – ${formatDate(s.to)}` },
                  {
                    header: t('Stand'),
                    cell: (s) =>
                      s.meetingId ? (
                        <TextLink to={`/overleggen/${s.meetingId}`}>
                          {t('Gepland op {date}, niet als gehouden vastgelegd', {
                            date: formatDate(s.meetingStartsAt),
                          })}
                        </TextLink>
                      ) : (
                        t('Geen overleg gehouden')
                      ),
                  },
                ]}
              />
              <h2 className="utrecht-heading-2">{t('Accountgesprekken per aanbieder')}</h2>
              <Table<ProviderRow>
                caption={t('Accountgesprekken per aanbieder in {year}', { year: plan.year })}
                captionHidden
                rows={plan.providers}
                rowKey={(p) => p.providerId}
                empty={t('Geen aanbieders met een contract in dit jaar.')}
                columns={[
                  { header: t('Aanbieder'), rowHeader: true, cell: (p) => p.name },
                  { header: t('Niveau'), cell: (p) => (p.tier && tierLabels[p.tier] ? t(tierLabels[p.tier]!) : '—') },
                  { header: t('Vereist'), numeric: true, cell: (p) => p.required },
                  { header: t('Gehouden'), numeric: true, cell: (p) => p.held },
                  { header: t('Gepland'), numeric: true, cell: (p) => p.planned },
                  { header: t('Te laat'), numeric: true, cell: (p) => p.overdue },
                  { header: t('Nog te plannen'), numeric: true, cell: (p) => p.toPlan },
                ]}
              />
              <h2 className="utrecht-heading-2">{t('Voorstellen')}</h2>
              <ErrorSummary errors={errors} labels={{ keys: t('Voorstellen') }} />
              <Table<Slot>
                caption={t('Voorgestelde overleggen in {year}', { year: plan.year })}
                captionHidden
                rows={proposals}
                rowKey={(s) => s.key}
                empty={t('Alle overleggen van dit jaar zijn gepland of gehouden.')}
                columns={[
                  {
                    header: t('Plannen'),
                    cell: (s) => (
                      <input
                        type="checkbox"
                        className="utrecht-checkbox utrecht-checkbox--html-input"
                        aria-label={t('{title} plannen', { title: s.proposal!.title })}
                        checked={chosen.includes(s.key)}
                        disabled={!can(user, 'meetings.edit')}
                        onChange={(e) =>
                          setChosen((c) => (e.target.checked ? [...c, s.key] : c.filter((k) => k !== s.key)))
                        }
                      />
                    ),
                  },
                  { header: t('Overleg'), rowHeader: true, cell: (s) => s.proposal!.title },
                  {
                    header: t('Voorgesteld op'),
                    cell: (s) => formatTimeSpan(s.proposal!.startsAt, s.proposal!.endsAt),
                  },
                  { header: t('Periode'), cell: (s) => `${formatDate(s.from)} – ${formatDate(s.to)}` },
                ]}
              />
              <ButtonGroup>
                {can(user, 'meetings.edit') && (
                  <>
                    <Button onClick={() => setChosen(proposals.map((s) => s.key))} disabled={!proposals.length}>
                      {t('Alles selecteren')}
                    </Button>
                    <Button appearance="primary" onClick={accept} disabled={busy || !chosen.length}>
                      {t('Gekozen voorstellen plannen ({count})', { count: chosen.length })}
                    </Button>
                  </>
                )}
                <a
                  className="utrecht-link"
                  href={`/api/v1/meeting-planner/invitations${toQuery({ year })}`}
                  download={`overleggen-${year}.ics`}
                >
                  {t('Uitnodigingen {year} downloaden (.ics)', { year })}
                </a>
              </ButtonGroup>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
