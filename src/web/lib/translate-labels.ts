import type { Msg, Translate } from '../i18n';

/**
 * Translates a form's field-name map for the error summary. With a prefix (see useFormErrors), the keys
 * become the prefixed field ids the summary reports ("perceel-code").
 */
export function translateLabels(labels: Record<string, Msg>, t: Translate, prefix?: string): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([key, msg]) => [prefix ? `${prefix}-${key}` : key, t(msg)]));
}
