import { TextField } from '../../components/form-fields';
import { RowLabel, RowsEditor } from '../../components/rows-editor';
import type { FormErrors } from '../../lib/form-errors';
import { useT } from '../../i18n';
import { newRowKey } from '../../lib/row-key';
import type { LocationDraft } from './provider-draft';

/** The provider's locations; the row inputs are named "Naam van locatie n" so they never clash with "Naam". */
export function LocationsEditor({
  rows,
  onChange,
  errors,
}: {
  rows: LocationDraft[];
  onChange(rows: LocationDraft[]): void;
  errors: FormErrors;
}) {
  const { t } = useT();
  return (
    <RowsEditor
      id="locations"
      legend={t('Locaties')}
      rows={rows}
      onChange={onChange}
      newRow={() => ({ key: newRowKey(), name: '', postcode: '', city: '', latitude: '', longitude: '' })}
      itemLegend={(n) => t('Locatie {n}', { n })}
      removeLabel={(n) => t('locatie {n}', { n })}
      addLabel={t('Locatie toevoegen')}
      emptyText={t('Nog geen locaties.')}
      error={errors.ofGroup('locations')}
      firstField="name"
    >
      {(row, i, update) => {
        const suffix = t('van locatie {n}', { n: i + 1 });
        return (
          <>
            <TextField
              id={`locations.${i}.name`}
              label={<RowLabel text={t('Naam')} suffix={suffix} />}
              value={row.name}
              onChange={(v) => update({ name: v })}
              error={errors.of(`locations.${i}.name`)}
            />
            <TextField
              id={`locations.${i}.postcode`}
              label={<RowLabel text={t('Postcode')} suffix={suffix} />}
              className="utrecht-textbox--postal-code-nl-size"
              autoComplete="off"
              value={row.postcode}
              onChange={(v) => update({ postcode: v })}
              error={errors.of(`locations.${i}.postcode`)}
            />
            <TextField
              id={`locations.${i}.city`}
              label={<RowLabel text={t('Plaats')} suffix={suffix} />}
              value={row.city}
              onChange={(v) => update({ city: v })}
              error={errors.of(`locations.${i}.city`)}
            />
            <TextField
              id={`locations.${i}.latitude`}
              label={<RowLabel text={t('Breedtegraad')} suffix={suffix} />}
              description={t('Mag leeg: dan het midden van het postcodegebied. WGS84, bijvoorbeeld 52,03.')}
              inputMode="decimal"
              autoComplete="off"
              value={row.latitude}
              onChange={(v) => update({ latitude: v })}
              error={errors.of(`locations.${i}.latitude`)}
            />
            <TextField
              id={`locations.${i}.longitude`}
              label={<RowLabel text={t('Lengtegraad')} suffix={suffix} />}
              description={t('Bijvoorbeeld 5,17.')}
              inputMode="decimal"
              autoComplete="off"
              value={row.longitude}
              onChange={(v) => update({ longitude: v })}
              error={errors.of(`locations.${i}.longitude`)}
            />
          </>
        );
      }}
    </RowsEditor>
  );
}
