import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DESKTOP_HEARTBEAT_PORT } from '../../../shared/domain/monitoring';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { formatDateTime } from '../../components/format';
import { useUi } from '../../state/ui';
import { CheckEditor } from './CheckEditor';
import { HistoryChart, type HistoryPoint } from './HistoryChart';
import { formatUptime } from './uptime';
import { StateBadge } from './StateBadge';
import './monitoring.css';

const ranges = { day: 1, week: 7, month: 30 } as const;
type Range = keyof typeof ranges;
const LAST_RUNS = 50;
/** The headless host takes heartbeats on its own address; the desktop app on its heartbeat port. */
const heartbeatBase = () =>
  window.location.protocol === 'http:' ? window.location.origin : `http://127.0.0.1:${DESKTOP_HEARTBEAT_PORT}`;

/** One check: its state, its history as a chart (raw runs for a day or a week, hourly values for 30 days), its runs. */
export function CheckPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const client = useClient();
  const { navigate, toast } = useUi();
  const [range, setRange] = useState<Range>('day');
  const [editing, setEditing] = useState(false);
  const view = useQuery('monitoring.checks.get', { id }, (c) => c.entity === 'monitoring');
  // The period ends now; it moves on with every refetch (a change of this check).
  const [to, setTo] = useState(() => Date.now());
  const from = to - ranges[range] * 86_400_000;
  const history = useQuery(
    'monitoring.history',
    {
      id,
      from: new Date(from).toISOString(),
      to: new Date(to + 60_000).toISOString(),
      resolution: range === 'month' ? 'hourly' : 'raw',
    },
    (c) => {
      if (c.entity === 'monitoring' && c.ids.includes(id)) setTo(Date.now());
      return false;
    },
  );
  const points = useMemo<HistoryPoint[]>(() => {
    const data = history.data;
    if (!data) return [];
    if (data.resolution === 'hourly')
      return data.hours.map((h) => ({
        at: Date.parse(h.hour) + 1_800_000,
        latency: h.latencyAvg,
        max: h.latencyMax,
        failed: h.runs - h.good,
        runs: h.runs,
      }));
    return data.samples.map((s) => ({
      at: Date.parse(s.at),
      latency: s.outcome === 'failed' ? null : s.latencyMs,
      max: null,
      failed: s.outcome === 'failed' ? 1 : 0,
      runs: 1,
    }));
  }, [history.data]);
  if (view.error) return <p className="banner error">{view.error.message}</p>;
  if (!view.data) return null;
  const { check, status, heartbeatPath } = view.data;
  const runs = (history.data?.samples ?? []).slice(-LAST_RUNS).reverse();
  const remove = async () => {
    if (!window.confirm(t('monitoring.form.removeConfirm', { name: check.name }))) return;
    await client.call('monitoring.checks.remove', { id });
    toast('info', t('monitoring.form.removed', { name: check.name }));
    navigate({ name: 'monitoring' });
  };
  return (
    <div className="check-page">
      <header className="view-header">
        <button type="button" className="quiet" onClick={() => navigate({ name: 'monitoring' })}>
          ← {t('monitoring.page.back')}
        </button>
        <h1 tabIndex={-1}>{check.name}</h1>
        <StateBadge state={status.state} flapping={status.flapping} />
        <span className="muted">{t('monitoring.page.since', { at: formatDateTime(status.since) })}</span>
        <div className="spacer" />
        {status.ticketId ? (
          <button type="button" onClick={() => navigate({ name: 'ticket', id: status.ticketId! })}>
            {t('monitoring.page.openTicket')}
          </button>
        ) : null}
        <button type="button" onClick={() => void client.call('monitoring.checks.runNow', { id })}>
          {t('monitoring.runNow')}
        </button>
        <button type="button" onClick={() => setEditing(true)}>
          {t('monitoring.edit')}
        </button>
        <button type="button" className="danger" onClick={() => void remove()}>
          {t('monitoring.form.remove')}
        </button>
      </header>
      <p className="check-summary">
        <span>{t(`monitoring.kind.${check.target.kind}`)}</span>
        {status.lastAt ? <span>{status.lastMessage}</span> : <span className="muted">{t('monitoring.never')}</span>}
        <span>
          {t('monitoring.page.uptime')}:{' '}
          {(['day', 'week', 'month'] as const)
            .map((span) => `${t(`monitoring.column.${span}`)} ${formatUptime(status.uptime[span])}`)
            .join(' · ')}
        </span>
      </p>
      {heartbeatPath ? (
        <div className="heartbeat-hint">
          <p>{t('monitoring.form.heartbeatHint')}</p>
          <code data-testid="heartbeat-curl">{`curl -fsS -X POST ${heartbeatBase()}${heartbeatPath}`}</code>
        </div>
      ) : null}
      <div className="kb-filters" role="group" aria-label={t('monitoring.page.range')}>
        {(Object.keys(ranges) as Range[]).map((key) => (
          <button
            key={key}
            type="button"
            aria-pressed={range === key}
            className={range === key ? 'on' : ''}
            onClick={() => setRange(key)}
          >
            {t(`monitoring.page.${key}`)}
          </button>
        ))}
      </div>
      {points.length ? (
        <HistoryChart points={points} from={from} to={to} />
      ) : (
        <p className="muted">{t('monitoring.page.noRuns')}</p>
      )}
      {range === 'month' ? <p className="muted small">{t('monitoring.page.hourly')}</p> : null}
      {runs.length ? (
        <table className="cockpit-table">
          <caption>{t('monitoring.page.lastRuns', { count: runs.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('monitoring.page.at')}</th>
              <th scope="col">{t('monitoring.page.outcome')}</th>
              <th scope="col" className="num">
                {t('monitoring.column.latency')}
              </th>
              <th scope="col">{t('monitoring.page.message')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.at} data-outcome={run.outcome}>
                <td>{formatDateTime(run.at)}</td>
                <td>{t(`monitoring.page.outcomes.${run.outcome}`)}</td>
                <td className="num">{run.latencyMs === null ? '–' : t('monitoring.ms', { value: run.latencyMs })}</td>
                <td>{run.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing ? <CheckEditor initial={check} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
