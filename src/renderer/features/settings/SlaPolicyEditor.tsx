import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { prioritySchema } from '../../../shared/domain/enums';
import { defaultSlaPolicy, germanStates, type SlaPolicy } from '../../../shared/domain/slaPolicy';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { fieldErrorsOf, useFocusFirstInvalid, type FieldErrors } from '../../components/FieldErrors';
import { useUi } from '../../state/ui';
import { hoursText, makeTarget, parseDays, parseHours, targetValue, weekdays, type TargetUnit } from './slaPolicyForm';

const pausable = ['waitingRequester', 'waitingMsp', 'waitingVendor'] as const;

/** Service times: targets per priority, business hours, time zone, holidays by state, closure days, pauses. */
export function SlaPolicyEditor() {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const stored = useQuery('sla.policy.get', {}, (c) => c.entity === 'settings');
  const [draft, setDraft] = useState<SlaPolicy | null>(null);
  const [hours, setHours] = useState<Record<string, string>>({});
  const [closure, setClosure] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** Problems by the field they belong to: "targets.P1.firstResponse", "week.3", "timeZone", … */
  const [fields, setFields] = useState<FieldErrors>(new Map());
  const container = useFocusFirstInvalid(fields);
  const problemAt = (prefix: string) =>
    [...fields.entries()].find(([key]) => key === prefix || key.startsWith(`${prefix}.`))?.[1];
  useEffect(() => {
    const policy = stored.data;
    if (!policy) return;
    setDraft(policy);
    setHours(Object.fromEntries(weekdays.map((d) => [d, hoursText(policy.week[d])])));
    setClosure(policy.closureDays.join('\n'));
  }, [stored.data]);
  if (!draft) return null;

  const save = async () => {
    const week = Object.fromEntries(weekdays.map((d) => [d, parseHours(hours[d] ?? '')]));
    const unreadable = weekdays.find((d) => week[d] === null);
    if (unreadable) {
      const message = t('slaPolicy.hoursUnreadable', { day: t(`slaPolicy.day.${unreadable}`) });
      setError(message);
      setFields(new Map([[`week.${unreadable}`, message]]));
      return;
    }
    try {
      const policy = { ...draft, week: week as SlaPolicy['week'], closureDays: parseDays(closure) };
      await client.call('sla.policy.update', { policy });
      setError(null);
      setFields(new Map());
      toast('info', t('settings.saved'));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
      setFields(fieldErrorsOf(failure, ['policy']));
    }
  };
  const setTarget =
    (priority: SlaPolicy['targets'] extends Record<infer P, unknown> ? P : never) =>
    (clock: 'firstResponse' | 'resolution', value: number, unit: TargetUnit) =>
      setDraft({
        ...draft,
        targets: { ...draft.targets, [priority]: { ...draft.targets[priority], [clock]: makeTarget(value, unit) } },
      });

  return (
    <div className="sla-policy" data-testid="sla-policy" ref={container}>
      <table className="sla-targets">
        <thead>
          <tr>
            <th />
            <th>{t('sla.firstResponse')}</th>
            <th>{t('sla.resolution')}</th>
          </tr>
        </thead>
        <tbody>
          {prioritySchema.options.map((priority) => (
            <tr key={priority}>
              <th>{t(`labels:priority.${priority}`)}</th>
              {(['firstResponse', 'resolution'] as const).map((clock) => {
                const [value, unit] = targetValue(draft.targets[priority][clock]);
                return (
                  <td key={clock}>
                    <input
                      type="number"
                      min={0.25}
                      step={unit === 'hours' ? 0.25 : 1}
                      value={value}
                      {...(problemAt(`targets.${priority}.${clock}`)
                        ? { 'aria-invalid': true, title: problemAt(`targets.${priority}.${clock}`) }
                        : {})}
                      aria-label={`${priority} ${t(`sla.${clock}`)}`}
                      onChange={(e) => setTarget(priority)(clock, Number(e.target.value), unit)}
                    />
                    <select
                      aria-label={`${priority} ${t(`sla.${clock}`)}: ${t('slaPolicy.unit')}`}
                      value={unit}
                      onChange={(e) => setTarget(priority)(clock, value, e.target.value as TargetUnit)}
                    >
                      <option value="hours">{t('slaPolicy.hours')}</option>
                      <option value="businessDays">{t('slaPolicy.businessDays')}</option>
                    </select>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-grid sla-week">
        {weekdays.map((day) => (
          <label key={day}>
            {t(`slaPolicy.day.${day}`)}
            <input
              value={hours[day] ?? ''}
              placeholder={t('slaPolicy.closed')}
              {...(problemAt(`week.${day}`)
                ? { 'aria-invalid': true, 'aria-describedby': `sla-day-${day}-error` }
                : {})}
              onChange={(e) => setHours({ ...hours, [day]: e.target.value })}
            />
            {problemAt(`week.${day}`) ? (
              <span className="field-error" id={`sla-day-${day}-error`} aria-hidden="true">
                {problemAt(`week.${day}`)}
              </span>
            ) : null}
          </label>
        ))}
      </div>
      <div className="form-grid narrow">
        <label>
          {t('slaPolicy.timeZone')}
          <input
            value={draft.timeZone}
            {...(problemAt('timeZone') ? { 'aria-invalid': true } : {})}
            onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })}
          />
        </label>
        <label>
          {t('slaPolicy.state')}
          <select
            value={draft.state}
            onChange={(e) => setDraft({ ...draft, state: e.target.value as SlaPolicy['state'] })}
          >
            {germanStates.map((state) => (
              <option key={state} value={state}>
                {t(`slaPolicy.states.${state}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('slaPolicy.closureDays')}
          <textarea rows={3} value={closure} placeholder="2026-12-24" onChange={(e) => setClosure(e.target.value)} />
        </label>
      </div>
      <fieldset className="sla-pausing">
        <legend>{t('slaPolicy.pausing')}</legend>
        {pausable.map((status) => (
          <label key={status}>
            <input
              type="checkbox"
              checked={draft.pausing.includes(status)}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  pausing: e.target.checked ? [...draft.pausing, status] : draft.pausing.filter((s) => s !== status),
                })
              }
            />
            {t(`labels:status.${status}`)}
          </label>
        ))}
      </fieldset>
      {error ? (
        <div className="banner error" role="alert" data-testid="sla-policy-error">
          {error}
        </div>
      ) : null}
      <div className="row-actions">
        <button type="button" className="primary" onClick={() => void save()}>
          {t('slaPolicy.save')}
        </button>
        <button
          type="button"
          className="quiet"
          onClick={() => {
            setDraft(defaultSlaPolicy);
            setHours(Object.fromEntries(weekdays.map((d) => [d, hoursText(defaultSlaPolicy.week[d])])));
            setClosure('');
          }}
        >
          {t('settings.restoreDefaults')}
        </button>
      </div>
    </div>
  );
}
