import { TextLink } from '../../components/button';
import { StartTile, TileCount } from '../../components/start-tile';
import { api, toQuery, type Page } from '../../lib/api-client';
import { formatCount, formatDateTime } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { useT } from '../../i18n';
import { baseName } from './exchange-parts';
import type { ImportedFile } from './types';

/** Start page: the rejected iJw files still open in quarantine (not handled, not resolved), newest first. */
export function QuarantineTile() {
  const { t, lang } = useT();
  const [state] = useLoad(
    (signal) =>
      api<Page<ImportedFile>>(
        `/imports${toQuery({ status: 'rejected', quarantineState: 'open', page: 1, pageSize: 5 })}`,
        { signal },
      ),
    [],
  );
  return (
    <StartTile title={t('Quarantaine')} state={state}>
      {(files) => {
        const total = files?.page.totalElements ?? 0;
        return (
          <>
            <TileCount
              count={formatCount(total, lang)}
              label={t('afgekeurd bestand te behandelen|afgekeurde bestanden te behandelen', { count: total })}
            />
            {total > 0 && (
              <ul className="start-tile__list">
                {files!.data.map((f) => (
                  <li key={f.id}>
                    <TextLink to={`/berichten/quarantaine/${f.id}`}>{baseName(f.fileName)}</TextLink>
                    <br />
                    <time dateTime={f.receivedAt}>{formatDateTime(f.receivedAt)}</time>
                  </li>
                ))}
              </ul>
            )}
            <p className="utrecht-paragraph">
              <TextLink to="/berichten/quarantaine">{t('Naar de quarantaine')}</TextLink>
            </p>
          </>
        );
      }}
    </StartTile>
  );
}
