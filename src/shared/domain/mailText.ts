import type { AffectedScope, Impairment } from './enums';

/** Where the quoted history of a reply starts: Outlook (de/en), Gmail, Apple Mail, Thunderbird. */
const quoteStarts = [
  /^-{2,}\s*(Ursprüngliche Nachricht|Original Message|Weitergeleitete Nachricht|Forwarded message)\s*-{2,}/i,
  /^(Am|On) .{4,200}(schrieb|wrote)( .{0,200})?:\s*$/i,
  /^(Von|From):\s.+$/i,
  /^_{10,}\s*$/,
];

export type FoldedText = { body: string; quoted: string };

/**
 * Splits a reply into what was written and the quoted history below it, so the timeline shows the new words and
 * keeps the rest folded. "From:" only starts the history when a "Sent:/Gesendet:" or "Date:" line follows it
 * (a forwarded Outlook header), never in the middle of a sentence.
 */
export function foldQuoted(text: string): FoldedText {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let cut = -1;
  for (let i = 0; i < lines.length; i += 1) {
    const line = (lines[i] ?? '').trim();
    if (line.startsWith('>')) {
      // A quote block counts only when the rest is quoted or blank (inline answers stay in the body).
      const rest = lines.slice(i).filter((l) => l.trim() !== '');
      if (rest.every((l) => l.trim().startsWith('>'))) {
        cut = i;
        break;
      }
      continue;
    }
    const starts = quoteStarts.some((pattern) => pattern.test(line));
    if (!starts) continue;
    if (/^(Von|From):/i.test(line)) {
      const next = lines.slice(i + 1, i + 4).join('\n');
      if (!/^(Gesendet|Sent|Date|Datum):/im.test(next)) continue;
    }
    cut = i;
    break;
  }
  if (cut < 0) return { body: text.trim(), quoted: '' };
  const body = lines.slice(0, cut).join('\n').trim();
  // A mail that is only a forward keeps the forwarded text as its body.
  if (!body) return { body: lines.slice(cut).join('\n').trim(), quoted: '' };
  return { body, quoted: lines.slice(cut).join('\n').trim() };
}

/** A guess for one first-contact question, with the words of the mail that led to it. */
export type Guess<T> = { value: T; words: string[] };
export type TriageGuesses = { affectedScope?: Guess<AffectedScope>; impairment?: Guess<Impairment> };

const scopeCues: [AffectedScope, RegExp][] = [
  ['company', /\b(alle|niemand|keiner|ganze firma|gesamte firma|everyone|nobody|whole company|all users)\b/giu],
  ['department', /\b(abteilung|ganze buchhaltung|das ganze team|department|whole team)\b/giu],
  ['team', /\b(mehrere|kollegen|wir alle|several|colleagues|team)\b/giu],
  ['person', /\b(ich|mein|meinem|meine|bei mir|\bmy\b|\bmine\b)\b/giu],
];
const impairmentCues: [Impairment, RegExp][] = [
  [
    'stopped',
    /(kann (gar )?nicht (mehr )?arbeiten|niemand kann arbeiten|geht (gar )?nichts mehr|steht still|totalausfall|can(no|')t work|nothing works|down)/giu,
  ],
  ['severe', /(sehr langsam|stürzt ständig ab|ständig|dringend|urgent|very slow|keeps crashing)/giu],
  ['workaround', /(umweg|notlösung|vorerst|workaround|for now)/giu],
  ['none', /(kein eile|keine eile|nicht dringend|wenn zeit ist|no rush|not urgent|when you have time)/giu],
];

function firstCue<T>(text: string, cues: readonly [T, RegExp][]): Guess<T> | undefined {
  for (const [value, pattern] of cues) {
    const words = [...text.matchAll(pattern)].map((m) => m[0].trim());
    if (words.length) return { value, words: [...new Set(words.map((w) => w.toLowerCase()))].slice(0, 5) };
  }
  return undefined;
}

/**
 * Suggestions for the first-contact questions of a mail that came in without them: the widest scope and the
 * worst impairment its words name, each with those words, so the coordinator sees why and decides.
 */
export function triageGuesses(text: string): TriageGuesses {
  const sample = text.slice(0, 20_000);
  const affectedScope = firstCue(sample, scopeCues);
  const impairment = firstCue(sample, impairmentCues);
  return { ...(affectedScope ? { affectedScope } : {}), ...(impairment ? { impairment } : {}) };
}
