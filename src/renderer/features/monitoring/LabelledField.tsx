import type { ReactNode } from 'react';
import { FieldError, invalidProps, type FieldErrors } from '../../components/FieldErrors';

/** A labelled input of the monitoring's forms; `input` gets the id and, after a refusal, the invalid marking. */
export function labelledField(
  errors: FieldErrors,
  prefix: string,
  key: string,
  label: string,
  input: (props: Record<string, unknown>) => ReactNode,
) {
  const id = `${prefix}-${key.replace(/\./g, '-')}`;
  return (
    <label key={key}>
      {label}
      {input({ id, ...invalidProps(errors, key, id) })}
      <FieldError errors={errors} field={key} id={id} />
    </label>
  );
}
