import { describe, expect, it } from 'vitest';
import { findSecrets, redact } from '../../../src/shared/domain/redaction';
import { negatives, positives } from '../../support/redactionCorpus';

const involved = { emails: ['anna.berger@firma.example'], phones: [] };
const redacted = (text: string) => redact(text, findSecrets(text, 'text', involved), new Set(), (kind) => `[${kind}]`);

describe('redaction corpus', () => {
  it(`hides at least 95 % of ${positives.length} secrets and personal data, and flags at most 2 % of ${negatives.length} look-alikes`, () => {
    const missed = positives.filter(([, text, secret]) => redacted(text).includes(secret));
    const flagged = negatives.filter(([, text]) => findSecrets(text, 'text', involved).length > 0);
    const recall = 1 - missed.length / positives.length;
    const falsePositives = flagged.length / negatives.length;
    console.log(
      `redaction corpus: recall ${(recall * 100).toFixed(1)} % (${positives.length - missed.length}/${positives.length}), ` +
        `false positives ${(falsePositives * 100).toFixed(1)} % (${flagged.length}/${negatives.length})`,
    );
    for (const [kind, text] of missed)
      console.log(`  missed ${kind}: ${JSON.stringify(text)} → ${JSON.stringify(redacted(text))}`);
    for (const [kind, text] of flagged)
      console.log(
        `  flagged ${kind}: ${JSON.stringify(text)} → ${JSON.stringify(findSecrets(text, 'text', involved))}`,
      );
    expect(positives.length).toBeGreaterThanOrEqual(150);
    expect(negatives.length).toBeGreaterThanOrEqual(50);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(falsePositives).toBeLessThanOrEqual(0.02);
  });

  it('keeps the label and the rest of the sentence, so the reader knows what was there', () => {
    expect(redacted('Das Kennwort ist Winter#77x, bitte ändern.')).toBe('Das Kennwort ist [password], bitte ändern.');
    expect(redacted('Backup nach ftp://backup:Ftp2024pw@nas01.firma.de/share')).toBe(
      'Backup nach ftp://backup:[connectionString]@nas01.firma.de/share',
    );
  });
});
