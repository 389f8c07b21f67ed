import { useTranslation } from 'react-i18next';
import type { Drilldown, Figures } from '../../../shared/domain/report';
import { useUi } from '../../state/ui';
import { formatUptime } from '../monitoring/uptime';
import { ExportButtons, type ExportFormat } from './DashboardTables';

type Props = {
  figures: Figures;
  before: Figures | null;
  onOpen: (d: Drilldown) => void;
  onExport: (format: ExportFormat) => void;
};

/** The critical systems' uptime in the period beside the period before, their outages, and their tickets. */
export function AvailabilityTable({ figures, before, onOpen, onExport }: Props) {
  const { t } = useTranslation();
  const navigate = useUi((s) => s.navigate);
  const previous = new Map((before?.availability ?? []).map((r) => [r.systemId, r.uptime]));
  return (
    <section className="report-card" data-testid="report-availability">
      <header>
        <h2>{t('reports.availability.heading')}</h2>
        <ExportButtons onExport={onExport} />
      </header>
      <p className="muted">{t('reports.availability.hint')}</p>
      {figures.availability.length ? (
        <table className="report-table">
          <thead>
            <tr>
              <th />
              <th>{t('reports.availability.uptime')}</th>
              <th>{t('reports.availability.before')}</th>
              <th>{t('reports.availability.outages')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {figures.availability.map((r) => (
              <tr key={r.systemId}>
                <th scope="row">
                  {r.name}
                  {r.flapped ? <span className="report-flag"> · {t('reports.availability.flapped')}</span> : null}
                </th>
                <td className="num">{formatUptime(r.uptime)}</td>
                <td className="num muted">{formatUptime(previous.get(r.systemId) ?? null)}</td>
                <td className="num">{r.outages}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => onOpen({ figure: 'system', key: String(r.systemId) })}
                    aria-label={t('reports.availability.ticketsOf', { name: r.name })}
                  >
                    {t('reports.availability.tickets')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">
          {t('reports.availability.none')}{' '}
          <button type="button" className="link" onClick={() => navigate({ name: 'monitoring' })}>
            {t('reports.availability.toCockpit')}
          </button>
        </p>
      )}
    </section>
  );
}
