/**
 * One text policy for every text that enters Leitstand, whatever the door (a form, the API, a file import, a
 * mail): typed text is refused when it carries such characters (the user can see and fix it), text from files
 * and mail is cleaned (nobody is there to ask).
 */

/** Controls except tab and line breaks (C0, DEL, C1). */
// oxlint-disable-next-line no-control-regex -- control characters are what this finds
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/**
 * Characters that disguise text: bidi embeddings, overrides and isolates (U+202E turns "gnp.exe" into "exe.png"),
 * zero-width space and word joiner, a stray byte-order mark. Joiners inside emoji (U+200D) and bidi marks for
 * right-to-left names (U+200E/F) are ordinary writing and stay.
 */
const disguising = /[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]/;
/** Unicode's own line and paragraph separators: line breaks no text field shows as such. */
const separators = /[\u2028\u2029]/;

export type TextProblem = 'unicode' | 'control' | 'disguising';

/** What is wrong with a typed text, or null. `singleLine`: no line breaks at all. */
export function textProblem(value: string, singleLine: boolean): TextProblem | null {
  if (!value.isWellFormed()) return 'unicode';
  if (controls.test(value) || separators.test(value) || (singleLine && /[\t\n\r]/.test(value))) return 'control';
  if (disguising.test(value)) return 'disguising';
  return null;
}

const all = (pattern: RegExp) => new RegExp(pattern.source, 'g');

/** Text from a file or a mail, made to fit the policy: broken Unicode mended, hidden characters dropped. */
export function cleanText(value: string, singleLine = false): string {
  const text = value
    .toWellFormed()
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(all(separators), '\n')
    .replace(all(controls), '')
    .replace(all(disguising), '');
  return singleLine ? text.replace(/[\t\n]+/g, ' ').trim() : text;
}

/** Characters no file name keeps: everything above plus line breaks and tabs. */
export const hiddenInFileName = new RegExp(
  `${controls.source}|${disguising.source}|${separators.source}|[\\t\\n\\r\\u200e\\u200f]`,
  'g',
);
