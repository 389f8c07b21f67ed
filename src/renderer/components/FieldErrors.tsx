import { useEffect, useRef } from 'react';
import { ApiError } from '../api/client';

/** A refusal's problems by field path ("provider.name"), as the API's `details` lists them. */
export type FieldErrors = ReadonlyMap<string, string>;

export function fieldErrorsOf(error: unknown, prefix: string[] = []): Map<string, string> {
  const errors = new Map<string, string>();
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return errors;
  for (const detail of error.details as { path?: unknown; message?: unknown }[]) {
    if (!Array.isArray(detail.path) || typeof detail.message !== 'string') continue;
    const path = detail.path.map(String);
    if (prefix.some((part, i) => path[i] !== part)) continue;
    const key = path.slice(prefix.length).join('.');
    if (!errors.has(key)) errors.set(key, detail.message);
  }
  return errors;
}

/** Props that mark an input invalid and point it at its message; focus goes to the first invalid one. */
export function invalidProps(errors: FieldErrors, key: string, id: string) {
  const message = errors.get(key);
  return message ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};
}

export function FieldError({ errors, field, id }: { errors: FieldErrors; field: string; id: string }) {
  const message = errors.get(field);
  // Inside the field's label for the eye, but not part of its name: screen readers get it as the description.
  return message ? (
    <span className="field-error" id={`${id}-error`} aria-hidden="true">
      {message}
    </span>
  ) : null;
}

/** After a refusal, the first field marked invalid inside `container` takes the focus. */
export function useFocusFirstInvalid(errors: FieldErrors) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.size === 0) return;
    container.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  return container;
}
