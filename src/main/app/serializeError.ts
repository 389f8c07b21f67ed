import { CalendarRangeError } from '../../shared/domain/businessTime';
import { AppError } from '../../shared/errors';
import type { SerializedError } from './protocol';

export function serializeError(error: unknown): SerializedError {
  if (error instanceof AppError) {
    return { code: error.code, messageKey: error.messageKey, params: error.params, details: error.details };
  }
  // Business hours that reach no deadline are the policy's fault (a provider's hours, closure days): say so.
  if (error instanceof CalendarRangeError)
    return { code: 'invalid_input', messageKey: 'calendar_unreachable', params: {} };
  const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: 'internal', messageKey: 'internal', params: {}, cause };
}
