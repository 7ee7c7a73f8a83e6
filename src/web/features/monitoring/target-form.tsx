import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { api } from '../../lib/api-client';
import { parseAmount, parseInteger } from '../../lib/format';
import { useFormErrors } from '../../lib/form-errors';
import { inUse, useRegion } from '../../lib/region';
import { translateLabels } from '../../lib/translate-labels';
import { useT, type Msg } from '../../i18n';
import { kpiDefinitions, type KpiId } from '../../../shared/kpi';
import { scopeLabels, useDashboardNames } from './dashboard-parts';
import { comparatorLabels, kpiName } from './kpi-figures';
import type { Comparator, KpiTarget, KpiTargetInput, ScopeType } from './monitoring-api';

interface Draft {
  kpi: string;
  scopeType: ScopeType;
  scopeKey: string;
  kind: 'absolute' | 'change';
  comparator: Comparator;
  value: string;
  changePercent: string;
  baselineYear: string;
  targetYear: string;
  note: string;
}

const fieldLabels: Record<string, Msg> = {
  kpi: 'Cijfer',
  scopeType: 'Geldt voor',
  scopeKey: 'Welke',
  comparator: 'Richting',
  value: 'Doelwaarde',
  changePercent: 'Verandering (%)',
  baselineYear: 'Basisjaar',
  targetYear: 'Doeljaar',
  note: 'Notitie',
};

const numberText = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

function toDraft(target: KpiTarget | null): Draft {
  if (!target) {
    return {
      kpi: '',
      scopeType: 'region',
      scopeKey: '',
      kind: 'absolute',
      comparator: 'atMost',
      value: '',
      changePercent: '',
      baselineYear: '',
      targetYear: '',
      note: '',
    };
  }
  return {
    kpi: target.kpi,
    scopeType: target.scopeType,
    scopeKey: target.scopeKey ?? '',
    kind: target.changePercent !== null ? 'change' : 'absolute',
    comparator: target.comparator,
    value: numberText(target.value),
    changePercent: numberText(target.changePercent),
    baselineYear: numberText(target.baselineYear),
    targetYear: numberText(target.targetYear),
    note: target.note ?? '',
  };
}

/**
 * Adds or changes a target: an absolute value (uitval hoogstens 15 %) or a change against a baseline year by a
 * target year (residentieel −30 % t.o.v. 2022 in 2025). The server checks the combination and names the field that
 * is wrong; the form only refuses what it cannot send at all (text where a number belongs).
 */
