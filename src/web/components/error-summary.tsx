import { useEffect, useRef } from 'react';
import { focusField, labelField, type FormErrors } from '../lib/form-errors';
import { useT } from '../i18n';

/**
 * The list of problems at the top of a form (NL Design System / GOV.UK pattern): it takes focus after a
 * failed submit, and each item links to its field.
 */
export function ErrorSummary({ errors, labels }: { errors: FormErrors; labels: Record<string, string> }) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.hasAny) ref.current?.focus();
  }, [errors.round, errors.hasAny]);
  if (!errors.hasAny) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-heading" className="utrecht-alert utrecht-alert--error error-summary">
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h2 id="error-summary-heading" className="utrecht-heading-2">{t('Er zijn fouten')}</h2>
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
