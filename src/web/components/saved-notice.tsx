import { useLocation } from 'react-router';
import { useT } from '../i18n';
import { Alert } from './alert';

/** Shows "opgeslagen" after a form navigated here with { saved: true } in the history state. */
export function SavedNotice() {
  const { t } = useT();
  const location = useLocation();
  const saved = (location.state as { saved?: boolean } | null)?.saved;
  return saved ? <Alert type="ok">{t('De gegevens zijn opgeslagen.')}</Alert> : null;
}
