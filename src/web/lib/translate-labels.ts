import type { Msg, Translate } from '../i18n';

/** Translates a form's field-name map for the error summary. */
export function translateLabels(labels: Record<string, Msg>, t: Translate): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([key, msg]) => [key, t(msg)]));
}
