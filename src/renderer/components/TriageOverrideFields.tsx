import { useTranslation } from 'react-i18next';
import { levelSchema, prioritySchema, type Level, type Priority } from '../../shared/domain/enums';

export type OverrideValue = { impact: Level | ''; urgency: Level | ''; priority: Priority | ''; reason: string };

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
  const suggested = t('triage.suggested');
  return (
    <div className="override">
      <div className="override-row">
        <label>
          {t('triage.impact')}
          <select value={value.impact} onChange={(e) => onChange({ ...value, impact: e.target.value as Level | '' })}>
            <option value="">{suggested}</option>
            {levelSchema.options.map((l) => (
              <option key={l} value={l}>
                {t(`labels:level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('triage.urgency')}
          <select value={value.urgency} onChange={(e) => onChange({ ...value, urgency: e.target.value as Level | '' })}>
            <option value="">{suggested}</option>
            {levelSchema.options.map((l) => (
              <option key={l} value={l}>
                {t(`labels:level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('triage.priority')}
          <select
            value={value.priority}
            onChange={(e) => onChange({ ...value, priority: e.target.value as Priority | '' })}
          >
            <option value="">{suggested}</option>
            {prioritySchema.options.map((p) => (
              <option key={p} value={p}>
                {t(`labels:priority.${p}`)}
              </option>
            ))}
          </select>
        </label>
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
