import { AppError } from '../../shared/errors';
import type { SerializedError } from './protocol';

// The main thread's half (light: it loads before the store worker starts); the worker's half is serializeError.ts.

export function deserializeError(error: SerializedError): AppError {
  const restored = new AppError(error.code, error.messageKey, error.params, error.details);
  if (error.cause) restored.cause = error.cause;
  return restored;
}
