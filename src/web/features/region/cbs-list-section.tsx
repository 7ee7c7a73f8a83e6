import { can } from '../../../shared/permissions';
import { UploadForm } from '../../components/import-parts';
import { api } from '../../lib/api-client';
import { useUser } from '../../lib/auth';
import { formatDate } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';

/** CBS's list of municipalities as loaded (GET /municipality-list). */
export interface CbsList {
  loaded: boolean;
  year: number | null;
  sourceFile: string | null;
  importedAt: string | null;
  municipalities: Array<{ code: string; name: string }>;
}

const cbsPage =
  'https://www.cbs.nl/nl-nl/onze-diensten/methoden/classificaties/overig/gemeentelijke-indelingen-per-jaar';

/** The loaded list (null while loading or when it cannot be read: the form then checks nothing itself) and a reload. */
export function useCbsList(): [CbsList | null, () => void] {
  const [state, reload] = useLoad((signal) => api<CbsList>('/municipality-list', { signal }), []);
  return [state.status === 'ok' ? state.data : null, reload];
}

/** The official name of a code on the list (the code as typed: "0344"), or null. */
export function officialName(list: CbsList | null, code: string): string | null {
  const typed = code.trim();
  return list?.municipalities.find((m) => m.code === typed)?.name ?? null;
}

/**
 * What the municipality codes are checked against: CBS's list with its year, or, while none is loaded, their form only
 * and how to load it. The installation's keeper reads CBS's file in here.
 */
export function CbsListSection({ list, onLoaded }: { list: CbsList | null; onLoaded(): void }) {
  const { t } = useT();
  const user = useUser();
  if (!list) return null;
  return (
    <section className="region-section" aria-labelledby="cbs-lijst-heading">
      <h2 id="cbs-lijst-heading" className="utrecht-heading-2">
        {t('Gemeentelijst van CBS')}
      </h2>
      {list.loaded ? (
        <p className="utrecht-paragraph">
          {t(
            'Gemeentecodes worden gecontroleerd tegen de CBS-lijst {year}: {count} gemeenten, uit {file}, ingelezen op {date}.',
            {
              year: list.year ?? '',
              count: list.municipalities.length,
              file: list.sourceFile ?? '',
              date: formatDate(list.importedAt),
            },
          )}
        </p>
      ) : (
        <p className="utrecht-paragraph">
          {t(
            'Er is geen gemeentelijst van CBS ingelezen: gemeentecodes worden alleen op hun vorm gecontroleerd (4 cijfers). De beheerder van de installatie leest het bestand "Gemeenten alfabetisch" van het jaar in, van de pagina Gemeentelijke indelingen per jaar van CBS, hieronder of met npm run cli -- municipalities import <bestand>.',
          )}{' '}
          <a className="utrecht-link utrecht-link--html-a" href={cbsPage} rel="noreferrer">
            {t('Gemeentelijke indelingen per jaar (CBS)')}
          </a>
        </p>
      )}
      {can(user, 'municipalityList.import') && (
        <>
          <h3 className="utrecht-heading-3">{t('CBS-lijst inlezen')}</h3>
          <p className="utrecht-paragraph">
            {t(
              'Het bestand van CBS (XLSX, of CSV met dezelfde kolommen); het jaar staat in de bestandsnaam. Het vervangt de ingelezen lijst.',
            )}
          </p>
          <UploadForm<CbsList>
            path="/municipality-list/import"
            done={(result) =>
              t('{count} gemeenten van de CBS-lijst {year} ingelezen.', {
                count: result.municipalities.length,
                year: result.year ?? '',
              })
            }
            onSaved={onLoaded}
          />
        </>
      )}
    </section>
  );
}
