import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as germanStem } from '@orama/stemmers/german';
import type { Language } from '../../shared/domain/enums';

/**
 * Words of German and English IT text as the knowledge base's search compares them: lower case, diacritics
 * dropped, German words stemmed with Snowball's German stemmer after "ae/oe/ue" are read as umlauts (its German2
 * variant: "Passwoerter" and "Passwörter" are one word), English ones with Porter2. Stems are cached: a desk's
 * vocabulary is some ten thousand words, its text millions.
 */
const stems = { de: new Map<string, string>(), en: new Map<string, string>() };
const MAX_CACHED = 200_000;

const dropMarks = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');
const asUmlauts = (word: string) =>
  word
    .replace(/(?<!q)ue/g, 'ü')
    .replace(/ae/g, 'ä')
    .replace(/oe/g, 'ö');

export function stem(word: string, language: Language): string {
  const cache = stems[language];
  const known = cache.get(word);
  if (known !== undefined) return known;
  const lower = word.toLowerCase().replace(/ß/g, 'ss');
  const stemmed = /\d/.test(lower)
    ? dropMarks(lower)
    : dropMarks(language === 'de' ? germanStem(asUmlauts(lower)) : englishStem(lower));
  if (cache.size > MAX_CACHED) cache.clear();
  cache.set(word, stemmed);
  return stemmed;
}

/** The same word in either language's stems (a query's language is not known: "Drucker" or "printers"). */
export const bothStems = (word: string): string[] => [...new Set([stem(word, 'de'), stem(word, 'en')])];

/** Words that carry no meaning for finding an article. */
const STOPWORDS = new Set(
  `aber alle als also am an auch auf aus bei bin bis bitte da damit dann das dass dem den der des die dies diese doch
  du ein eine einem einen einer er es etwa für geht hat hatte habe haben hier ich ihr im in ist ja jetzt kann kein
  keine man mehr mein meine mir mit muss nach nicht noch nur ob oder schon sehr sein seit sich sie sind so uns und
  unser von vor war warum was weil wenn wer wie wieder wir wird wo zu zum zur über
  a an and are as at be but by can cannot do does for from has have how i if in into is it its me my no not of on
  or our please so that the then there this to was we what when why will with you your`
    .split(/\s+/)
    .filter(Boolean),
);

export type Token = { word: string; start: number; end: number };

/**
 * The words of a text with their place in it. A hyphenated word counts as its parts and as one ("E-Mail": e, mail,
 * email; "WLAN-Router": wlan, router, wlanrouter); single letters and stopwords are left out.
 */
export function tokens(text: string): Token[] {
  const found: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)) {
    const whole = match[0];
    const start = match.index;
    const parts = whole.split(/[-'’]/);
    let offset = start;
    for (const part of parts) {
      if (part.length > 1 && !STOPWORDS.has(part.toLowerCase()))
        found.push({ word: part, start: offset, end: offset + part.length });
      offset += part.length + 1;
    }
    if (parts.length > 1) found.push({ word: parts.join(''), start, end: start + whole.length });
  }
  return found;
}

/**
 * Words of one meaning the desk's people use side by side (the query gets the others as well, a little lower).
 * Stored folded and unstemmed; every entry's words are looked up both ways.
 */
const SYNONYM_GROUPS: readonly string[][] = [
  ['passwort', 'kennwort', 'password', 'pw'],
  ['wlan', 'wifi', 'wi-fi', 'funknetz', 'wireless'],
  ['drucker', 'printer', 'druck', 'print'],
  ['netzlaufwerk', 'laufwerk', 'share', 'drive', 'freigabe'],
  ['konto', 'account', 'benutzerkonto', 'zugang'],
  ['gesperrt', 'locked', 'sperre', 'lockout', 'blockiert'],
  ['anmeldung', 'login', 'anmelden', 'einloggen', 'signin', 'logon'],
  ['mail', 'email', 'e-mail', 'mailbox', 'postfach'],
  ['vpn', 'fernzugriff', 'remote'],
  ['mfa', '2fa', 'authenticator', 'zweifaktor', 'multifaktor'],
  ['ton', 'audio', 'mikrofon', 'microphone', 'lautsprecher', 'headset', 'sound'],
  ['langsam', 'slow', 'träge', 'haengt', 'hängt'],
  ['startet', 'start', 'öffnet', 'opens', 'launch'],
  ['fehler', 'error', 'fehlermeldung'],
];
const synonymsByStem = new Map<string, Set<string>>();
for (const group of SYNONYM_GROUPS) {
  const groupStems = new Set(group.flatMap((word) => bothStems(word.replace(/-/g, ''))));
  for (const s of groupStems) {
    const others = synonymsByStem.get(s) ?? new Set<string>();
    for (const other of groupStems) if (other !== s) others.add(other);
    synonymsByStem.set(s, others);
  }
}
export const synonymsOf = (termStem: string): readonly string[] => [...(synonymsByStem.get(termStem) ?? [])];

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), giving up above `max`: "Outlok",
 * "Drcuker" and "Netzlaufwek" are one edit away from what they mean.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = Array.from({ length: b.length + 1 }, () => 0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/** Markdown made plain for snippets: marks, link targets and code fences dropped, the words kept in place. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n?/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^ {0,3}(#{1,6}|>|[-*+]|\d+[.)])[ \t]+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/[ \t]*\n[ \t]*/g, ' ');
}
