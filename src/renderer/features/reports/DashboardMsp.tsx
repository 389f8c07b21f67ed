import { useTranslation } from 'react-i18next';
import type { Drilldown, Figures } from '../../../shared/domain/report';
import { ExportButtons, type ExportFormat } from './DashboardTables';

type Props = { figures: Figures; onOpen: (d: Drilldown) => void; onExport: (format: ExportFormat) => void };

/** Each provider against its contract: tickets first escalated in the period, reaction and resolution in time. */
export function MspTable({ figures, onOpen, onExport }: Props) {
  const { t } = useTranslation();
  const cell = (providerId: string, clock: 'reaction' | 'resolution', counts: Figures['msp'][number]['reaction']) => (
    <td className="num">
      {(['met', 'breached', 'pending'] as const).map((outcome) =>
        counts[outcome] ? (
          <button
            key={outcome}
            type="button"
            className={`link ${outcome === 'breached' ? 'breached' : ''}`}
            onClick={() => onOpen({ figure: 'msp', key: providerId, clock, outcome })}
            data-testid={`msp-${providerId}-${clock}-${outcome}`}
          >
            {t(`reports.msp.count.${outcome}`, { count: counts[outcome] })}
          </button>
        ) : null,
      )}
    </td>
  );
  return (
    <section className="report-card" data-testid="report-msp">
      <header>
        <h2>{t('reports.msp.heading')}</h2>
        <ExportButtons onExport={onExport} />
      </header>
      <p className="muted">{t('reports.msp.hint')}</p>
      {figures.msp.length ? (
        <table className="report-table">
          <thead>
            <tr>
              <th />
              <th>{t('reports.msp.escalated')}</th>
              <th>{t('reports.msp.reaction')}</th>
              <th>{t('reports.msp.resolution')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.msp.map((r) => (
              <tr key={r.providerId}>
                <th scope="row">{r.providerName}</th>
                <td className="num">{r.escalated}</td>
                {cell(r.providerId, 'reaction', r.reaction)}
                {cell(r.providerId, 'resolution', r.resolution)}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('reports.msp.none')}</p>
      )}
    </section>
  );
}

/** How the runbooks were used on the tickets resolved in the period, and how often their gate was passed over. */
export function ChecklistUse({ figures, onOpen, onExport }: Props) {
  const { t } = useTranslation();
  const c = figures.checklists;
  const rows = [
    { key: 'withRun', count: c.withRun },
    { key: 'overridden', count: c.overridden },
  ] as const;
  return (
    <section className="report-card" data-testid="report-checklists">
      <header>
        <h2>{t('reports.checklists.heading')}</h2>
        <ExportButtons onExport={onExport} />
      </header>
      <p className="muted">{t('reports.checklists.hint', { count: c.resolved, runs: c.runs })}</p>
      <table className="report-table">
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{t(`reports.checklists.${r.key}`)}</th>
              <td className="num">
                <button
                  type="button"
                  className="link"
                  disabled={!r.count}
                  onClick={() => onOpen({ figure: 'checklists', key: r.key })}
                  aria-label={t('reports.openTickets', { count: r.count, label: t(`reports.checklists.${r.key}`) })}
                >
                  {r.count}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
