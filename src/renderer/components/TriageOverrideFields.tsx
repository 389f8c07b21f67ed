import { useTranslation } from 'react-i18next';
import { levelSchema, prioritySchema, type Level, type Priority } from '../../shared/domain/enums';
import type { TriageOverride } from '../../shared/domain/triage';
import { EnumSelect } from './EnumSelect';

export type OverrideValue = { impact: Level | ''; urgency: Level | ''; priority: Priority | ''; reason: string };

export const noOverride: OverrideValue = { impact: '', urgency: '', priority: '', reason: '' };

export const overrideIsSet = (value: OverrideValue): boolean =>
  Boolean(value.impact || value.urgency || value.priority);

/** The form's value as the contract's override: null when nothing is set by hand. */
export function toTriageOverride(value: OverrideValue): TriageOverride | null {
  if (!overrideIsSet(value)) return null;
  return {
    reason: value.reason,
    ...(value.impact ? { impact: value.impact } : {}),
    ...(value.urgency ? { urgency: value.urgency } : {}),
    ...(value.priority ? { priority: value.priority } : {}),
  };
}

export function fromTriageOverride(override: Partial<TriageOverride> | null): OverrideValue {
  return {
    impact: override?.impact ?? '',
    urgency: override?.urgency ?? '',
    priority: override?.priority ?? '',
    reason: override?.reason ?? '',
  };
}

/** Manual impact, urgency or priority; a reason is required as soon as anything is set. */
export function TriageOverrideFields({
  value,
  onChange,
  reasonMissing,
}: {
  value: OverrideValue;
  onChange: (value: OverrideValue) => void;
  reasonMissing?: boolean;
}) {
  const { t } = useTranslation();
  const level = (l: Level) => t(`labels:level.${l}`);
  return (
    <div className="override">
      <div className="override-row">
        <EnumSelect
          visibleLabel
          label={t('triage.impact')}
          value={value.impact}
          options={levelSchema.options}
          labelOf={level}
          emptyLabel={t('triage.suggested')}
          onChange={(impact) => onChange({ ...value, impact })}
        />
        <EnumSelect
          visibleLabel
          label={t('triage.urgency')}
          value={value.urgency}
          options={levelSchema.options}
          labelOf={level}
          emptyLabel={t('triage.suggested')}
          onChange={(urgency) => onChange({ ...value, urgency })}
        />
        <EnumSelect
          visibleLabel
          label={t('triage.priority')}
          value={value.priority}
          options={prioritySchema.options}
          labelOf={(p) => t(`labels:priority.${p}`)}
          emptyLabel={t('triage.suggested')}
          onChange={(priority) => onChange({ ...value, priority })}
        />
      </div>
      <label className={reasonMissing ? 'invalid' : ''}>
        {t('triage.overrideReason')}
        <input
          type="text"
          value={value.reason}
          maxLength={1000}
          placeholder={t('triage.overrideReasonPlaceholder')}
          onChange={(e) => onChange({ ...value, reason: e.target.value })}
        />
      </label>
    </div>
  );
}