export function TargetForm({
  target,
  onSaved,
  onCancel,
}: {
  target: KpiTarget | null;
  onSaved(target: KpiTarget, created: boolean): void;
  onCancel(): void;
}) {
  const { t, lang } = useT();
  const region = useRegion();
  const names = useDashboardNames();
  const errors = useFormErrors();
  const [draft, setDraft] = useState<Draft>(() => toDraft(target));
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const labels = translateLabels(fieldLabels, t);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const numbers =
      draft.kind === 'absolute'
        ? { value: parseAmount(draft.value), changePercent: null, baselineYear: null, targetYear: null }
        : {
            value: null,
            changePercent: parseAmount(draft.changePercent),
            baselineYear: parseInteger(draft.baselineYear),
            targetYear: parseInteger(draft.targetYear),
          };
    const wrong = Object.entries(numbers)
      .filter(([, v]) => Number.isNaN(v))
      .map(([name]) => ({ name, code: 'invalid', reason: t('moet een getal zijn') }));
    if (wrong.length) {
      errors.failWith(wrong);
      return;
    }
    const body: KpiTargetInput = {
      kpi: draft.kpi as KpiId,
      scopeType: draft.scopeType,
      scopeKey: draft.scopeType === 'region' || !draft.scopeKey ? null : draft.scopeKey,
      comparator: draft.comparator,
      ...numbers,
      note: draft.note.trim() || null,
    };
    setBusy(true);
    try {
      const saved = target
        ? await api<KpiTarget>(`/kpi-targets/${target.id}`, { method: 'PATCH', body })
        : await api<KpiTarget>('/kpi-targets', { method: 'POST', body });
      errors.clear();
      onSaved(saved, !target);
      if (!target) setDraft(toDraft(null));
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }

  const scopeOptions =
    draft.scopeType === 'municipality'
      ? inUse(region?.municipalities ?? []).map((m) => ({ value: m.cbsCode, label: m.name }))
      : names.providers
          .map((p) => ({ value: p.agbCode, label: `${p.name} (${p.agbCode})` }))
          .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  const heading = target ? t('Doel wijzigen') : t('Doel toevoegen');
  return (
    <section className="target-form" aria-labelledby="doel-formulier-kop">
      <h2 id="doel-formulier-kop" className="utrecht-heading-2" tabIndex={-1}>
        {heading}
      </h2>
      <ErrorSummary errors={errors} labels={labels} level={3} />
      <form className="form" onSubmit={submit} noValidate aria-labelledby="doel-formulier-kop">
        <SelectField
          id="kpi"
          label={t('Cijfer')}
          placeholder={t('Kies een cijfer')}
          value={draft.kpi}
          onChange={(v) => set('kpi', v)}
          error={errors.of('kpi')}
          options={kpiDefinitions
            .filter((k) => k.id !== 'spend_forecast')
            .map((k) => ({ value: k.id, label: kpiName(k, lang) }))}
        />
        <SelectField
          id="scopeType"
          label={t('Geldt voor')}
          value={draft.scopeType}
          error={errors.of('scopeType')}
          onChange={(v) => setDraft((d) => ({ ...d, scopeType: v as ScopeType, scopeKey: '' }))}
          options={(['region', 'municipality', 'provider'] as const).map((s) => ({
            value: s,
            label: t(scopeLabels[s]),
          }))}
        />
        {draft.scopeType !== 'region' && (
          <SelectField
            id="scopeKey"
            label={t('Welke')}
            value={draft.scopeKey}
            onChange={(v) => set('scopeKey', v)}
            error={errors.of('scopeKey')}
            placeholder={draft.scopeType === 'municipality' ? t('Elke gemeente') : t('Elke aanbieder')}
            options={scopeOptions}
          />
        )}
        <RadioGroup
          id="kind"
          legend={t('Soort doel')}
          value={draft.kind}
          onChange={(v) => set('kind', v as Draft['kind'])}
          options={[
            { value: 'absolute', label: t('Een vaste waarde') },
            { value: 'change', label: t('Een verandering ten opzichte van een basisjaar') },
          ]}
        />
        <SelectField
          id="comparator"
          label={t('Richting')}
          value={draft.comparator}
          onChange={(v) => set('comparator', v as Comparator)}
          error={errors.of('comparator')}
          description={t('Hoogstens: het cijfer mag niet boven het doel komen; minstens: niet eronder.')}
          options={(['atMost', 'atLeast'] as const).map((c) => ({ value: c, label: t(comparatorLabels[c]) }))}
        />
        {draft.kind === 'absolute' ? (
          <TextField
            id="value"
            label={t('Doelwaarde')}
            inputMode="decimal"
            autoComplete="off"
            value={draft.value}
            onChange={(v) => set('value', v)}
            error={errors.of('value')}
            description={t('In de eenheid van het cijfer: 15 voor 15 %, 70 voor 70 dagen')}
          />
        ) : (
          <div className="field-row">
            <TextField
              id="changePercent"
              label={t('Verandering (%)')}
              inputMode="decimal"
              autoComplete="off"
              value={draft.changePercent}
              onChange={(v) => set('changePercent', v)}
              error={errors.of('changePercent')}
              description={t('Zoals -30 of 30')}
            />
            <TextField
              id="baselineYear"
              label={t('Basisjaar')}
              inputMode="numeric"
              autoComplete="off"
              value={draft.baselineYear}
              onChange={(v) => set('baselineYear', v)}
              error={errors.of('baselineYear')}
              description={t('Zoals 2022')}
            />
            <TextField
              id="targetYear"
              label={t('Doeljaar')}
              inputMode="numeric"
              autoComplete="off"
              value={draft.targetYear}
              onChange={(v) => set('targetYear', v)}
              error={errors.of('targetYear')}
              description={t('Zoals 2025')}
            />
          </div>
        )}
        <TextAreaField
          id="note"
          label={t('Notitie')}
          value={draft.note}
          onChange={(v) => set('note', v)}
          error={errors.of('note')}
          description={t('Mag leeg blijven')}
          rows={2}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary" disabled={busy}>
            {target ? t('Opslaan') : t('Toevoegen')}
          </Button>
          {target && (
            <Button appearance="secondary" onClick={onCancel}>
              {t('Annuleren')}
            </Button>
          )}
        </ButtonGroup>
      </form>
    </section>
  );
}
