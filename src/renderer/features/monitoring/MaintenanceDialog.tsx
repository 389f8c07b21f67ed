import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Maintenance } from '../../../shared/domain/monitoring';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { fieldErrorsOf, type FieldErrors } from '../../components/FieldErrors';
import { formatDateTime } from '../../components/format';
import { Modal } from '../../components/Modal';
import { useUi } from '../../state/ui';
import { labelledField } from './LabelledField';

const isoDays = [1, 2, 3, 4, 5, 6, 7] as const;
/** A datetime-local value (the wall clock of this computer) as an ISO time, and back. */
const fromLocal = (value: string) => (value ? new Date(value).toISOString() : '');
const toLocal = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** The maintenance windows: listed, removed, and a new one (once or weekly) added. */
export function MaintenanceDialog({ windows, onClose }: { windows: Maintenance[]; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const systems = useQuery('directory.systems.list', {}, (c) => c.entity === 'system');
  // The form starts with the next hour; taken once, when the dialog opens.
  const [now] = useState(() => Date.now());
  const [draft, setDraft] = useState<Maintenance>({
    id: 0,
    systemId: 0,
    title: '',
    window: { kind: 'once', from: new Date(now).toISOString(), to: new Date(now + 3_600_000).toISOString() },
  });
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const systemName = (id: number) =>
    id === 0 ? t('monitoring.window.allSystems') : (systems.data?.systems.find((s) => s.id === id)?.name ?? `#${id}`);
  const dayName = (day: number) => t(`slaPolicy.day.${day}`);
  const describe = (m: Maintenance) =>
    m.window.kind === 'once'
      ? `${formatDateTime(m.window.from)} – ${formatDateTime(m.window.to)}`
      : t('monitoring.window.weeklyAt', {
          days: m.window.days.map(dayName).join(', '),
          start: m.window.start,
          end: m.window.end,
        });
  const add = async () => {
    try {
      const saved = await client.call('monitoring.maintenance.save', { maintenance: draft });
      toast('info', t('monitoring.window.saved', { title: saved.title }));
      setErrors(new Map());
      setDraft((d) => ({ ...d, title: '' }));
    } catch (error) {
      const found = fieldErrorsOf(error, ['maintenance']);
      setErrors(found);
      if (!found.size) toast('error', (error as Error).message);
    }
  };
  const w = draft.window;
  const field = (key: string, label: string, input: (props: Record<string, unknown>) => ReactNode) =>
    labelledField(errors, 'maintenance', key, label, input);
  return (
    <Modal
      title={t('monitoring.window.heading')}
      onClose={onClose}
      closeLabel={t('common.cancel')}
      testId="maintenance-dialog"
    >
      <p className="muted">{t('monitoring.window.intro')}</p>
      {windows.length ? (
        <ul className="maintenance-list">
          {windows.map((m) => (
            <li key={m.id}>
              <strong>{m.title}</strong> · {systemName(m.systemId)} · {describe(m)}{' '}
              <button type="button" onClick={() => void client.call('monitoring.maintenance.remove', { id: m.id })}>
                {t('monitoring.window.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('monitoring.window.none')}</p>
      )}
      <form
        className="form-grid"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        {field('title', t('monitoring.window.title'), (props) => (
          <input
            {...props}
            data-autofocus
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          />
        ))}
        {field('systemId', t('monitoring.window.system'), (props) => (
          <select
            {...props}
            value={draft.systemId}
            onChange={(e) => setDraft({ ...draft, systemId: Number(e.target.value) })}
          >
            <option value={0}>{t('monitoring.window.allSystems')}</option>
            {(systems.data?.systems ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        ))}
        {field('window.kind', t('monitoring.window.kind'), (props) => (
          <select
            {...props}
            value={w.kind}
            onChange={(e) =>
              setDraft({
                ...draft,
                window:
                  e.target.value === 'weekly'
                    ? { kind: 'weekly', days: [7], start: '22:00', end: '02:00' }
                    : { kind: 'once', from: new Date(now).toISOString(), to: new Date(now + 3_600_000).toISOString() },
              })
            }
          >
            <option value="once">{t('monitoring.window.once')}</option>
            <option value="weekly">{t('monitoring.window.weekly')}</option>
          </select>
        ))}
        {w.kind === 'once' ? (
          <>
            {field('window.from', t('monitoring.window.from'), (props) => (
              <input
                {...props}
                type="datetime-local"
                value={toLocal(w.from)}
                onChange={(e) => setDraft({ ...draft, window: { ...w, from: fromLocal(e.target.value) } })}
              />
            ))}
            {field('window.to', t('monitoring.window.to'), (props) => (
              <input
                {...props}
                type="datetime-local"
                value={toLocal(w.to)}
                onChange={(e) => setDraft({ ...draft, window: { ...w, to: fromLocal(e.target.value) } })}
              />
            ))}
          </>
        ) : (
          <>
            <fieldset className="weekday-picks">
              <legend>{t('monitoring.window.days')}</legend>
              {isoDays.map((day) => (
                <label key={day} className="check">
                  <input
                    type="checkbox"
                    checked={w.days.includes(day)}
                    onChange={(e) =>
                      setDraft({
                        ...draft,
                        window: {
                          ...w,
                          days: e.target.checked
                            ? [...w.days, day].sort((a, b) => a - b)
                            : w.days.filter((d) => d !== day),
                        },
                      })
                    }
                  />
                  {dayName(day)}
                </label>
              ))}
            </fieldset>
            {field('window.start', t('monitoring.window.start'), (props) => (
              <input
                {...props}
                type="time"
                value={w.start}
                onChange={(e) => setDraft({ ...draft, window: { ...w, start: e.target.value } })}
              />
            ))}
            {field('window.end', t('monitoring.window.end'), (props) => (
              <input
                {...props}
                type="time"
                value={w.end}
                onChange={(e) => setDraft({ ...draft, window: { ...w, end: e.target.value } })}
              />
            ))}
          </>
        )}
        <div className="monitoring-form-actions">
          <button type="submit" className="primary" data-testid="maintenance-add">
            {t('monitoring.window.add')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
