import { can } from '../../../shared/permissions';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, ButtonGroup, TextLink } from '../../components/button';
import { ErrorSummary } from '../../components/error-summary';
import { CheckboxField, SelectField, TextField } from '../../components/form-fields';
import { Loaded, ProblemPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { RowLabel, RowsEditor } from '../../components/rows-editor';
import { api } from '../../lib/api-client';
import { useUnsavedChanges } from '../../lib/use-unsaved-changes';
import { useUser } from '../../lib/auth';
import { codeOptions, useCodeList } from '../../lib/code-lists';
import { useFormErrors } from '../../lib/form-errors';
import { fundingVariantLabels, intensityLabels, stayFormLabels } from '../../lib/labels';
import { stayForms } from '../../../shared/domain';
import { inUse, useRegion } from '../../lib/region';
import { translateLabels } from '../../lib/translate-labels';
import type { FundingVariant, Intensity, Product } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { forbidden } from '../providers/provider-form';
import {
  draftFromProduct,
  emptyProduct,
  newTariff,
  productFieldLabels,
  toProductBody,
  toProductUpdate,
  type ProductDraft,
} from './product-draft';

export function ProductNewPage() {
  const { t } = useT();
  const user = useUser();
  if (!can(user, 'products.edit'))
    return <ProblemPage error={forbidden(t, t('Uw rol mag geen producten vastleggen.'))} />;
  return <ProductForm />;
}

export function ProductEditPage() {
  const { t } = useT();
  const user = useUser();
  const { id = '' } = useParams();
  const [state] = useLoad((signal) => api<Product>(`/products/${encodeURIComponent(id)}`, { signal }), [id]);
  if (!can(user, 'products.edit'))
    return <ProblemPage error={forbidden(t, t('Uw rol mag geen producten wijzigen.'))} />;
  return <Loaded state={state}>{(product) => <ProductForm product={product} />}</Loaded>;
}

function ProductForm({ product }: { product?: Product }) {
  const { t } = useT();
  const region = useRegion();
  const navigate = useNavigate();
  const errors = useFormErrors();
  const categories = useCodeList('JZ020');
  const units = useCodeList('WJ756');
  const [draft, setDraft] = useState<ProductDraft>(() => (product ? draftFromProduct(product) : emptyProduct));
  const unsaved = useUnsavedChanges(draft);
  const [busy, setBusy] = useState(false);
  const title = product ? t('Product {code} bewerken', { code: product.productCode }) : t('Nieuw product');
  useDocumentTitle(errors.hasAny ? `${t('Fout')}: ${title}` : title);
  const set =
    <K extends keyof ProductDraft>(key: K) =>
    (value: ProductDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { body, problems } = toProductBody(draft, region?.id ?? '', {
      amount: t('moet een bedrag zijn, zoals 72,50'),
      required: t('vul een tarief in'),
      year: t('vul een jaartal in, zoals 2025'),
      wholeNumber: t('moet een heel getal zijn'),
    });
    if (problems.length) return errors.failWith(problems);
    setBusy(true);
    try {
      const saved = product
        ? await api<Product>(`/products/${product.id}`, { method: 'PATCH', body: toProductUpdate(body) })
        : await api<Product>('/products', { method: 'POST', body });
      unsaved.allowLeave();
      navigate(`/producten/${saved.id}`, { state: { saved: true } });
    } catch (error) {
      errors.fail(error);
      setBusy(false);
    }
  }

  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <ErrorSummary errors={errors} labels={translateLabels(productFieldLabels, t)} />
      <form onSubmit={submit} noValidate className="form">
        <TextField
          id="productCode"
          label={t('Productcode')}
          description={t('Regionale code, hoogstens 5 tekens')}
          autoComplete="off"
          value={draft.productCode}
          onChange={set('productCode')}
          error={errors.of('productCode')}
        />
        <TextField
          id="name"
          label={t('Naam')}
          autoComplete="off"
          value={draft.name}
          onChange={set('name')}
          error={errors.of('name')}
        />
        <SelectField
          id="productCategory"
          label={t('Productcategorie')}
          placeholder={t('Kies een productcategorie')}
          options={codeOptions(categories)}
          value={draft.productCategory}
          onChange={set('productCategory')}
          error={errors.of('productCategory')}
        />
        <SelectField
          id="unit"
          label={t('Eenheid')}
          placeholder={t('Kies een eenheid')}
          options={codeOptions(units)}
          value={draft.unit}
          onChange={set('unit')}
          error={errors.of('unit')}
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
        <SelectField
          id="lotId"
          label={t('Perceel')}
          placeholder={t('Geen perceel')}
          value={draft.lotId}
          onChange={set('lotId')}
          error={errors.of('lotId')}
          options={inUse(region?.lots ?? [], (l) => l.id === draft.lotId).map((l) => ({
            value: l.id,
            label: `${l.code} – ${l.name}`,
          }))}
        />
        <CheckboxField
          id="withStay"
          label={t('Met verblijf')}
          checked={draft.withStay}
          onChange={set('withStay')}
          error={errors.of('withStay')}
        />
        {draft.withStay && (
          <SelectField
            id="stayForm"
            label={t('Vorm van verblijf')}
            description={t('Alleen bij zorg met verblijf; pleegzorg en gezinshuizen tellen als gezinsvormen.')}
            placeholder={t('Geen vorm van verblijf')}
            value={draft.stayForm}
            onChange={set('stayForm')}
            error={errors.of('stayForm')}
            options={stayForms.map((f) => ({ value: f, label: t(stayFormLabels[f]) }))}
          />
        )}
        <SelectField
          id="intensity"
          label={t('Intensiteit')}
          placeholder={t('Geen intensiteit')}
          value={draft.intensity}
          onChange={set('intensity')}
          error={errors.of('intensity')}
          options={(Object.keys(intensityLabels) as Intensity[]).map((i) => ({
            value: i,
            label: t(intensityLabels[i]),
          }))}
        />
        <TextField
          id="travelHoursPerFte"
          label={t('Reisuren per fte per jaar')}
          description={t('Reistijd die in het tarief is inbegrepen, zoals 60')}
          inputMode="numeric"
          autoComplete="off"
          value={draft.travelHoursPerFte}
          onChange={set('travelHoursPerFte')}
          error={errors.of('travelHoursPerFte')}
        />
        <div className="field-row">
          <TextField
            id="validFrom"
            type="date"
            label={t('Geldig vanaf')}
            value={draft.validFrom}
            onChange={set('validFrom')}
            error={errors.of('validFrom')}
          />
          <TextField
            id="validTo"
            type="date"
            label={t('Geldig tot')}
            description={t('Mag leeg blijven')}
            value={draft.validTo}
            onChange={set('validTo')}
            error={errors.of('validTo')}
          />
        </div>
        <RowsEditor
          id="tariffs"
          legend={t('Tarieven')}
          rows={draft.tariffs}
          onChange={set('tariffs')}
          newRow={newTariff}
          itemLegend={(n) => t('Tarief {n}', { n })}
          removeLabel={(n) => t('tarief {n}', { n })}
          addLabel={t('Tarief toevoegen')}
          emptyText={t('Nog geen tarieven.')}
          error={errors.ofGroup('tariffs')}
          firstField="year"
        >
          {(row, i, update) => {
            const suffix = t('van tarief {n}', { n: i + 1 });
            return (
              <>
                <TextField
                  id={`tariffs.${i}.year`}
                  label={<RowLabel text={t('Jaar')} suffix={suffix} />}
                  inputMode="numeric"
                  className="utrecht-textbox--numeric narrow"
                  value={row.year}
                  onChange={(v) => update({ year: v })}
                  error={errors.of(`tariffs.${i}.year`)}
                />
                <TextField
                  id={`tariffs.${i}.tariff`}
                  label={<RowLabel text={t('Tarief (€)')} suffix={suffix} />}
                  inputMode="decimal"
                  className="narrow"
                  value={row.tariff}
                  onChange={(v) => update({ tariff: v })}
                  error={errors.of(`tariffs.${i}.tariff`)}
                />
              </>
            );
          }}
        </RowsEditor>
        <ButtonGroup>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t('Opslaan')}
          </Button>
          <TextLink to={product ? `/producten/${product.id}` : '/producten'}>{t('Annuleren')}</TextLink>
        </ButtonGroup>
      </form>
    </>
  );
}
