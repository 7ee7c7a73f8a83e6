import { availabilityLimits, languageNames, offerForms } from '../../../shared/availability';
import { CheckboxField, CheckboxGroup, Fieldset, TextAreaField, TextField } from '../../components/form-fields';
import type { FormErrors } from '../../lib/form-errors';
import { formatDate, todayIso } from '../../lib/format';
import { addDays } from '../../../shared/period';
import { useT } from '../../i18n';
import type { EntryDraft } from './entry-draft';
import { offerFormLabels } from './types';

/** The figures and details of an entry, shared by the add and the edit form; errors come from the server. */
export function EntryFields({
  draft,
  set,
  errors,
  vocabulary,
}: {
  draft: EntryDraft;
  set: <K extends keyof EntryDraft>(key: K) => (value: EntryDraft[K]) => void;
  errors: FormErrors;
  vocabulary: string[];
}) {
  const { t } = useT();
  const earliestStop = addDays(todayIso(), availabilityLimits.stopNoticeDays);
  const weeks = t('In hele weken, van 0 tot en met {max}', { max: availabilityLimits.maxWaitWeeks });
  return (
    <>
      <Fieldset legend={t('Wachttijden, wachtlijst en plaatsen')}>
        <TextField
          id="intakeWaitWeeks"
          label={t('Aanmeldwachttijd (weken)')}
          description={`${t('Van complete aanmelding tot intake.')} ${weeks}`}
          inputMode="numeric"
          value={draft.intakeWaitWeeks}
          onChange={set('intakeWaitWeeks')}
          error={errors.of('intakeWaitWeeks')}
        />
        <TextField
          id="treatmentWaitWeeks"
          label={t('Behandelwachttijd (weken)')}
          description={`${t('Van intake tot start van de zorg.')} ${weeks}`}
          inputMode="numeric"
          value={draft.treatmentWaitWeeks}
          onChange={set('treatmentWaitWeeks')}
          error={errors.of('treatmentWaitWeeks')}
        />
        <TextField
          id="waitingListCount"
          label={t('Jeugdigen op de wachtlijst')}
          inputMode="numeric"
          value={draft.waitingListCount}
          onChange={set('waitingListCount')}
          error={errors.of('waitingListCount')}
        />
        <TextField
          id="openPlaces"
          label={t('Open plaatsen')}
          description={t('Alleen bij zorg met verblijf; laat anders leeg.')}
          inputMode="numeric"
          value={draft.openPlaces}
          onChange={set('openPlaces')}
          error={errors.of('openPlaces')}
        />
      </Fieldset>
      <Fieldset
        id="clientStop"
        legend={t('Cliëntenstop')}
        description={t(
          'Kondig een cliëntenstop ten minste {days} dagen van tevoren aan: de vroegste start is nu {date}. Crisiszorg kan geen cliëntenstop hebben.',
          { days: availabilityLimits.stopNoticeDays, date: formatDate(earliestStop) },
        )}
        error={errors.of('clientStop')}
      >
        <CheckboxField id="stop" label={t('Er is een cliëntenstop')} checked={draft.stop} onChange={set('stop')} />
        {draft.stop && (
          <>
            <TextAreaField
              id="clientStop.reason"
              label={t('Reden')}
              rows={2}
              value={draft.stopReason}
              onChange={set('stopReason')}
              error={errors.of('clientStop.reason')}
            />
            <TextField
              id="clientStop.from"
              type="date"
              label={t('Vanaf')}
              min={earliestStop}
              value={draft.stopFrom}
              onChange={set('stopFrom')}
              error={errors.of('clientStop.from')}
            />
            <TextField
              id="clientStop.until"
              type="date"
              label={t('Tot en met')}
              value={draft.stopUntil}
              onChange={set('stopUntil')}
              error={errors.of('clientStop.until')}
            />
          </>
        )}
      </Fieldset>
      <div className="availability-choices">
        <CheckboxGroup
          id="specialisations"
          legend={t('Specialisaties')}
          description={t('Uit de lijst van de regio')}
          options={vocabulary.map((s) => ({ value: s, label: s }))}
          values={draft.specialisations}
          onChange={set('specialisations')}
          error={errors.ofGroup('specialisations')}
        />
      </div>
      <TextAreaField
        id="note"
        label={t('Toelichting op de expertise')}
        rows={3}
        value={draft.note}
        onChange={set('note')}
        error={errors.of('note')}
      />
      <Fieldset legend={t('Voor wie')}>
        <TextField
          id="ageFrom"
          label={t('Leeftijd vanaf (jaar)')}
          inputMode="numeric"
          value={draft.ageFrom}
          onChange={set('ageFrom')}
          error={errors.of('ageFrom')}
        />
        <TextField
          id="ageTo"
          label={t('Leeftijd tot en met (jaar)')}
          inputMode="numeric"
          value={draft.ageTo}
          onChange={set('ageTo')}
          error={errors.of('ageTo')}
        />
      </Fieldset>
      <div className="availability-choices">
        <CheckboxGroup
          id="offerForms"
          legend={t('Vorm')}
          options={offerForms.map((f) => ({ value: f, label: t(offerFormLabels[f]) }))}
          values={draft.offerForms}
          onChange={set('offerForms')}
          error={errors.ofGroup('offerForms')}
        />
      </div>
      <div className="availability-choices">
        <CheckboxGroup
          id="languages"
          legend={t('Talen')}
          options={Object.entries(languageNames).map(([value, label]) => ({ value, label }))}
          values={draft.languages}
          onChange={set('languages')}
          error={errors.ofGroup('languages')}
        />
      </div>
      <Fieldset legend={t('Aanmelden')}>
        <TextField
          id="intakePhone"
          type="tel"
          label={t('Telefoon voor aanmelding')}
          autoComplete="off"
          value={draft.intakePhone}
          onChange={set('intakePhone')}
          error={errors.of('intakePhone')}
        />
        <TextField
          id="intakeEmail"
          type="email"
          label={t('E-mail voor aanmelding')}
          autoComplete="off"
          value={draft.intakeEmail}
          onChange={set('intakeEmail')}
          error={errors.of('intakeEmail')}
        />
        <TextAreaField
          id="intakeHow"
          label={t('Hoe meldt een verwijzer aan?')}
          rows={3}
          value={draft.intakeHow}
          onChange={set('intakeHow')}
          error={errors.of('intakeHow')}
        />
      </Fieldset>
    </>
  );
}
