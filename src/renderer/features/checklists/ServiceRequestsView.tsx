import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { useUi } from '../../state/ui';
import { localToday } from './ChecklistPanel';
import './checklists.css';
import { ownValue } from '../../../shared/domain/own';

/** Onboarding overview: open service requests by their date, and a form to start a new one. */
export function ServiceRequestsView() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { navigate } = useUi();
  const language = i18n.language === 'en' ? 'en' : 'de';
  const requests = useQuery('serviceRequests.list', {}, (c) => c.entity === 'ticket');
  const library = useQuery('checklists.templates.list', { language }, (c) => c.entity === 'settings');
  const kinds = (library.data?.items ?? []).filter((i) => i.kind === 'serviceRequest');
  const [key, setKey] = useState('');
  const chosen = key || kinds[0]?.key || '';
  const template = useQuery('checklists.templates.get', chosen ? { key: chosen, language } : null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [requester, setRequester] = useState({ name: '', department: '' });
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    try {
      const { ticket } = await client.call('serviceRequests.start', {
        key: chosen,
        language,
        variables: Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim())),
        requester,
      });
      setValues({});
      setError(null);
      navigate({ name: 'ticket', id: ticket.id });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };
  const today = localToday();
  return (
    <div className="requests-view">
      <header className="view-header">
        <h1 tabIndex={-1}>{t('requests.heading')}</h1>
      </header>
      <div className="requests-body">
        <table className="requests-table" data-testid="requests">
          <thead>
            <tr>
              <th>{t('requests.date')}</th>
              <th>{t('requests.ticket')}</th>
              <th>{t('requests.kind')}</th>
              <th>{t('requests.progress')}</th>
            </tr>
          </thead>
          <tbody>
            {(requests.data?.items ?? []).map((item) => (
              <tr
                key={item.runId}
                onClick={() => navigate({ name: 'ticket', id: item.ticketId })}
                className="clickable"
              >
                <td className={item.date && item.date < today ? 'due-overdue' : ''}>{item.date ?? '–'}</td>
                <td>
                  {/* A real link: reachable by Tab, opened by Enter, announced as the ticket. */}
                  <a href={`#/tickets/${item.ticketId}`} className="row-link" onClick={(e) => e.stopPropagation()}>
                    <span className="mono muted">{item.number}</span> {item.title}
                  </a>
                </td>
                <td>{item.templateTitle}</td>
                <td>
                  {item.progress.done}/{item.progress.total}
                  {item.progress.overdue ? (
                    <span className="tag tag-overdue">{t('checklists.overdue', { count: item.progress.overdue })}</span>
                  ) : null}
                </td>
              </tr>
            ))}
            {requests.data && requests.data.items.length === 0 ? (
              <tr>
                <td colSpan={4} className="muted">
                  {t('requests.none')}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
        <form
          className="request-form"
          data-testid="request-form"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <h3>{t('requests.start')}</h3>
          <label>
            {t('requests.kind')}
            <select value={chosen} onChange={(e) => setKey(e.target.value)}>
              {kinds.map((k) => (
                <option key={k.key} value={k.key}>
                  {k.title}
                </option>
              ))}
            </select>
          </label>
          {(template.data?.template.variables ?? []).map((variable) => (
            <label key={variable.key}>
              {variable.label}
              {variable.required ? ' *' : ''}
              <input
                type={variable.type === 'date' ? 'date' : 'text'}
                value={ownValue(values, variable.key) ?? ''}
                onChange={(e) => setValues({ ...values, [variable.key]: e.target.value })}
              />
            </label>
          ))}
          <label>
            {t('requests.requester')} *
            <input value={requester.name} onChange={(e) => setRequester({ ...requester, name: e.target.value })} />
          </label>
          <label>
            {t('intake.department')}
            <input
              value={requester.department}
              onChange={(e) => setRequester({ ...requester, department: e.target.value })}
            />
          </label>
          {error ? (
            <div className="banner error" role="alert">
              {error}
            </div>
          ) : null}
          <button type="submit" className="primary" disabled={!chosen}>
            {t('requests.startButton')}
          </button>
        </form>
      </div>
    </div>
  );
}
