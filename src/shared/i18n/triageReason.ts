import type { Language, Priority } from '../domain/enums';
import type { TriageAnswers } from '../domain/triage';
import type { DirectoryRaise } from '../domain/directory';

const raiseText = {
  de: { criticalSystem: '{name} ist geschäftskritisch', vip: '{name} ist VIP' },
  en: { criticalSystem: '{name} is business-critical', vip: '{name} is a VIP' },
} as const;
import { domainLabels } from './domain';

/** "P1: whole company affected, business-critical, work stopped without workaround"; "… ERP is business-critical". */
export function triageReason(
  language: Language,
  priority: Priority,
  answers: TriageAnswers,
  overridden: boolean,
  /** What of the directory raised the impact (the triage's impactFrom and raisedBy), named in the reason. */
  raise: DirectoryRaise | null = null,
): string {
  const labels = domainLabels[language].reason;
  const parts = [
    labels.scope[answers.affectedScope],
    ...(answers.businessCritical ? [labels.businessCritical] : []),
    ...(raise ? [raiseText[language][raise.kind].replace('{name}', raise.name)] : []),
    labels.impairment[answers.impairment],
  ];
  if (overridden) parts.push(labels.overridden);
  return `${priority}: ${parts.join(', ')}`;
}
