import { useTranslation } from 'react-i18next';
import {
  affectedScopeSchema,
  impairmentSchema,
  levelSchema,
  prioritySchema,
  type Level,
  type Priority,
} from '../../../shared/domain/enums';
import type { TriageRules } from '../../../shared/domain/triage';
import { EnumSelect } from '../../components/EnumSelect';

function LevelSelect({ value, onChange, label }: { value: Level; onChange: (v: Level) => void; label: string }) {
  const { t } = useTranslation();
  return (
    <EnumSelect
      label={label}
      value={value}
      options={levelSchema.options}
      labelOf={(l) => t(`labels:level.${l}`)}
      onChange={(v) => v && onChange(v)}
    />
  );
}

/** The triage rules as tables: answers → impact and urgency, and the impact × urgency matrix. */
export function TriageRulesEditor({ rules, onChange }: { rules: TriageRules; onChange: (rules: TriageRules) => void }) {
  const { t } = useTranslation();
  return (
    <div className="rules">
      <table className="rules-table">
        <caption>{t('settings.impactRules')}</caption>
        <tbody>
          {affectedScopeSchema.options.map((scope) => (
            <tr key={scope}>
              <th scope="row">{t(`labels:scope.${scope}`)}</th>
              <td>
                <LevelSelect
                  label={t(`labels:scope.${scope}`)}
                  value={rules.impactByScope[scope]}
                  onChange={(v) => onChange({ ...rules, impactByScope: { ...rules.impactByScope, [scope]: v } })}
                />
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('settings.businessCriticalAtLeast')}</th>
            <td>
              <LevelSelect
                label={t('settings.businessCriticalAtLeast')}
                value={rules.businessCriticalImpact}
                onChange={(v) => onChange({ ...rules, businessCriticalImpact: v })}
              />
            </td>
          </tr>
        </tbody>
      </table>
      <table className="rules-table">
        <caption>{t('settings.urgencyRules')}</caption>
        <tbody>
          {impairmentSchema.options.map((impairment) => (
            <tr key={impairment}>
              <th scope="row">{t(`labels:impairment.${impairment}`)}</th>
              <td>
                <LevelSelect
                  label={t(`labels:impairment.${impairment}`)}
                  value={rules.urgencyByImpairment[impairment]}
                  onChange={(v) =>
                    onChange({ ...rules, urgencyByImpairment: { ...rules.urgencyByImpairment, [impairment]: v } })
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="rules-table matrix" data-testid="priority-matrix">
        <caption>{t('settings.matrix')}</caption>
        <thead>
          <tr>
            <th>
              {t('triage.impact')} ↓ / {t('triage.urgency')} →
            </th>
            {levelSchema.options.map((u) => (
              <th key={u}>{t(`labels:level.${u}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {levelSchema.options.map((impact) => (
            <tr key={impact}>
              <th scope="row">{t(`labels:level.${impact}`)}</th>
              {levelSchema.options.map((urgency) => (
                <td key={urgency} className={`cell-prio prio-bg-${rules.matrix[impact][urgency]}`}>
                  <select
                    aria-label={`${t(`labels:level.${impact}`)} × ${t(`labels:level.${urgency}`)}`}
                    value={rules.matrix[impact][urgency]}
                    onChange={(e) =>
                      onChange({
                        ...rules,
                        matrix: {
                          ...rules.matrix,
                          [impact]: { ...rules.matrix[impact], [urgency]: e.target.value as Priority },
                        },
                      })
                    }
                  >
                    {prioritySchema.options.map((p) => (
                      <option key={p} value={p}>
                        {p}
                      </option>
                    ))}
                  </select>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
