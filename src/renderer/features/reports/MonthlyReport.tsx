import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { downloadBase64, downloadBlob } from '../../local/download';
import { useUi } from '../../state/ui';
import { useRemarksDraft } from './useRemarksDraft';

const lastMonth = () => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const [y, m] = today.split('-').map(Number);
  const month = (m ?? 1) === 1 ? 12 : (m ?? 1) - 1;
  return `${(m ?? 1) === 1 ? (y ?? 2026) - 1 : y}-${String(month).padStart(2, '0')}`;
};

/** The monthly one-page report: month, language, the coordinator's remarks; saved as a page to print or keep. */
export function MonthlyReport() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { toast } = useUi();
  const [month, setMonth] = useState(lastMonth);
  const [language, setLanguage] = useState<'de' | 'en'>(i18n.language === 'en' ? 'en' : 'de');
  const { remarks, change: setRemarks } = useRemarksDraft(month);
  const open = async (format: 'html' | 'pdf') => {
    try {
      const page = await client.call('reports.monthly', { month, language, remarks, format });
      // Saved as a file of its own: opened in the app it would fall under the app's policy (no inline styles).
      if ('text' in page) downloadBlob(page.fileName, new Blob([page.text], { type: page.mimeType }));
      else downloadBase64(page.fileName, page.mimeType, page.contentBase64);
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <section className="report-card monthly-report" data-testid="monthly-report">
      <header>
        <h2>{t('reports.monthly.heading')}</h2>
      </header>
      <p className="muted">{t('reports.monthly.hint')}</p>
      <div className="monthly-form">
        <label>
          {t('reports.monthly.month')}
          <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} data-testid="monthly-month" />
        </label>
        <label>
          {t('reports.monthly.language')}
          <select value={language} onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'de')}>
            <option value="de">Deutsch</option>
            <option value="en">English</option>
          </select>
        </label>
        <label className="grow">
          {t('reports.monthly.remarks')}
          <textarea
            rows={2}
            value={remarks}
            maxLength={4000}
            onChange={(e) => setRemarks(e.target.value)}
            aria-describedby="monthly-remarks-kept"
            data-testid="monthly-remarks"
          />
        </label>
        <button type="button" className="primary" onClick={() => void open('pdf')} data-testid="monthly-pdf">
          {t('reports.monthly.pdf')}
        </button>
        <button type="button" onClick={() => void open('html')} data-testid="monthly-open">
          {t('reports.monthly.open')}
        </button>
      </div>
      <p id="monthly-remarks-kept" className="muted monthly-kept">
        {t('reports.monthly.remarksKept')}
      </p>
    </section>
  );
}
