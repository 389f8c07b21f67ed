import { useTranslation } from 'react-i18next';
import type { ReportFilter } from '../../../shared/domain/report';
import { formatDate } from '../../components/format';
import { figureLabel } from './figureLabel';

/** Above the ticket list opened from a report: which figure it shows, for which period, and the way back. */
export function ReportCaption({ report, onClear }: { report: ReportFilter; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="banner info report-caption" data-testid="report-caption">
      {t('reports.caption', {
        figure: figureLabel(t, report.drilldown),
        from: formatDate(report.period.from),
        to: formatDate(report.period.to),
      })}{' '}
      <a href="#/reports">{t('reports.back')}</a>{' '}
      <button type="button" className="quiet" onClick={onClear}>
        {t('reports.clear')}
      </button>
    </div>
  );
}
