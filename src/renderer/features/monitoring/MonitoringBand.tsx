import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { formatDateTime } from '../../components/format';
import { useUi } from '../../state/ui';

/**
 * A red band on top of every view while a critical system is down. Refetched when a check goes down or comes
 * back (not on every run), so it costs nothing while all is well.
 */
export function MonitoringBand({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const route = useUi((s) => s.route);
  const status = useQuery(
    'monitoring.status',
    {},
    (c) => c.entity === 'monitoringAlert' || c.entity === 'system' || c.entity === 'settings',
  );
  const down = status.data?.criticalDown ?? [];
  if (!down.length) return null;
  return (
    <div className="banner error monitoring-band" role="alert" data-testid="monitoring-band">
      <p>
        {t('monitoring.band', {
          count: down.length,
          systems: down.map((s) => s.name).join(', '),
          since: formatDateTime(down[0]?.since),
        })}
      </p>
      {route.name !== 'monitoring' ? (
        <button type="button" onClick={onOpen}>
          {t('monitoring.bandOpen')}
        </button>
      ) : null}
    </div>
  );
}

/** A check going down or coming back, as a toast with its ticket (Electron also shows a desktop notification). */
export function useMonitoringAlerts() {
  const client = useClient();
  const { t } = useTranslation();
  const { toast, navigate } = useUi();
  useEffect(
    () =>
      client.onChange((change) => {
        if (change.entity !== 'monitoringAlert') return;
        for (const alert of change.alerts) {
          const text = t(`monitoring.alert.${alert.kind}`, {
            system: alert.systemName,
            check: alert.checkName,
            message: alert.message,
          });
          const ticketId = alert.ticketId;
          toast(
            alert.kind === 'down' ? 'error' : 'info',
            text,
            ticketId
              ? { label: t('monitoring.alert.open'), run: () => navigate({ name: 'ticket', id: ticketId }) }
              : undefined,
          );
        }
      }),
    [client, t, toast, navigate],
  );
}
