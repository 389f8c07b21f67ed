export const errorCodes = [
  'invalid_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'unknown_method',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'method_not_allowed',
  'rate_limited',
  'integrity',
  'store_unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const httpStatusByCode: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  method_not_allowed: 405,
  rate_limited: 429,
  // A stored file does not match its row: the request was fine, the evidence on disk is not.
  integrity: 422,
  store_unavailable: 503,
  internal: 500,
};

export type ErrorParams = Record<string, string | number>;

/**
 * A failure the user should see. `messageKey` names a text in the errors catalogue
 * (src/shared/i18n/errors.ts) so the message can be given in the user's language.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly params: ErrorParams;
  readonly details: unknown;

  constructor(code: ErrorCode, messageKey: string, params: ErrorParams = {}, details?: unknown) {
    super(`${code}: ${messageKey} ${JSON.stringify(params)}`);
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
    this.details = details;
  }
}

export type ApiErrorBody = { code: ErrorCode; message: string; details?: unknown };
