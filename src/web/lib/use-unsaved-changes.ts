import { useCallback, useEffect, useRef, useState } from 'react';
import { useBlocker } from 'react-router';
import { useT } from '../i18n';

/**
 * Warns before a form left half-filled is left: a link, the menu or the back button inside the app asks first
 * (react-router's useBlocker, answered with the browser's own confirm dialog, which every screen reader announces),
 * and closing or reloading the tab gets the browser's "leave site?" question. `current` is the form's draft; the
 * form counts as changed when it differs from the draft of its first render. Call `allowLeave()` right before
 * navigating away after a save, so the saved form does not ask.
 */
export function useUnsavedChanges(current: unknown): { dirty: boolean; allowLeave(): void } {
  const { t } = useT();
  const [initial] = useState(() => JSON.stringify(current));
  const dirty = JSON.stringify(current) !== initial;
  const leaving = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      !leaving.current &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  const question = t(
    'U hebt wijzigingen die nog niet zijn opgeslagen. Wilt u deze pagina verlaten zonder op te slaan?',
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(question)) blocker.proceed();
    else blocker.reset();
  }, [blocker, question]);
  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => {
      if (leaving.current) return;
      event.preventDefault();
      // Older browsers show the question only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
  const allowLeave = useCallback(() => {
    leaving.current = true;
  }, []);
  return { dirty, allowLeave };
}
