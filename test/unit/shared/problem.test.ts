import { describe, expect, it } from 'vitest';
import { blameHints } from '../../../src/shared/domain/blame';
import {
  canMoveProblem,
  problemContentSchema,
  problemMoves,
  problemPriority,
  problemStateSchema,
} from '../../../src/shared/domain/problem';

describe('problem states', () => {
  it('moves forward, back to analysis when a fix did not hold, and never out of closed', () => {
    expect(canMoveProblem('analysing', 'knownError')).toBe(true);
    expect(canMoveProblem('knownError', 'resolved')).toBe(true);
    expect(canMoveProblem('resolved', 'analysing')).toBe(true);
    expect(canMoveProblem('resolved', 'fixInProgress')).toBe(false);
    expect(canMoveProblem('analysing', 'closed')).toBe(false);
    for (const state of problemStateSchema.options) {
      expect(canMoveProblem('closed', state)).toBe(state === 'closed');
      expect(problemMoves[state]).not.toContain(state);
    }
  });

  it('asks a known error for its workaround and a resolved problem for its root cause', () => {
    expect(problemContentSchema.safeParse({ title: 'x', state: 'knownError' }).success).toBe(false);
    expect(problemContentSchema.safeParse({ title: 'x', state: 'knownError', workaround: 'y' }).success).toBe(true);
    expect(problemContentSchema.safeParse({ title: 'x', state: 'resolved', rootCause: '  ' }).success).toBe(false);
  });

  it('takes its priority from the incidents: the most urgent one, a level up from five on', () => {
    expect(problemPriority([])).toBe('P4');
    expect(problemPriority([{ priority: 'P3' }, { priority: 'P2' }])).toBe('P2');
    expect(problemPriority(Array.from({ length: 5 }, () => ({ priority: 'P3' as const })))).toBe('P2');
    expect(problemPriority(Array.from({ length: 9 }, () => ({ priority: 'P1' as const })))).toBe('P1');
  });
});

describe('blame hints', () => {
  it.each([
    ['Herr Maier hat das Zertifikat vergessen.', 'Herr Maier hat das Zertifikat vergessen'],
    ['Jonas hatte die Sicherung nicht geprüft.', 'Jonas hatte die Sicherung nicht geprüft'],
    ['Der Kollege hat das Update übersehen.', 'Der Kollege hat das Update übersehen'],
    ['The admin forgot to renew the certificate.', 'The admin forgot'],
    ['Mark failed to check the backup.', 'Mark failed to'],
  ])('points out "%s"', (text, phrase) => {
    const hints = blameHints(text);
    expect(hints.map((h) => h.phrase)).toContain(phrase);
    expect(hints[0]?.kind).toBe('person');
  });

  it('points out words of blame and leaves system wording alone', () => {
    expect(blameHints('Das war menschliches Versagen und seine Schuld.').map((h) => h.phrase)).toEqual([
      'menschliches Versagen',
      'Schuld',
    ]);
    expect(blameHints('It was human error.').map((h) => h.kind)).toEqual(['word']);
    for (const text of [
      'Der Ablauf stellte nicht sicher, dass das Zertifikat rechtzeitig erneuert wird.',
      'Das Monitoring hat den vollen Datenträger nicht gemeldet.',
      'No alert existed for certificate expiry.',
      'Die Überwachung fehlte; niemand wurde benachrichtigt.',
    ])
      expect(blameHints(text)).toEqual([]);
  });

  it('gives the places of the hints in the text', () => {
    const text = 'Erst lief alles. Dann hat Petra die Freigabe vergessen.';
    const [hint] = blameHints(text);
    expect(text.slice(hint?.start, hint?.end)).toBe(hint?.phrase);
  });
});
