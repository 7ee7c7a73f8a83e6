import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { TextField } from '../../components/form-fields';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api-client';
import { formatDecimal, parseAmount } from '../../lib/format';
import { useFormErrors } from '../../lib/form-errors';
import { translateLabels } from '../../lib/translate-labels';
import { useT, type Msg } from '../../i18n';

/** The region's weights for the suggested tier (GET/PUT /provider-tiers/weights). */
export interface TierWeights {
  spendShare: number;
  youths: number;
  lots: number;
  signals: number;
  hoog: number;
  midden: number;
}
type Field = keyof TierWeights;
const fields: Field[] = ['spendShare', 'youths', 'lots', 'signals', 'hoog', 'midden'];

const fieldLabels: Record<Field, Msg> = {
  spendShare: 'Gewicht van het aandeel in de uitgaven',
  youths: 'Gewicht van het aantal jeugdigen',
  lots: 'Gewicht van het aantal percelen',
  signals: 'Gewicht van het aantal open signalen',
  hoog: 'Score vanaf hoog',
  midden: 'Score vanaf midden',
};
const weightHelp: Msg = 'Een getal van 0 tot en met 100; de gewichten tellen naar verhouding.';
const bandHelp: Msg = 'Een getal van 0 tot en met 1; de score is de gewogen som, gedeeld door de som van de gewichten.';

/**
 * The weights and bands of the suggested tier, for a role that may decide tiers: saved for the region at once, and
 * the suggestion above follows (onSaved reloads it). The audit log keeps the change.
 */
export function TierWeightsForm({ weights, onSaved }: { weights: TierWeights; onSaved(): void }) {
  const { t } = useT();
  const errors = useFormErrors();
  const [draft, setDraft] = useState<Record<Field, string>>(
    () => Object.fromEntries(fields.map((f) => [f, formatDecimal(weights[f], 2)])) as Record<Field, string>,
  );
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const body = Object.fromEntries(fields.map((f) => [f, parseAmount(draft[f])])) as Record<Field, number | null>;
    const wrong = fields
      .filter((f) => body[f] === null || Number.isNaN(body[f]))
      .map((name) => ({ name, code: 'invalid', reason: t('geef een getal, bijvoorbeeld 0,4') }));
    if (wrong.length) {
      errors.failWith(wrong);
      return;
    }
    setBusy(true);
    try {
      await api<TierWeights>('/provider-tiers/weights', { method: 'PUT', body });
      errors.clear();
      setMessage(t('De weging is vastgelegd; het voorstel hierboven gebruikt haar meteen.'));
      onSaved();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="form-section" aria-labelledby="weging-kop">
      <h2 id="weging-kop" className="utrecht-heading-2">
        {t('Weging van het voorstel')}
      </h2>
      <StatusMessage message={message} />
      <ErrorSummary errors={errors} labels={translateLabels(fieldLabels, t)} level={3} />
      <form className="form" onSubmit={submit} noValidate aria-labelledby="weging-kop">
        {fields.map((f) => (
          <TextField
            key={f}
            id={f}
            label={t(fieldLabels[f])}
            inputMode="decimal"
            autoComplete="off"
            value={draft[f]}
            onChange={(v) => setDraft((d) => ({ ...d, [f]: v }))}
            error={errors.of(f)}
            description={t(f === 'hoog' || f === 'midden' ? bandHelp : weightHelp)}
          />
        ))}
        <ButtonGroup>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t('Weging vastleggen')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
