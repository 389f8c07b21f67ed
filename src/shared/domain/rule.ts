/**
 * Options for a zod refinement whose message must reach the user in their language: `key` names a text in
 * the errors catalogue (src/shared/i18n/errors.ts); the English text is the fallback.
 */
export const rule = (key: string, message: string) => ({ message, params: { key } });
