import { Button } from '../../components/button';
import { CheckboxField, Fieldset, TextField } from '../../components/form-fields';
import type { FormErrors } from '../../lib/form-errors';
import { useT } from '../../i18n';

export interface MilestoneInput {
  title: string;
  dueDate: string;
  done: boolean;
}

/**
 * The milestones of a development task as a list of rows (title, date, reached) with a button for one more; the
 * fields' ids follow the API's paths (`milestones.0.dueDate`), so its messages land beside the right field.
 */
export function MilestonesEditor({
  milestones,
  onChange,
  errors,
}: {
  milestones: MilestoneInput[];
  onChange(next: MilestoneInput[]): void;
  errors: FormErrors;
}) {
  const { t } = useT();
  const set = (n: number, patch: Partial<MilestoneInput>) =>
    onChange(milestones.map((m, k) => (k === n ? { ...m, ...patch } : m)));
  return (
    <Fieldset id="milestones" legend={t('Mijlpalen')} error={errors.of('milestones')}>
      {milestones.map((m, n) => (
        <div key={n} className="field-row">
          <TextField
            id={`milestones.${n}.title`}
            label={t('Mijlpaal {n}', { n: n + 1 })}
            value={m.title}
            onChange={(title) => set(n, { title })}
            error={errors.of(`milestones.${n}.title`)}
          />
          <TextField
            id={`milestones.${n}.dueDate`}
            type="date"
            label={t('Datum van mijlpaal {n}', { n: n + 1 })}
            value={m.dueDate}
            onChange={(dueDate) => set(n, { dueDate })}
            error={errors.of(`milestones.${n}.dueDate`)}
          />
          <CheckboxField
            id={`milestones.${n}.done`}
            label={t('Mijlpaal {n} is bereikt', { n: n + 1 })}
            checked={m.done}
            onChange={(done) => set(n, { done })}
          />
        </div>
      ))}
      <Button onClick={() => onChange([...milestones, { title: '', dueDate: '', done: false }])}>
        {t('Mijlpaal toevoegen')}
      </Button>
    </Fieldset>
  );
}

/** What the API takes: an empty date is left out, so the API says which milestone misses one (rows keep their index). */
export const milestonesBody = (milestones: MilestoneInput[]) =>
  milestones.map((m) => ({ title: m.title, done: m.done, ...(m.dueDate ? { dueDate: m.dueDate } : {}) }));
