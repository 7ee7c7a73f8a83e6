import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import { cx } from './cx';

export type Appearance = 'primary' | 'secondary' | 'subtle';

const buttonAppearance: Record<Appearance, string> = {
  primary: 'utrecht-button--primary-action',
  secondary: 'utrecht-button--secondary-action',
  subtle: 'utrecht-button--subtle',
};

const linkAppearance: Record<Appearance, string> = {
  primary: 'utrecht-button-link--primary-action',
  secondary: 'utrecht-button-link--secondary-action',
  subtle: 'utrecht-button-link--subtle',
};

export function Button({
  appearance = 'secondary',
  type = 'button',
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { appearance?: Appearance }) {
  return (
    <button
      type={type}
      className={cx(
        'utrecht-button',
        buttonAppearance[appearance],
        type === 'submit' && 'utrecht-button--submit',
        className,
      )}
      {...props}
    />
  );
}

/** A link that looks like a button, for navigation such as "Nieuwe aanbieder". */
export function ButtonLink({ appearance = 'secondary', className, ...props }: LinkProps & { appearance?: Appearance }) {
  return (
    <Link
      className={cx('utrecht-button-link', 'utrecht-button-link--html-a', linkAppearance[appearance], className)}
      {...props}
    />
  );
}

export function TextLink({ className, ...props }: LinkProps) {
  return <Link className={cx('utrecht-link', 'utrecht-link--html-a', className)} {...props} />;
}

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="utrecht-button-group utrecht-button-group--distanced">{children}</div>;
}
