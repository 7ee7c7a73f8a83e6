import { can } from '../../../shared/permissions';
import { Loaded, ProblemPage } from '../../components/page-state';
import { useDocumentTitle } from '../../components/page-title';
import { useUser } from '../../lib/auth';
import { useRegionState } from '../../lib/region';
import type { Coded, Region } from '../../lib/types';
import { useT } from '../../i18n';
import { forbidden } from '../providers/provider-form';
import { CbsListSection, officialName, useCbsList, type CbsList } from './cbs-list-section';
import { CodedSection } from './coded-section';
import { NewRegionForm, RegionNameForm } from './region-forms';
import { TierLevelsSection } from './tier-levels-section';

/** /regio: the region's frame (municipalities, lots, budget lines, tiers); editors add to it here. */
export function RegionPage() {
  const { t } = useT();
  const user = useUser();
  const state = useRegionState();
  if (!can(user, 'regions.read')) return <ProblemPage error={forbidden(t, t('Uw rol mag de regio niet inzien.'))} />;
  return <Loaded state={state}>{(region) => (region ? <RegionDetail region={region} /> : <NoRegion />)}</Loaded>;
}

function NoRegion() {
  const { t } = useT();
  const user = useUser();
  const [list, reloadList] = useCbsList();
  useDocumentTitle(t('Regio'));
  return (
    <>
      <h1 className="utrecht-heading-1">{t('Regio')}</h1>
      <p className="utrecht-paragraph">{t('Er is nog geen regio ingericht.')}</p>
      {can(user, 'regions.create') && <NewRegionForm />}
      {can(user, 'regions.create') && <CbsListSection list={list} onLoaded={reloadList} />}
    </>
  );
}

function RegionDetail({ region }: { region: Region }) {
  const { t } = useT();
  const user = useUser();
  useDocumentTitle(region.name);
  const editable = can(user, 'regions.edit');
  const [list, reloadList] = useCbsList();
  const describe = (row: Coded) => `${row.code} – ${row.name}`;

  return (
    <>
      <h1 className="utrecht-heading-1">{region.name}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">
        {t('De gemeenten, percelen, begrotingsposten en niveaus waarmee de regio werkt.')}
      </p>
      {editable && <RegionNameForm region={region} />}
      <CodedSection
        prefix="gemeente"
        regionId={region.id}
        path="municipalities"
        itemPath="municipalities"
        title="Gemeenten"
        addTitle="Gemeente toevoegen"
        rows={region.municipalities}
        columns={[
          { header: t('CBS-code'), rowHeader: true, cell: (m) => m.cbsCode },
          { header: t('Naam'), cell: (m) => m.name },
        ]}
        fields={[
          { name: 'cbsCode', label: 'CBS-code', description: '4 cijfers, zoals 0356', numeric: true },
          { name: 'name', label: 'Naam', editable: true },
        ]}
        editable={editable}
        emptyText="Nog geen gemeenten."
        describe={(m) => `${m.cbsCode} – ${m.name}`}
        confirm={{
          code: 'unlisted',
          field: 'unlisted',
          label: 'Deze gemeente staat nog niet op de CBS-lijst; toch toevoegen',
        }}
        complete={(draft, changed, before) => completeMunicipality(list, draft, changed, before)}
        hint={(draft) => municipalityHint(list, draft.cbsCode ?? '', t)}
      />
      {editable && <CbsListSection list={list} onLoaded={reloadList} />}
      <CodedSection
        prefix="perceel"
        regionId={region.id}
        path="lots"
        itemPath="lots"
        title="Percelen"
        addTitle="Perceel toevoegen"
        rows={region.lots}
        columns={[
          { header: t('Code'), rowHeader: true, cell: (l) => l.code },
          { header: t('Naam'), cell: (l) => l.name },
        ]}
        fields={[
          { name: 'code', label: 'Code', description: 'Uniek in de regio, zoals AMB' },
          { name: 'name', label: 'Naam', editable: true },
        ]}
        editable={editable}
        emptyText="Nog geen percelen."
        describe={describe}
      />
      <CodedSection
        prefix="post"
        regionId={region.id}
        path="budget-lines"
        itemPath="budget-lines"
        title="Begrotingsposten"
        addTitle="Begrotingspost toevoegen"
        rows={region.budgetLines}
        columns={[
          { header: t('Code'), rowHeader: true, cell: (b) => b.code },
          { header: t('Naam'), cell: (b) => b.name },
          {
            header: t('Productcategorieën'),
            cell: (b: Region['budgetLines'][number]) => b.productCategories?.join(', ') || '—',
          },
        ]}
        fields={[
          { name: 'code', label: 'Code', description: 'Uniek in de regio, zoals ZIN' },
          { name: 'name', label: 'Naam', editable: true },
          {
            name: 'productCategories',
            label: 'Productcategorieën',
            description: "De categorieën (JZ020) die deze post betaalt, gescheiden door komma's, zoals 40, 45",
            list: true,
            editable: true,
          },
        ]}
        editable={editable}
        emptyText="Nog geen begrotingsposten."
        describe={describe}
      />
      <TierLevelsSection regionId={region.id} levels={region.tierLevels} editable={editable} />
      {can(user, 'regions.create') && <NewRegionForm another />}
    </>
  );
}

/** A code typed that is on CBS's list fills in its official name, unless another name was typed. */
function completeMunicipality(
  list: CbsList | null,
  draft: Record<string, string>,
  changed: string,
  before: Record<string, string>,
): Record<string, string> {
  if (changed !== 'cbsCode') return draft;
  const official = officialName(list, draft.cbsCode ?? '');
  const earlier = officialName(list, before.cbsCode ?? '');
  return official && (!draft.name?.trim() || draft.name === earlier) ? { ...draft, name: official } : draft;
}

/** What CBS's list says of the code typed, once it has four digits. */
function municipalityHint(list: CbsList | null, code: string, t: ReturnType<typeof useT>['t']): string | null {
  if (!list?.loaded || !/^[0-9]{4}$/.test(code.trim())) return null;
  const official = officialName(list, code);
  return official
    ? t('Op de CBS-lijst {year}: {name}.', { year: list.year ?? '', name: official })
    : t('Gemeentecode {code} staat niet op de CBS-lijst {year}.', { code: code.trim(), year: list.year ?? '' });
}
