import { describe, expect, it } from 'vitest';
import type { AffectedScope, Impairment, Priority } from '../../../src/shared/domain/enums';
import { defaultTriageRules, effectiveTriage, suggestTriage } from '../../../src/shared/domain/triage';

// impact: company → high; department/team → medium; person → low; business-critical → high.
// urgency: stopped → high; severe → medium; workaround/none → low.
const cases: [AffectedScope, boolean, Impairment, Priority][] = [
  ['company', false, 'stopped', 'P1'],
  ['company', false, 'severe', 'P2'],
  ['company', false, 'workaround', 'P3'],
  ['company', false, 'none', 'P3'],
  ['department', false, 'stopped', 'P2'],
  ['department', false, 'severe', 'P3'],
  ['department', false, 'workaround', 'P4'],
  ['team', false, 'stopped', 'P2'],
  ['team', false, 'none', 'P4'],
  ['person', false, 'stopped', 'P3'],
  ['person', false, 'severe', 'P4'],
  ['person', false, 'workaround', 'P4'],
  ['person', true, 'stopped', 'P1'],
  ['person', true, 'severe', 'P2'],
  ['department', true, 'workaround', 'P3'],
];

describe('priority matrix', () => {
  it.each(cases)('%s, business-critical %s, %s → %s', (affectedScope, businessCritical, impairment, expected) => {
    expect(suggestTriage({ affectedScope, businessCritical, impairment }, defaultTriageRules).priority).toBe(expected);
  });

  it('says when business-criticality raised the impact', () => {
    const result = suggestTriage(
      { affectedScope: 'person', businessCritical: true, impairment: 'stopped' },
      defaultTriageRules,
    );
    expect(result).toMatchObject({ impact: 'high', urgency: 'high', impactFrom: 'businessCritical' });
    const plain = suggestTriage(
      { affectedScope: 'company', businessCritical: true, impairment: 'stopped' },
      defaultTriageRules,
    );
    expect(plain.impactFrom).toBe('scope');
  });

  it('follows changed rules', () => {
    const rules = {
      ...defaultTriageRules,
      matrix: { ...defaultTriageRules.matrix, low: { high: 'P2', medium: 'P4', low: 'P4' } },
    } as const;
    expect(
      suggestTriage({ affectedScope: 'person', businessCritical: false, impairment: 'stopped' }, rules).priority,
    ).toBe('P2');
  });
});

describe('override', () => {
  const answers = { affectedScope: 'person', businessCritical: false, impairment: 'workaround' } as const;
  it('a priority override wins and keeps the suggestion', () => {
    const result = effectiveTriage(answers, defaultTriageRules, { priority: 'P2', reason: 'CEO laptop' });
    expect(result.priority).toBe('P2');
    expect(result.suggested.priority).toBe('P4');
  });
  it('an impact override goes through the matrix', () => {
    const result = effectiveTriage(answers, defaultTriageRules, { impact: 'high', reason: 'whole sales team waits' });
    expect(result).toMatchObject({ impact: 'high', urgency: 'low', priority: 'P3' });
  });
});
