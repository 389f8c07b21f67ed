import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckView } from '../../../shared/contract/monitoring';
import type { Check } from '../../../shared/domain/monitoring';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { formatDate, formatDateTime } from '../../components/format';
import { useUi } from '../../state/ui';
import { blankCheck, CheckEditor } from './CheckEditor';
import { MaintenanceDialog } from './MaintenanceDialog';
import { Sparkline } from './Sparkline';
import { formatUptime } from './uptime';
import { StateBadge } from './StateBadge';
import './monitoring.css';

/** The cockpit (Ctrl+6): every watched system with its checks, worst first; certificates by expiry. */
export function CockpitView() {
  const { t } = useTranslation();
  const status = useQuery('monitoring.status', {}, (c) => c.entity === 'monitoring' || c.entity === 'system');
  const systems = useQuery('directory.systems.list', {}, (c) => c.entity === 'system');
  const [editing, setEditing] = useState<Check | null>(null);
  const [windows, setWindows] = useState(false);
  const firstSystem = systems.data?.systems[0]?.id ?? 0;
  const watched = status.data?.systems ?? [];
  return (
    <div className="cockpit">
      <header className="view-header">
        <h1 tabIndex={-1}>{t('monitoring.heading')}</h1>
        <div className="spacer" />
        <button type="button" onClick={() => setWindows(true)} data-testid="maintenance-open">
          {t('monitoring.maintenance')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!firstSystem}
          onClick={() => setEditing(blankCheck(firstSystem))}
          data-testid="check-new"
        >
          {t('monitoring.newCheck')}
        </button>
      </header>
      {systems.data && !firstSystem ? <p className="muted">{t('monitoring.noSystems')}</p> : null}
      {status.data && !watched.length && firstSystem ? <p className="muted">{t('monitoring.empty')}</p> : null}
      {watched.map((system) => (
        <section
          key={system.id}
          className={`cockpit-system state-${system.state}`}
          data-testid={`cockpit-system-${system.id}`}
        >
          <h2 className="section-title">
            <span>{system.name}</span>
            <span className="muted">{t(`directory.criticality.${system.criticality}`)}</span>
            <StateBadge state={system.state} />
          </h2>
          <table className="cockpit-table">
            <thead>
              <tr>
                <th scope="col">{t('monitoring.column.state')}</th>
                <th scope="col">{t('monitoring.column.check')}</th>
                <th scope="col">{t('monitoring.column.last')}</th>
                <th scope="col" className="num">
                  {t('monitoring.column.latency')}
                </th>
                <th scope="col">{t('monitoring.column.trend')}</th>
                <th scope="col" className="num">
                  {t('monitoring.column.day')}
                </th>
                <th scope="col" className="num">
                  {t('monitoring.column.week')}
                </th>
                <th scope="col" className="num">
                  {t('monitoring.column.month')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('monitoring.column.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {system.checks.map((view) => (
                <CheckRow key={view.check.id} view={view} onEdit={() => setEditing(view.check)} />
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {watched.length ? <Certificates certificates={status.data?.certificates ?? []} /> : null}
      {editing ? <CheckEditor initial={editing} onClose={() => setEditing(null)} /> : null}
      {windows ? (
        <MaintenanceDialog windows={status.data?.maintenance ?? []} onClose={() => setWindows(false)} />
      ) : null}
    </div>
  );
}

function CheckRow({ view, onEdit }: { view: CheckView; onEdit: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const { navigate, toast } = useUi();
  const [running, setRunning] = useState(false);
  const { check, status } = view;
  const runNow = async () => {
    setRunning(true);
    try {
      await client.call('monitoring.checks.runNow', { id: check.id });
    } catch (error) {
      toast('error', (error as Error).message);
    } finally {
      setRunning(false);
    }
  };
  return (
    <tr data-testid={`check-row-${check.id}`} data-state={status.state}>
      <td>
        <StateBadge state={status.state} flapping={status.flapping} />
        {!check.enabled ? <span className="muted"> · {t('monitoring.paused')}</span> : null}
        {status.maintenance ? (
          <div className="muted small">{t('monitoring.inMaintenance', { title: status.maintenance })}</div>
        ) : null}
      </td>
      <td>
        <button type="button" className="link" onClick={() => navigate({ name: 'check', id: check.id })}>
          {check.name}
        </button>
        <div className="muted small">{t(`monitoring.kind.${check.target.kind}`)}</div>
      </td>
      <td className="cockpit-last">
        {status.lastAt ? (
          <>
            <span>{status.lastMessage}</span>
            <div className="muted small">{formatDateTime(status.lastAt)}</div>
          </>
        ) : (
          <span className="muted">{t('monitoring.never')}</span>
        )}
      </td>
      <td className="num">{status.latencyMs === null ? '–' : t('monitoring.ms', { value: status.latencyMs })}</td>
      <td>
        <Sparkline values={status.sparkline} />
      </td>
      <td className="num">{formatUptime(status.uptime.day)}</td>
      <td className="num">{formatUptime(status.uptime.week)}</td>
      <td className="num">{formatUptime(status.uptime.month)}</td>
      <td className="cockpit-actions">
        {status.ticketId ? (
          <button
            type="button"
            onClick={() => navigate({ name: 'ticket', id: status.ticketId! })}
            data-testid="check-ticket"
          >
            {t('monitoring.incident')}
          </button>
        ) : null}
        <button type="button" onClick={() => void runNow()} disabled={running} data-testid="check-run">
          {running ? t('monitoring.running') : t('monitoring.runNow')}
        </button>
        <button type="button" onClick={onEdit}>
          {t('monitoring.edit')}
        </button>
      </td>
    </tr>
  );
}

type Certificate = { checkId: number; systemName: string; name: string; expiresAt: string; days: number };
function Certificates({ certificates }: { certificates: Certificate[] }) {
  const { t } = useTranslation();
  const navigate = useUi((s) => s.navigate);
  return (
    <section aria-labelledby="certificates-heading" className="cockpit-certificates">
      <h2 id="certificates-heading" className="section-title">
        {t('monitoring.certificates')}
      </h2>
      {certificates.length ? (
        <ul>
          {certificates.map((c) => (
            <li key={c.checkId} className={c.days <= 14 ? 'soon' : ''}>
              <button type="button" className="link" onClick={() => navigate({ name: 'check', id: c.checkId })}>
                {c.systemName} · {c.name}
              </button>{' '}
              <span>{formatDate(c.expiresAt.slice(0, 10))}</span>{' '}
              <strong>{c.days < 0 ? t('monitoring.certExpired') : t('monitoring.certDays', { count: c.days })}</strong>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('monitoring.noCertificates')}</p>
      )}
    </section>
  );
}
