import { useTranslation } from 'react-i18next';
import type { Drilldown, Figures } from '../../../shared/domain/report';

type Row = { key: string; label: string; count: number };
export type ExportFormat = 'csv' | 'xlsx';

/** A table's exports: CSV for any spreadsheet, a workbook with real numbers and dates for Excel. */
export function ExportButtons({ onExport }: { onExport: (format: ExportFormat) => void }) {
  const { t } = useTranslation();
  return (
    <span className="report-exports" role="group" aria-label={t('reports.export')}>
      <button type="button" className="quiet" onClick={() => onExport('csv')}>
        CSV
      </button>
      <button type="button" className="quiet" onClick={() => onExport('xlsx')}>
        Excel
      </button>
    </span>
  );
}

/** A table of counts; each count opens exactly its tickets; a bar shows the share (grey: it carries no meaning). */
export function CountTable(props: {
  title: string;
  hint: string;
  rows: Row[];
  onOpen: (key: string) => void;
  onExport: (format: ExportFormat) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const max = Math.max(1, ...props.rows.map((r) => r.count));
  return (
    <section className="report-card" data-testid={props.testId}>
      <header>
        <h2>{props.title}</h2>
        <ExportButtons onExport={props.onExport} />
      </header>
      <p className="muted">{props.hint}</p>
      {props.rows.length ? (
        <table className="report-table">
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td className="num">
                  <button
                    type="button"
                    className="link"
                    disabled={!r.count}
                    onClick={() => props.onOpen(r.key)}
                    aria-label={t('reports.openTickets', { count: r.count, label: r.label })}
                  >
                    {r.count}
                  </button>
                </td>
                <td className="bar-cell" aria-hidden="true">
                  <span className="bar" style={{ width: `${(100 * r.count) / max}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('reports.nothing')}</p>
      )}
    </section>
  );
}

/** SLA compliance per priority and clock: met and breached, the breached ones a click from their list. */
export function SlaTable({
  figures,
  onOpen,
  onExport,
}: {
  figures: Figures;
  onOpen: (d: Drilldown) => void;
  onExport: (format: ExportFormat) => void;
}) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 0 });
  const cell = (priority: Drilldown & { figure: 'sla' }, met: number, breached: number) => {
    const total = met + breached;
    return (
      <td className="num">
        {total ? `${percent.format((100 * met) / total)} %` : '–'}{' '}
        {breached ? (
          <button
            type="button"
            className="link breached"
            onClick={() => onOpen(priority)}
            data-testid={`sla-breached-${priority.key}-${priority.clock}`}
          >
            {t('reports.breachedCount', { count: breached })}
          </button>
        ) : null}
      </td>
    );
  };
  return (
    <section className="report-card" data-testid="report-sla">
      <header>
        <h2>{t('reports.sla.heading')}</h2>
        <ExportButtons onExport={onExport} />
      </header>
      <p className="muted">{t('reports.sla.hint')}</p>
      <table className="report-table">
        <thead>
          <tr>
            <th />
            <th>{t('reports.clock.first')}</th>
            <th>{t('reports.clock.resolution')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.sla.map((r) => (
            <tr key={r.priority}>
              <th scope="row">{r.priority}</th>
              {cell(
                { figure: 'sla', key: r.priority, clock: 'first', outcome: 'breached' },
                r.first.met,
                r.first.breached,
              )}
              {cell(
                { figure: 'sla', key: r.priority, clock: 'resolution', outcome: 'breached' },
                r.resolution.met,
                r.resolution.breached,
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** First response and resolution in business time per priority: median and 90th percentile. */
export function TimesTable({ figures, onExport }: { figures: Figures; onExport: (format: ExportFormat) => void }) {
  const { t } = useTranslation();
  const duration = (ms: number | null) => {
    if (ms === null) return '–';
    const minutes = Math.round(ms / 60_000);
    return minutes < 60
      ? t('reports.minutes', { count: minutes })
      : t('reports.hours', { h: Math.floor(minutes / 60), m: String(minutes % 60).padStart(2, '0') });
  };
  return (
    <section className="report-card">
      <header>
        <h2>{t('reports.times.heading')}</h2>
        <ExportButtons onExport={onExport} />
      </header>
      <p className="muted">{t('reports.times.hint')}</p>
      <table className="report-table">
        <thead>
          <tr>
            <th />
            <th>{t('reports.times.firstMedian')}</th>
            <th>{t('reports.times.firstP90')}</th>
            <th>{t('reports.times.resolutionMedian')}</th>
            <th>{t('reports.times.resolutionP90')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.times.map((r) => (
            <tr key={r.priority}>
              <th scope="row">{r.priority}</th>
              <td className="num">{duration(r.firstResponse.median)}</td>
              <td className="num">{duration(r.firstResponse.p90)}</td>
              <td className="num">{duration(r.resolution.median)}</td>
              <td className="num">{duration(r.resolution.p90)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
