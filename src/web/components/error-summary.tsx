import { createElement, useEffect, useId, useRef } from 'react';
import { focusField, labelField, type FormErrors } from '../lib/form-errors';
import { useT } from '../i18n';

/**
 * The list of problems at the top of a form (NL Design System / GOV.UK pattern): it takes focus after a
 * failed submit, and each item links to its field. `level` fits its heading into the page's outline when the
 * form is one of several on a page (a section's add form has an h3, so its summary an h4). A search form whose
 * query the server refused passes the refusal's messages without the submit state of useFormErrors().
 */
export function ErrorSummary({
  errors,
  labels,
  level = 2,
}: {
  errors: Pick<FormErrors, 'params' | 'general' | 'round' | 'hasAny'>;
  labels: Record<string, string>;
  level?: 2 | 3 | 4;
}) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  useEffect(() => {
    if (errors.hasAny) ref.current?.focus();
  }, [errors.round, errors.hasAny]);
  if (!errors.hasAny) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={headingId}
      className="utrecht-alert utrecht-alert--error error-summary"
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          {createElement(`h${level}`, { id: headingId, className: `utrecht-heading-${level}` }, t('Er zijn fouten'))}
          {errors.general && <p className="utrecht-paragraph">{errors.general}</p>}
          {errors.params.length > 0 && (
            <ul className="utrecht-unordered-list">
              {errors.params.map((param, i) => (
                <li key={`${param.name}-${i}`} className="utrecht-unordered-list__item">
                  <a
                    className="utrecht-link utrecht-link--html-a"
                    href={`#${param.name}`}
                    onClick={(event) => {
                      event.preventDefault();
                      focusField(param.name);
                    }}
                  >
                    {labelField(labels, param.name)}: {param.reason}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
