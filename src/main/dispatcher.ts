import { contract, isMethodName, type MethodName } from '../shared/contract';
import type { Language } from '../shared/domain/enums';
import { AppError, httpStatusByCode, type ApiErrorBody } from '../shared/errors';
import { errorMessage } from './i18n';
import type { StoreClient } from './app/client';
import { describeIssues, zodLocales, type FileIssues } from './validation';

/** A success carries the value as JSON text: the HTTP host sends it on untouched, IPC parses it once. */
export type DispatchOutcome = { ok: true; json: string } | { ok: false; status: number; error: ApiErrorBody };

export type Dispatch = (method: string, input: unknown, language: Language) => Promise<DispatchOutcome>;

export type DispatchFailure = Extract<DispatchOutcome, { ok: false }>;

export function failure(error: AppError, language: Language): DispatchFailure {
  // A file checked inside the store carries its findings in both languages; the caller's is shown.
  const file = (error.details as { fileIssues?: FileIssues } | undefined)?.fileIssues;
  if (file) {
    const found = file[language];
    return {
      ok: false,
      status: httpStatusByCode.invalid_input,
      error: {
        code: 'invalid_input',
        message: errorMessage(language, 'invalid_file', { summary: found.summary }),
        details: found.details,
      },
    };
  }
  return {
    ok: false,
    status: httpStatusByCode[error.code],
    error: {
      code: error.code,
      message: errorMessage(language, error.messageKey, error.params),
      ...(error.details !== undefined ? { details: error.details } : {}),
    },
  };
}

export type DispatcherOptions = {
  /** Check every answer against its output schema too (tests and development). */
  checkOutput?: boolean;
  log?: (message: string) => void;
};

/** The one place every call passes: validate the input, run it in the store, map failures to codes. */
export function createDispatcher(store: StoreClient, options: DispatcherOptions = {}): Dispatch {
  const log = options.log ?? ((message: string) => console.error(message));
  return async (method, input, language) => {
    if (!isMethodName(method)) {
      return failure(new AppError('unknown_method', 'unknown_method', { method: method.slice(0, 100) }), language);
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {}, { error: zodLocales[language].localeError });
    if (!parsed.success) {
      const { summary, details } = describeIssues(parsed.error.issues, language, input);
      return failure(new AppError('invalid_input', 'invalid_input', { summary }, details), language);
    }
    try {
      const json = await store.callJson(method as MethodName, parsed.data as never);
      if (options.checkOutput) spec.output.parse(JSON.parse(json));
      return { ok: true, json };
    } catch (error) {
      if (error instanceof AppError) {
        if (error.code === 'internal')
          log(`[leitstand] ${method} failed: ${typeof error.cause === 'string' ? error.cause : error.message}`);
        return failure(error, language);
      }
      log(`[leitstand] ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return failure(new AppError('internal', 'internal'), language);
    }
  };
}
