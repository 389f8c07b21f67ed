/**
 * Sentences of a root-cause analysis that put a person where a gap in the system belongs ("Herr Maier hat das
 * Update vergessen", "the admin forgot to renew"). A blameless analysis asks what let the mistake happen and
 * through; the editor marks these and offers system wording. Heuristic on purpose: it points out, it never blocks.
 */
export type BlameHint = {
  start: number;
  end: number;
  /** The words that read as blame. */
  phrase: string;
  /** `person`: someone did or missed something; `word`: a word of blame itself (schuld, fault, careless). */
  kind: 'person' | 'word';
};

const roles =
  'Kollege|Kollegin|Admin|Administrator|Administratorin|Techniker|Technikerin|Nutzer|Nutzerin|Mitarbeiter|Mitarbeiterin|Dienstleister|admin|administrator|user|technician|colleague|engineer|contractor';
const roleWords = new Set(roles.split('|'));
const actor = String.raw`(?:(?:[Dd]er|[Dd]ie|[Tt]he|[Oo]ur|[Uu]nser|[Uu]nsere)\s+(?:${roles})\b|(?:Herr|Frau|Mr\.?|Mrs\.?|Ms\.?)\s+\p{Lu}[\p{Ll}]+|(?:[Jj]emand|[Ee]r|[Ss]ie|[Ss]omeone|[Ss]omebody|[Hh]e|[Ss]he|[Tt]hey)\b|\p{Lu}[\p{Ll}]+(?:\s\p{Lu}[\p{Ll}]+)?)`;
const germanMiss = String.raw`(?:hat|hatte|haben|hätte)\b(?:\s+[\p{L}\p{N}.,-]+){0,8}?\s+(?:vergessen|versäumt|übersehen|ignoriert|verbockt|vermasselt|falsch gemacht|nicht beachtet|nicht gemacht|nicht getan|nicht geprüft|nicht erledigt|müssen|sollen)`;
const englishMiss = String.raw`(?:forgot|failed to|neglected|ignored|overlooked|messed up|screwed up|didn't bother|did not bother|should have|was careless|made a mistake)`;

const personPatterns = [
  new RegExp(String.raw`\b${actor}\s+${germanMiss}`, 'gu'),
  new RegExp(String.raw`\b${actor}\s+${englishMiss}`, 'gu'),
];
const blameWords =
  /\b(?:schuld|Schuld|verschuldet|Unachtsamkeit|Nachlässigkeit|nachlässig|unfähig|Schlamperei|fault|blame|blamed|careless|negligent|negligence|incompetent|human error|menschliches Versagen)\b/gu;

// Words that start a sentence with a capital letter but name no one: "Das Update hatte vergessen …" is no person.
const notAPerson = new Set(
  `Das Der Die Ein Eine Es Wir Man Dies Diese Dieser Beim Nach Vor Am Im Bei The A An It This That We Our Nobody`.split(
    ' ',
  ),
);

export function blameHints(text: string): BlameHint[] {
  const hints: BlameHint[] = [];
  for (const pattern of personPatterns) {
    for (const match of text.matchAll(pattern)) {
      const [first = '', second = ''] = match[0].split(/\s+/);
      if (notAPerson.has(first) && !roleWords.has(second)) continue;
      hints.push({ start: match.index, end: match.index + match[0].length, phrase: match[0], kind: 'person' });
    }
  }
  for (const match of text.matchAll(blameWords)) {
    const start = match.index;
    if (hints.some((h) => start >= h.start && start < h.end)) continue;
    hints.push({ start, end: start + match[0].length, phrase: match[0], kind: 'word' });
  }
  return hints.sort((a, b) => a.start - b.start);
}
