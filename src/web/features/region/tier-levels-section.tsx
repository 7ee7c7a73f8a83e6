import { useState } from 'react';
import { Button } from '../../components/button';
import { StatusMessage } from '../../components/status-message';
import { Table, type Column } from '../../components/table';
import { tierSchemeLabels } from '../../lib/labels';
import type { TierLevel } from '../../lib/types';
import { useT } from '../../i18n';
import type { TierScheme } from './tier-level-draft';
import { TierLevelAddForm, TierLevelEditForm } from './tier-level-form';

const editButtonId = (level: TierLevel) => `niveau-${level.id}-bewerken`;

/**
 * The region's two tier schemes, a table each. Editors change a level with the form that opens under its
 * table ("Bewerken" in the row) and add levels with the form below; focus goes back to the row's button.
 */
export function TierLevelsSection({
  regionId,
  levels,
  editable,
}: {
  regionId: string;
  levels: TierLevel[];
  editable: boolean;
}) {
  const { t } = useT();
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<{ scheme: TierScheme; text: string } | null>(null);
  const none = '—';
  const describe = (l: { code: string; name: string }) => `${l.code} – ${l.name}`;

  const columns: Column<TierLevel>[] = [
    { header: t('Code'), rowHeader: true, cell: (l) => l.code },
    { header: t('Naam'), cell: (l) => l.name },
    { header: t('Omschrijving'), cell: (l) => l.description ?? none },
    { header: t('Accountgesprekken per jaar'), numeric: true, cell: (l) => l.accountMeetingsPerYear ?? none },
    { header: t('Sluit uit'), cell: (l) => l.excludesCode ?? none },
  ];
  if (editable) {
    columns.push({
      header: <span className="visually-hidden">{t('Actie')}</span>,
      cell: (l) => (
        <Button
          id={editButtonId(l)}
          appearance="subtle"
          aria-expanded={editing === l.id}
          onClick={() => {
            setMessage(null);
            setEditing(editing === l.id ? null : l.id);
          }}
        >
          {t('Bewerken')}
          <span className="visually-hidden"> {describe(l)}</span>
        </Button>
      ),
    });
  }

  const done = (level: TierLevel, saved: TierLevel | null) => {
    setEditing(null);
    if (saved) setMessage({ scheme: saved.scheme, text: t('{name} is opgeslagen.', { name: describe(saved) }) });
    requestAnimationFrame(() => document.getElementById(editButtonId(level))?.focus());
  };

  return (
    <section className="region-section" aria-labelledby="niveaus-heading">
      <h2 id="niveaus-heading" className="utrecht-heading-2">
        {t('Niveaus')}
      </h2>
      {(Object.keys(tierSchemeLabels) as TierScheme[]).map((scheme) => {
        const rows = levels.filter((l) => l.scheme === scheme);
        const open = rows.find((l) => l.id === editing);
        return (
          <div key={scheme}>
            <h3 id={`niveaus-${scheme}-heading`} className="utrecht-heading-3">
              {t(tierSchemeLabels[scheme])}
            </h3>
            <Table
              caption={t(tierSchemeLabels[scheme])}
              captionHidden
              rows={rows}
              rowKey={(l) => l.id}
              empty={t('Nog geen niveaus in deze indeling.')}
              columns={columns}
            />
            <StatusMessage message={message?.scheme === scheme ? message.text : null} />
            {open && (
              <TierLevelEditForm key={open.id} level={open} levels={levels} onDone={(saved) => done(open, saved)} />
            )}
          </div>
        );
      })}
      {editable && <TierLevelAddForm regionId={regionId} levels={levels} />}
    </section>
  );
}
