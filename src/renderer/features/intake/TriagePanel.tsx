import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/enums';
import { effectiveTriage, type TriageRules } from '../../../shared/domain/triage';
import { triageReason } from '../../../shared/i18n/triageReason';
import { PriorityBadge } from '../../components/Badges';
import { overrideIsSet, toTriageOverride, TriageOverrideFields } from '../../components/TriageOverrideFields';
import { raisesOf, type IntakeForm } from './intakeForm';
import { raiseOf } from '../../../shared/domain/directory';

/** The live priority: what the answers so far say, and why. */
export function TriagePanel({
  form,
  rules,
  onOverride,
  reasonMissing,
  children,
}: {
  form: IntakeForm;
  rules: TriageRules | undefined;
  onOverride: (override: IntakeForm['override']) => void;
  reasonMissing: boolean;
  /** Further help beside the priority (the fitting runbooks). */
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const ready = rules && form.affectedScope && form.impairment;
  const answers = ready
    ? {
        affectedScope: form.affectedScope!,
        businessCritical: form.businessCritical,
        impairment: form.impairment!,
        raises: raisesOf(form),
      }
    : null;
  const override = toTriageOverride(form.override);
  const result = answers && rules ? effectiveTriage(answers, rules, override) : null;
  return (
    <aside className="triage-panel" aria-live="polite" data-testid="triage-preview">
      <h3>{t('intake.priorityPreview')}</h3>
      {result && answers ? (
        <>
          <div className="triage-result">
            <PriorityBadge priority={result.priority} long />
          </div>
          <p className="triage-reason">
            {triageReason(
              i18n.language as Language,
              result.priority,
              answers,
              Boolean(override),
              raiseOf(result.suggested),
            )}
          </p>
          <dl className="triage-facts">
            <dt>{t('triage.impact')}</dt>
            <dd>{t(`labels:level.${result.impact}`)}</dd>
            <dt>{t('triage.urgency')}</dt>
            <dd>{t(`labels:level.${result.urgency}`)}</dd>
            {override ? (
              <>
                <dt>{t('triage.suggestedWas')}</dt>
                <dd>{result.suggested.priority}</dd>
              </>
            ) : null}
          </dl>
        </>
      ) : (
        <p className="muted">{t('intake.priorityNeeds')}</p>
      )}
      <details className="override-box" open={overrideIsSet(form.override)}>
        <summary>{t('triage.override')}</summary>
        <TriageOverrideFields value={form.override} onChange={onOverride} reasonMissing={reasonMissing} />
      </details>
      {children}
    </aside>
  );
}
