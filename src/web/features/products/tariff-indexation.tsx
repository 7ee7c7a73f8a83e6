import { useState } from 'react';
import { TextLink } from '../../components/button';
import { SelectField, TextField } from '../../components/form-fields';
import {
  clientRefusal,
  PreviewApplyButtons,
  PreviewApplyStatus,
  usePreviewApply,
} from '../../components/preview-apply';
import { Loading, pageProblem } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { Table } from '../../components/table';
import { api, toQuery } from '../../lib/api-client';
import { formatEuro, parseAmount } from '../../lib/format';
import { useRegion } from '../../lib/region';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';

interface IndexationResult {
  toYear: number;
  fromYear: number;
  applied: boolean;
  created: number;
  rows: Array<{
    productId: string;
    productCode: string;
    name: string;
    lotName: string | null;
    fromTariff: number | null;
    tariff: number | null;
    existing: number | null;
    action: 'create' | 'keep' | 'missing';
  }>;
}
interface MissingTariff {
  productId: string;
  productCode: string;
  name: string;
  lotName: string | null;
  missingYears: number[];
}

const roundings = ['half-up', 'down', 'up'] as const;

/**
 * /producten/indexatie: the yearly tariff indexation of a lot or all products, with the region's rounding rule, as a
 * preview to accept; below it the products that lack a tariff for a year they are valid in.
 */
export function TariffIndexationPage() {
  const { t } = useT();
  const region = useRegion();
  const current = new Date().getFullYear();
  useDocumentTitle(t('Tarieven indexeren'));
  const [lotId, setLotId] = useState('');
  const [fromYear, setFromYear] = useState(String(current));
  const [toYear, setToYear] = useState(String(current + 1));
  const [percent, setPercent] = useState('');
  const [rounding, setRounding] = useState<(typeof roundings)[number]>('half-up');
  const [missing, reloadMissing] = useLoad(
    (signal) =>
      api<{ data: MissingTariff[] }>(`/products/missing-tariffs${toQuery({ throughYear: toYear, lotId })}`, { signal }),
    [toYear, lotId],
  );
  const { outcome, result, send, onSubmit } = usePreviewApply<IndexationResult>({
    previewPath: '/tariff-indexation-previews',
    applyPath: '/tariff-indexations',
    body: () => request(),
    onApplied: () => reloadMissing(),
  });
  const problem = pageProblem(missing);
  if (problem) return problem;
  const years = [current + 2, current + 1, current, current - 1, current - 2].map((y) => ({
    value: String(y),
    label: String(y),
  }));
  const roundingLabels = {
    'half-up': t('Op hele centen, een halve cent naar boven'),
    down: t('Naar beneden op hele centen'),
    up: t('Naar boven op hele centen'),
  };
  const request = () => {
    const value = parseAmount(percent);
    if (value === null || Number.isNaN(value)) return clientRefusal(t('Vul een percentage in, zoals 2,5.'));
    return {
      regionId: region!.id,
      lotId: lotId || null,
      fromYear: Number(fromYear),
      toYear: Number(toYear),
      percent: value,
      rounding,
    };
  };
  const actionText = (r: IndexationResult['rows'][number]) =>
    r.action === 'create'
      ? t('nieuw tarief')
      : r.action === 'keep'
        ? t('blijft {amount} (staat er al)', { amount: formatEuro(r.existing) })
        : t('geen tarief in {year}; overgeslagen', { year: result?.fromYear ?? '' });

  return (
    <>
      <h1 className="utrecht-heading-1">{t('Tarieven indexeren')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead page-lead">
        {t(
          'Geef de producten van een perceel (of alle producten) een tarief voor een nieuw jaar: het tarief van het bronjaar plus de indexatie, afgerond volgens de regel van de regio. U ziet eerst een voorbeeld; pas met Vastleggen worden de tarieven opgeslagen. Een tarief dat er al staat blijft staan.',
        )}
      </p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <SelectField
          id="perceel"
          label={t('Perceel')}
          placeholder={t('Alle producten')}
          value={lotId}
          options={(region?.lots ?? []).map((l) => ({ value: l.id, label: `${l.code} – ${l.name}` }))}
          onChange={setLotId}
        />
        <SelectField id="van-jaar" label={t('Van jaar')} value={fromYear} options={years} onChange={setFromYear} />
        <SelectField id="naar-jaar" label={t('Naar jaar')} value={toYear} options={years} onChange={setToYear} />
        <TextField
          id="indexatie"
          label={t('Indexatie in procenten')}
          description={t('Zoals 2,5 of -1.')}
          inputMode="decimal"
          value={percent}
          onChange={setPercent}
        />
        <SelectField
          id="afronding"
          label={t('Afronding')}
          value={rounding}
          options={roundings.map((r) => ({ value: r, label: roundingLabels[r] }))}
          onChange={(v) => setRounding(v as (typeof roundings)[number])}
        />
        <PreviewApplyButtons result={result} acceptLabel={t('Vastleggen')} send={send} />
      </form>
      <PreviewApplyStatus
        outcome={outcome}
        applied={(r) => t('{count} tarieven voor {year} vastgelegd.', { count: r.created, year: r.toYear })}
      />
      {result && (
        <Table
          caption={t('Tarieven {to} uit {from}', { to: result.toYear, from: result.fromYear })}
          rows={result.rows}
          rowKey={(r) => r.productId}
          empty={t('Geen producten die in {year} gelden.', { year: result.toYear })}
          columns={[
            {
              header: t('Productcode'),
              rowHeader: true,
              cell: (r) => <TextLink to={`/producten/${r.productId}`}>{r.productCode}</TextLink>,
            },
            { header: t('Naam'), cell: (r) => r.name },
            { header: t('Perceel'), cell: (r) => r.lotName ?? '–' },
            { header: String(result.fromYear), numeric: true, cell: (r) => formatEuro(r.fromTariff) },
            { header: String(result.toYear), numeric: true, cell: (r) => formatEuro(r.tariff) },
            { header: t('Wat gebeurt er'), cell: actionText },
          ]}
        />
      )}
      <h2 className="utrecht-heading-2">{t('Producten zonder tarief')}</h2>
      {missing.status === 'loading' && <Loading />}
      {missing.status === 'ok' && (
        <Table
          caption={t('Producten zonder tarief voor een jaar waarin ze gelden, tot en met {year}', { year: toYear })}
          rows={missing.data.data}
          rowKey={(m) => m.productId}
          empty={t('Elk product heeft een tarief voor elk jaar waarin het geldt.')}
          columns={[
            {
              header: t('Productcode'),
              rowHeader: true,
              cell: (m) => <TextLink to={`/producten/${m.productId}`}>{m.productCode}</TextLink>,
            },
            { header: t('Naam'), cell: (m) => m.name },
            { header: t('Perceel'), cell: (m) => m.lotName ?? '–' },
            { header: t('Tarief ontbreekt voor'), cell: (m) => m.missingYears.join(', ') },
          ]}
        />
      )}
    </>
  );
}
