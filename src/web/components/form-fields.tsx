import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { cx } from './cx';

/**
 * Form controls with the NL Design System (Utrecht) class names. Every control has a <label for>, its
 * description and error are tied to it with aria-describedby, and an error sets aria-invalid. The error
 * element's id is `${id}-error`, which tests and the error summary rely on.
 */

interface FieldProps {
  id: string;
  label: ReactNode;
  error?: string | undefined;
  description?: ReactNode;
}

function describedBy(id: string, description: ReactNode, error: string | undefined): string | undefined {
  const ids = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldFrame({
  id,
  label,
  error,
  description,
  kind,
  children,
}: FieldProps & { kind: string; children: ReactNode }) {
  return (
    <div
      className={cx(
        'utrecht-form-field',
        `utrecht-form-field--${kind}`,
        'utrecht-form-field--distanced',
        error && 'utrecht-form-field--invalid',
      )}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {description && (
        <div id={`${id}-description`} className="utrecht-form-field__description utrecht-form-field-description">
          {description}
        </div>
      )}
      {error && (
        <div id={`${id}-error`} className="utrecht-form-field__error-message utrecht-form-field-error-message">
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> & {
  value: string;
  onChange(value: string): void;
};

export function TextField({
  id,
  label,
  error,
  description,
  value,
  onChange,
  type = 'text',
  className,
  ...rest
}: FieldProps & InputProps) {
  return (
    <FieldFrame id={id} label={label} error={error} description={description} kind="text">
      <input
        id={id}
        name={id}
        type={type}
        className={cx('utrecht-textbox', 'utrecht-textbox--html-input', error && 'utrecht-textbox--invalid', className)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...rest}
      />
    </FieldFrame>
  );
}

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'> & {
  value: string;
  onChange(value: string): void;
};

export function TextAreaField({ id, label, error, description, value, onChange, ...rest }: FieldProps & TextareaProps) {
  return (
    <FieldFrame id={id} label={label} error={error} description={description} kind="textarea">
      <textarea
        id={id}
        name={id}
        className={cx('utrecht-textarea', 'utrecht-textarea--html-textarea', error && 'utrecht-textarea--invalid')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...rest}
      />
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'> & {
  value: string;
  onChange(value: string): void;
  options: Option[];
  /** Text of the empty first option; leave out when a choice is always made. */
  placeholder?: string;
};

export function SelectField({
  id,
  label,
  error,
  description,
  value,
  onChange,
  options,
  placeholder,
  ...rest
}: FieldProps & SelectProps) {
  return (
    <FieldFrame id={id} label={label} error={error} description={description} kind="select">
      <select
        id={id}
        name={id}
        className={cx('utrecht-select', 'utrecht-select--html-select', error && 'utrecht-select--invalid')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...rest}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

function Choice({
  id,
  name,
  type,
  label,
  checked,
  onChange,
  invalid,
  describedBy: described,
}: {
  id: string;
  name: string;
  type: 'checkbox' | 'radio';
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  invalid?: boolean;
  describedBy?: string | undefined;
}) {
  const control = type === 'checkbox' ? 'checkbox' : 'radio-button';
  return (
    <div className={cx('utrecht-form-field', `utrecht-form-field--${type}`)}>
      <input
        id={id}
        name={name}
        type={type}
        className={cx(
          `utrecht-${control}`,
          `utrecht-${control}--html-input`,
          'utrecht-form-field__input',
          invalid && `utrecht-${control}--invalid`,
        )}
        checked={checked}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={described}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div className="utrecht-form-field__label">
        <label className={cx('utrecht-form-label', `utrecht-form-label--${type}`)} htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}

export function CheckboxField({
  id,
  label,
  error,
  description,
  checked,
  onChange,
}: FieldProps & { checked: boolean; onChange(checked: boolean): void }) {
  return (
    <div className="checkbox-field">
      {error && (
        <div id={`${id}-error`} className="utrecht-form-field-error-message">
          {error}
        </div>
      )}
      <Choice
        id={id}
        name={id}
        type="checkbox"
        label={label}
        checked={checked}
        onChange={onChange}
        invalid={Boolean(error)}
        describedBy={describedBy(id, description, error)}
      />
      {description && (
        <div id={`${id}-description`} className="utrecht-form-field-description choice-description">
          {description}
        </div>
      )}
    </div>
  );
}

/** A fieldset with legend; id lets the error summary and focusField reach the group. */
export function Fieldset({
  id,
  legend,
  error,
  description,
  children,
  className,
}: {
  id?: string;
  legend: ReactNode;
  error?: string | undefined;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const described = id ? describedBy(id, description, error) : undefined;
  return (
    <div
      className={cx(
        'utrecht-form-fieldset',
        'utrecht-form-fieldset--distanced',
        error && 'utrecht-form-fieldset--invalid',
        className,
      )}
    >
      <fieldset
        id={id}
        className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
        aria-describedby={described}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
        {description && id && (
          <div id={`${id}-description`} className="utrecht-form-field-description">
            {description}
          </div>
        )}
        {error && id && (
          <div id={`${id}-error`} className="utrecht-form-field-error-message">
            {error}
          </div>
        )}
        {children}
      </fieldset>
    </div>
  );
}

export function CheckboxGroup({
  id,
  legend,
  options,
  values,
  onChange,
  error,
  description,
}: {
  id: string;
  legend: ReactNode;
  options: Option[];
  values: string[];
  onChange(values: string[]): void;
  error?: string | undefined;
  description?: ReactNode;
}) {
  return (
    <Fieldset id={id} legend={legend} error={error} description={description}>
      {options.map((option) => (
        <Choice
          key={option.value}
          id={`${id}-${option.value}`}
          name={id}
          type="checkbox"
          label={option.label}
          checked={values.includes(option.value)}
          invalid={Boolean(error)}
          onChange={(checked) =>
            onChange(checked ? [...values, option.value] : values.filter((v) => v !== option.value))
          }
        />
      ))}
    </Fieldset>
  );
}

export function RadioGroup({
  id,
  legend,
  options,
  value,
  onChange,
  error,
  description,
}: {
  id: string;
  legend: ReactNode;
  options: Option[];
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  description?: ReactNode;
}) {
  return (
    <Fieldset id={id} legend={legend} error={error} description={description}>
      {options.map((option) => (
        <Choice
          key={option.value}
          id={`${id}-${option.value || 'geen'}`}
          name={id}
          type="radio"
          label={option.label}
          checked={value === option.value}
          invalid={Boolean(error)}
          onChange={(checked) => checked && onChange(option.value)}
        />
      ))}
    </Fieldset>
  );
}
