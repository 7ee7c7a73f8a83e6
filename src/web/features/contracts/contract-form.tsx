import { can } from '../../../shared/permissions';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, ButtonGroup, TextLink } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { Loaded, ProblemPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { RowLabel, RowsEditor } from '../../components/rows-editor';
import { api, fetchAll } from '../../lib/api-client';
import { useUnsavedChanges } from '../../lib/use-unsaved-changes';
import { useUser } from '../../lib/auth';
import { useFormErrors } from '../../lib/form-errors';
import { extensionStatuses, type ExtensionStatus } from '../../../shared/domain';
import { extensionStatusLabels, fundingVariantLabels, procedureLabels } from '../../lib/labels';
import { inUse, useRegion } from '../../lib/region';
import { translateLabels } from '../../lib/translate-labels';
import type { Combination, Contract, FundingVariant, Procedure, Provider } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { forbidden } from '../providers/provider-form';
import {
  contractFieldLabels,
  draftFromContract,
  emptyContract,
  newExtension,
  toContractBody,
  toContractUpdate,
  type ContractDraft,
} from './contract-draft';

export function ContractNewPage() {
  const { t } = useT();
  const user = useUser();
  if (!can(user, 'contracts.edit'))
    return <ProblemPage error={forbidden(t, t('Uw rol mag geen contracten vastleggen.'))} />;
  return <ContractForm />;
}

export function ContractEditPage() {
  const { t } = useT();
  const user = useUser();
  const { id = '' } = useParams();
  const [state] = useLoad((signal) => api<Contract>(`/contracts/${encodeURIComponent(id)}`, { signal }), [id]);
  if (!can(user, 'contracts.edit'))
    return <ProblemPage error={forbidden(t, t('Uw rol mag geen contracten wijzigen.'))} />;
  return <Loaded state={state}>{(contract) => <ContractForm contract={contract} />}</Loaded>;
}

function ContractForm({ contract }: { contract?: Contract }) {
  const { t } = useT();
  const region = useRegion();
  const navigate = useNavigate();
  const errors = useFormErrors();
  const [draft, setDraft] = useState<ContractDraft>(() => (contract ? draftFromContract(contract) : emptyContract));
  const unsaved = useUnsavedChanges(draft);
  const [busy, setBusy] = useState(false);
  const [choices] = useLoad(async (signal) => {
    const [providers, combinations] = await Promise.all([
      fetchAll<Provider>('/providers', {}, signal),
      api<{ data: Combination[] }>('/combinations', { signal })
        .then((r) => r.data)
        .catch(() => []),
    ]);
    return { providers, combinations };
  }, []);
  const title = contract ? t('Contract {reference} bewerken', { reference: contract.reference }) : t('Nieuw contract');
  useDocumentTitle(errors.hasAny ? `${t('Fout')}: ${title}` : title);
  const set =
    <K extends keyof ContractDraft>(key: K) =>
    (value: ContractDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { body, problems } = toContractBody(
      draft,
      region?.id ?? '',
      t('moet een bedrag zijn, zoals 250000 of 250.000,00'),
    );
    if (problems.length) return errors.failWith(problems);
    setBusy(true);
    try {
      const saved = contract
        ? await api<Contract>(`/contracts/${contract.id}`, { method: 'PATCH', body: toContractUpdate(body) })
        : await api<Contract>('/contracts', { method: 'POST', body });
      unsaved.allowLeave();
      navigate(`/contracten/${saved.id}`, { state: { saved: true } });
    } catch (error) {
      errors.fail(error);
      setBusy(false);
    }
  }

  const providers = choices.status === 'ok' ? choices.data.providers : [];
  const combinations = choices.status === 'ok' ? choices.data.combinations : [];
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <ErrorSummary errors={errors} labels={translateLabels(contractFieldLabels, t)} />
      <form onSubmit={submit} noValidate className="form">
        <TextField
          id="reference"
          label={t('Kenmerk')}
          description={t('Uniek in de regio, zoals LEK-2023-014')}
          autoComplete="off"
          value={draft.reference}
          onChange={set('reference')}
          error={errors.of('reference')}
        />
        <SelectField
          id="providerId"
          label={t('Aanbieder')}
          placeholder={choices.status === 'loading' ? t('Laden…') : t('Kies een aanbieder')}
          aria-busy={choices.status === 'loading'}
          options={providers.map((p) => ({ value: p.id, label: `${p.name} (${p.agbCode})` }))}
          value={draft.providerId}
          onChange={set('providerId')}
          error={errors.of('providerId')}
        />
        <SelectField
          id="combinationId"
          label={t('Combinatie')}
          description={t('Alleen als een combinatie het contract houdt')}
          placeholder={t('Geen combinatie')}
          options={combinations.map((c) => ({ value: c.id, label: c.name }))}
          value={draft.combinationId}
          onChange={set('combinationId')}
          error={errors.of('combinationId')}
        />
        <SelectField
          id="lotId"
          label={t('Perceel')}
          placeholder={t('Kies een perceel')}
          options={inUse(region?.lots ?? [], (l) => l.id === draft.lotId).map((l) => ({
            value: l.id,
            label: `${l.code} – ${l.name}`,
          }))}
          value={draft.lotId}
          onChange={set('lotId')}
          error={errors.of('lotId')}
        />
        <div className="field-row">
          <TextField
            id="startDate"
            type="date"
            label={t('Startdatum')}
            value={draft.startDate}
            onChange={set('startDate')}
            error={errors.of('startDate')}
          />
          <TextField
            id="endDate"
            type="date"
            label={t('Einddatum')}
            value={draft.endDate}
            onChange={set('endDate')}
            error={errors.of('endDate')}
          />
        </div>
        <SelectField
          id="procedure"
          label={t('Procedure')}
          placeholder={t('Kies een procedure')}
          value={draft.procedure}
          onChange={set('procedure')}
          error={errors.of('procedure')}
          options={(Object.keys(procedureLabels) as Procedure[]).map((p) => ({
            value: p,
            label: t(procedureLabels[p]),
          }))}
        />
        <SelectField
          id="fundingVariant"
          label={t('Uitvoeringsvariant')}
          placeholder={t('Kies een uitvoeringsvariant')}
          value={draft.fundingVariant}
          onChange={set('fundingVariant')}
          error={errors.of('fundingVariant')}
          options={(Object.keys(fundingVariantLabels) as FundingVariant[]).map((v) => ({
            value: v,
            label: t(fundingVariantLabels[v]),
          }))}
        />
        <TextField
          id="budgetCeiling"
          label={t('Budgetplafond (€)')}
          description={t('Mag leeg blijven')}
          inputMode="decimal"
          autoComplete="off"
          value={draft.budgetCeiling}
          onChange={set('budgetCeiling')}
          error={errors.of('budgetCeiling')}
        />
        <TextAreaField
          id="notes"
          label={t('Toelichting')}
          rows={3}
          value={draft.notes}
          onChange={set('notes')}
          error={errors.of('notes')}
        />
        <RowsEditor
          id="extensions"
          legend={t('Verlengingen')}
          rows={draft.extensions}
          onChange={set('extensions')}
          newRow={newExtension}
          itemLegend={(n) => t('Verlenging {n}', { n })}
          removeLabel={(n) => t('verlenging {n}', { n })}
          addLabel={t('Verlenging toevoegen')}
          emptyText={t('Nog geen verlengingen.')}
          error={errors.ofGroup('extensions')}
          firstField="newEndDate"
        >
          {(row, i, update) => {
            const suffix = t('van verlenging {n}', { n: i + 1 });
            return (
              <>
                <TextField
                  id={`extensions.${i}.newEndDate`}
                  type="date"
                  label={<RowLabel text={t('Nieuwe einddatum')} suffix={suffix} />}
                  value={row.newEndDate}
                  onChange={(v) => update({ newEndDate: v })}
                  error={errors.of(`extensions.${i}.newEndDate`)}
                />
                <SelectField
                  id={`extensions.${i}.status`}
                  label={<RowLabel text={t('Status van de verlenging')} suffix={suffix} />}
                  value={row.status}
                  onChange={(v) => update({ status: v as ExtensionStatus })}
                  options={extensionStatuses.map((s) => ({ value: s, label: t(extensionStatusLabels[s]) }))}
                  error={errors.of(`extensions.${i}.status`)}
                />
                <TextField
                  id={`extensions.${i}.decideBy`}
                  type="date"
                  label={<RowLabel text={t('Uiterlijk besluiten op')} suffix={suffix} />}
                  value={row.decideBy}
                  onChange={(v) => update({ decideBy: v })}
                  error={errors.of(`extensions.${i}.decideBy`)}
                />
                <TextField
                  id={`extensions.${i}.decidedOn`}
                  type="date"
                  label={<RowLabel text={t('Besluitdatum')} suffix={suffix} />}
                  value={row.decidedOn}
                  // A decision date means the option was taken up: the status follows unless someone set it.
                  onChange={(v) =>
                    update({ decidedOn: v, ...(v && row.status === 'option' ? { status: 'decided' } : {}) })
                  }
                  error={errors.of(`extensions.${i}.decidedOn`)}
                />
                <TextField
                  id={`extensions.${i}.note`}
                  label={<RowLabel text={t('Notitie')} suffix={suffix} />}
                  value={row.note}
                  onChange={(v) => update({ note: v })}
                  error={errors.of(`extensions.${i}.note`)}
                />
              </>
            );
          }}
        </RowsEditor>
        <ButtonGroup>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t('Opslaan')}
          </Button>
          <TextLink to={contract ? `/contracten/${contract.id}` : '/contracten'}>{t('Annuleren')}</TextLink>
        </ButtonGroup>
      </form>
    </>
  );
}
