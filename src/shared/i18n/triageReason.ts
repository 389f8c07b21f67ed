import type { Language, Priority } from '../domain/enums';
import type { TriageAnswers } from '../domain/triage';
import { domainLabels } from './domain';

/** "P1: whole company affected, business-critical, work stopped without workaround". */
export function triageReason(
  language: Language,
  priority: Priority,
  answers: TriageAnswers,
  overridden: boolean,
): string {
  const labels = domainLabels[language].reason;
  const parts = [
    labels.scope[answers.affectedScope],
    ...(answers.businessCritical ? [labels.businessCritical] : []),
    labels.impairment[answers.impairment],
  ];
  if (overridden) parts.push(labels.overridden);
  return `${priority}: ${parts.join(', ')}`;
}
