import type { ReactNode } from 'react';
import { cx } from './cx';

type AlertType = 'info' | 'ok' | 'warning' | 'error';

/** A message box; errors and warnings get role="alert" so screen readers announce them at once. */
export function Alert({
  type = 'info',
  children,
  role,
}: {
  type?: AlertType;
  children: ReactNode;
  role?: 'alert' | 'status';
}) {
  const defaultRole = type === 'error' || type === 'warning' ? 'alert' : 'status';
  return (
    <div
      className={cx('utrecht-alert', `utrecht-alert--${type}`, 'utrecht-alert--distanced')}
      role={role ?? defaultRole}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}
