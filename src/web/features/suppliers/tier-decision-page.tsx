import type { TierChange, TierOverview } from '../../../server/modules/suppliers/index';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { can } from '../../../shared/permissions';
import { Alert } from '../../components/alert';
import { Button, ButtonGroup, TextLink } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { CheckboxGroup, RadioGroup, TextAreaField } from '../../components/form-fields';
import { Loaded } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { DataList, Table } from '../../components/table';
import { api } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { useFormErrors } from '../../lib/form-errors';
import { formatDateTime } from '../../lib/format';
import { useRegion } from '../../lib/region';
import type { Region } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useT, type Msg } from '../../i18n';
import { currentText, omvangLabels, type TierRow } from './tiers-page';

const fieldLabels: Record<string, Msg> = { tierLevelIds: 'Indeling', reason: 'Reden', regionId: 'Regio' };

const codesText = (codes: Record<string, string[]>) =>
  [...(codes.omvang ?? []), ...(codes.rol ?? [])].join(', ') || '—';

/**
 * /aanbieders/:id/indeling: one provider's suggested tier with the figures behind it, a form to confirm or override
 * it (a reason is always required; the region's exclusions, such as A with C, are refused by the server), and the
 * history of its tier decisions with their reasons.
 */
export function TierDecisionPage() {
  const { id } = useParams();
  const region = useRegion();
  const [state, reload] = useLoad(
    async (signal) => {
      const [overview, history] = await Promise.all([
        api<TierOverview>('/provider-tiers', { signal }),
        api<TierChange[]>(`/providers/${id}/tier-decisions`, { signal }),
      ]);
      return { row: overview.providers.find((p) => p.providerId === id) ?? null, history };
    },
    [id],
  );
  return (
    <Loaded state={state}>
      {({ row, history }) => <TierDecision row={row} history={history} region={region} onSaved={reload} />}
    </Loaded>
  );
}

function TierDecision({
  row,
  history,
  region,
  onSaved,
}: {
  row: TierRow | null;
  history: TierChange[];
  region: Region | null;
  onSaved(): void;
}) {
  const { t } = useT();
  const user = useUser();
  const title = row ? t('Indeling van {name}', { name: row.name }) : t('Indeling van aanbieders');
  useDocumentTitle(title);
  const errors = useFormErrors();
  const levels = region?.tierLevels ?? [];
  const idsOf = (scheme: 'omvang' | 'rol', codes: string[]) =>
    levels.filter((l) => l.scheme === scheme && codes.includes(l.code)).map((l) => l.id);
  const [omvang, setOmvang] = useState(idsOf('omvang', row?.current.omvang ?? [])[0] ?? '');
  const [rol, setRol] = useState(idsOf('rol', row?.current.rol ?? []));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  if (!row || !region)
    return (
      <>
        <h1 className="utrecht-heading-1">{title}</h1>
        <Alert>{t('Deze aanbieder heeft geen lopend contract in de regio.')}</Alert>
      </>
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setBusy(true);
    try {
      await api(`/providers/${row!.providerId}/tier-decisions`, {
        method: 'POST',
        body: { regionId: region!.id, tierLevelIds: [omvang, ...rol].filter(Boolean), reason },
      });
      errors.clear();
      setReason('');
      setSaved(true);
      onSaved();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      {saved && <Alert type="ok">{t('De indeling is vastgelegd.')}</Alert>}
      <DataList
        items={[
          [t('Voorstel'), `${t(omvangLabels[row.suggested]!)} (${t('score')} ${row.score.toFixed(2)})`],
          [t('Huidig'), currentText(t, row)],
          [t('Aandeel uitgaven'), `${Math.round(row.measures.spendShare * 1000) / 10}%`],
          [t('Jeugdigen'), String(row.measures.youths)],
          [t('Percelen'), String(row.measures.lots)],
          [t('Open signalen'), String(row.measures.signals)],
        ]}
      />
      {can(user, 'tiers.edit') && (
        <>
          <h2 className="utrecht-heading-2">{t('Bevestigen of afwijken')}</h2>
          <ErrorSummary
            errors={errors}
            labels={Object.fromEntries(Object.entries(fieldLabels).map(([k, v]) => [k, t(v)]))}
          />
          <form onSubmit={submit} noValidate className="form">
            <RadioGroup
              id="omvang"
              legend={t('Omvang en risico')}
              options={levels.filter((l) => l.scheme === 'omvang').map((l) => ({ value: l.id, label: l.name }))}
              value={omvang}
              onChange={setOmvang}
            />
            <CheckboxGroup
              id="tierLevelIds"
              legend={t('Rol')}
              options={levels.filter((l) => l.scheme === 'rol').map((l) => ({ value: l.id, label: l.name }))}
              values={rol}
              onChange={setRol}
              error={errors.of('tierLevelIds')}
            />
            <TextAreaField
              id="reason"
              label={t('Reden')}
              description={t('Verplicht, ook als u het voorstel bevestigt.')}
              rows={3}
              value={reason}
              onChange={setReason}
              error={errors.of('reason')}
            />
            <ButtonGroup>
              <Button type="submit" appearance="primary" disabled={busy}>
                {t('Indeling vastleggen')}
              </Button>
              <TextLink to="/aanbieders/indeling">{t('Terug naar de indeling')}</TextLink>
            </ButtonGroup>
          </form>
        </>
      )}
      <h2 className="utrecht-heading-2">{t('Geschiedenis')}</h2>
      <Table<TierChange>
        caption={t('Besluiten over de indeling, nieuwste eerst')}
        captionHidden
        rows={history}
        rowKey={(h) => h.id}
        empty={t('Nog geen besluiten over de indeling.')}
        columns={[
          { header: t('Datum'), rowHeader: true, cell: (h) => formatDateTime(h.decidedAt) },
          { header: t('Van'), cell: (h) => codesText(h.before) },
          { header: t('Naar'), cell: (h) => codesText(h.after) },
          {
            header: t('Besluit'),
            cell: (h) => (h.decision === 'confirmed' ? t('Voorstel bevestigd') : t('Afgeweken van het voorstel')),
          },
          { header: t('Reden'), cell: (h) => h.reason },
          { header: t('Door'), cell: (h) => h.decidedByName },
        ]}
      />
    </>
  );
}
