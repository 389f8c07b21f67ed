import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMoves, type Problem, type ProblemContent } from '../../../shared/domain/problem';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { PriorityBadge, StatusBadge } from '../../components/Badges';
import { formatDateTime } from '../../components/format';
import { downloadBlob } from '../../local/download';
import { useUi } from '../../state/ui';
import { BlameHints } from './BlameHints';
import { ProblemActions } from './ProblemActions';
import { ProblemAnalysis } from './ProblemAnalysis';
import './problems.css';

const blank: ProblemContent = {
  title: '',
  statement: '',
  systemIds: [],
  state: 'analysing',
  workaround: '',
  rootCause: '',
};

/** One problem: what it is, its incidents, its analysis and action items, and what its fix changed. */
export function ProblemPage({ id }: { id: number | null }) {
  const { t } = useTranslation();
  const detail = useQuery(
    'problems.get',
    id !== null ? { id } : null,
    (c) => c.entity === 'problem' || c.entity === 'ticket',
  );
  if (id !== null && !detail.data) return <div className="problem-page" />;
  return (
    <div className="problem-page">
      <header className="view-header">
        <a href="#/problems" className="quiet">
          {t('problems.back')}
        </a>
        <h1 tabIndex={-1}>{detail.data?.problem.title ?? t('problems.new')}</h1>
        {detail.data ? <PriorityBadge priority={detail.data.problem.priority} /> : null}
        <div className="spacer" />
        {detail.data ? <ExportButtons problem={detail.data.problem} /> : null}
      </header>
      <ProblemForm key={detail.data?.problem.version ?? 0} problem={detail.data?.problem ?? null} />
      {detail.data ? (
        <>
          <Incidents problem={detail.data.problem} />
          <ProblemAnalysis
            key={`rca-${detail.data.problem.version}`}
            problem={detail.data.problem}
            timeline={detail.data.timeline}
          />
          <ProblemActions problem={detail.data.problem} />
          <Measures problem={detail.data.problem} />
        </>
      ) : null}
    </div>
  );
}

function ProblemForm({ problem }: { problem: Problem | null }) {
  const { t } = useTranslation();
  const client = useClient();
  const { navigate, toast } = useUi();
  const [content, setContent] = useState<ProblemContent>(problem?.content ?? blank);
  const [publish, setPublish] = useState(false);
  const [saving, setSaving] = useState(false);
  const [notify, setNotify] = useState(false);
  const set = <K extends keyof ProblemContent>(key: K, value: ProblemContent[K]) =>
    setContent((c) => ({ ...c, [key]: value }));
  const states = problem ? [problem.state, ...problemMoves[problem.state]] : (['analysing', 'knownError'] as const);
  const save = async () => {
    setSaving(true);
    try {
      const saved = await client.call('problems.save', {
        ...(problem ? { id: problem.id, expectedVersion: problem.version } : {}),
        content,
        publishWorkaround: publish,
      });
      toast('info', t('problems.saved', { title: saved.problem.title }));
      if (!problem) navigate({ name: 'problem', id: saved.problem.id });
      else if (content.state === 'resolved' && problem.state !== 'resolved' && saved.problem.openIncidents)
        setNotify(true);
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const closed = problem?.state === 'closed';
  return (
    <section className="problem-form" aria-label={t('problems.form')}>
      <div className="form-grid">
        <label>
          {t('problems.field.title')}
          <input
            value={content.title}
            onChange={(e) => set('title', e.target.value)}
            disabled={closed}
            data-testid="problem-title"
          />
        </label>
        <label>
          {t('problems.field.state')}
          <select
            value={content.state}
            onChange={(e) => set('state', e.target.value as ProblemContent['state'])}
            disabled={closed}
            data-testid="problem-state"
          >
            {states.map((s) => (
              <option key={s} value={s}>
                {t(`problems.state.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        {t('problems.field.statement')}
        <textarea
          rows={3}
          value={content.statement}
          onChange={(e) => set('statement', e.target.value)}
          disabled={closed}
        />
      </label>
      <label>
        {t('problems.field.workaround')}
        <textarea
          rows={3}
          value={content.workaround}
          onChange={(e) => set('workaround', e.target.value)}
          disabled={closed}
          data-testid="problem-workaround"
        />
      </label>
      <label>
        {t('problems.field.rootCause')}
        <textarea
          rows={3}
          value={content.rootCause}
          onChange={(e) => set('rootCause', e.target.value)}
          disabled={closed}
        />
      </label>
      <BlameHints text={content.rootCause} />
      <div className="problem-form-actions">
        <label className="check">
          <input
            type="checkbox"
            checked={publish}
            onChange={(e) => setPublish(e.target.checked)}
            disabled={closed || !content.workaround.trim()}
            data-testid="problem-publish"
          />
          {problem?.articleId ? t('problems.publishAgain') : t('problems.publish')}
        </label>
        {problem?.articleId ? (
          <a href={`#/kb/${problem.articleId}`} data-testid="problem-article">
            {t('problems.article')}
          </a>
        ) : null}
        <div className="spacer" />
        <button
          type="button"
          className="primary"
          onClick={() => void save()}
          disabled={saving || closed}
          data-testid="problem-save"
        >
          {t('common.save')} <kbd className="kbd">{t('keys.ctrl')}+S</kbd>
        </button>
      </div>
      {notify && problem ? <NotifyRequesters problem={problem} onClose={() => setNotify(false)} /> : null}
    </section>
  );
}

/** After a fix: the open incidents' requesters can be told, each through the ticket's status message. */
function NotifyRequesters({ problem, onClose }: { problem: Problem; onClose: () => void }) {
  const { t } = useTranslation();
  const open = problem.linked.filter((l) => l.status !== 'resolved' && l.status !== 'closed');
  return (
    <div className="notify-panel" role="status" data-testid="problem-notify">
      <p>{t('problems.notify.intro', { count: open.length })}</p>
      <ul>
        {open.map((l) => (
          <li key={l.id}>
            <a href={`#/tickets/${l.id}`}>
              {l.number} {l.title}
            </a>{' '}
            <span className="muted">{t('problems.notify.how')}</span>
          </li>
        ))}
      </ul>
      <button type="button" className="quiet" onClick={onClose}>
        {t('problems.notify.done')}
      </button>
    </div>
  );
}

function Incidents({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const client = useClient();
  const { toast } = useUi();
  const unlink = async (ticketId: number) => {
    try {
      await client.call('problems.unlink', { problemId: problem.id, ticketId });
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <section aria-labelledby="incidents-heading" data-testid="problem-incidents">
      <h2 id="incidents-heading" className="section-title">
        {t('problems.incidents', { count: problem.incidents, open: problem.openIncidents })}
      </h2>
      {problem.linked.length ? (
        <table className="problem-list">
          <tbody>
            {problem.linked.map((l) => (
              <tr key={l.id}>
                <td>
                  <a href={`#/tickets/${l.id}`}>{l.number}</a> {l.title}
                </td>
                <td>
                  <PriorityBadge priority={l.priority} />
                </td>
                <td>
                  <StatusBadge status={l.status} />
                </td>
                <td>{formatDateTime(l.createdAt)}</td>
                <td>
                  <button
                    type="button"
                    className="quiet"
                    onClick={() => void unlink(l.id)}
                    disabled={problem.state === 'closed'}
                  >
                    {t('problems.unlink')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('problems.noIncidents')}</p>
      )}
    </section>
  );
}

function Measures({ problem }: { problem: Problem }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) =>
    new Intl.NumberFormat(i18n.language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(v);
  const m = problem.measures;
  return (
    <section aria-labelledby="measures-heading" className="problem-measures" data-testid="problem-measures">
      <h2 id="measures-heading" className="section-title">
        {t('problems.measures.heading')}
      </h2>
      <dl>
        <dt>{t('problems.measures.before')}</dt>
        <dd>{n(m.perWeekBefore)}</dd>
        <dt>{t('problems.measures.after')}</dt>
        <dd>{m.perWeekAfter === null ? t('problems.measures.notFixed') : n(m.perWeekAfter)}</dd>
        <dt>{t('problems.measures.recurrence')}</dt>
        <dd className={m.recurrenceAfterFix ? 'overdue' : ''}>{m.recurrenceAfterFix}</dd>
      </dl>
    </section>
  );
}

function ExportButtons({ problem }: { problem: Problem }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { toast } = useUi();
  const [language, setLanguage] = useState<'de' | 'en'>(i18n.language === 'en' ? 'en' : 'de');
  const save = async (format: 'markdown' | 'html') => {
    try {
      const file = await client.call('problems.export', { id: problem.id, format, language });
      // Saved as a file (the one-page HTML prints from the browser; in the app it would lose its styles).
      downloadBlob(file.fileName, new Blob([file.text], { type: file.mimeType }));
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <>
      <select
        aria-label={t('problems.export.language')}
        value={language}
        onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'de')}
      >
        <option value="de">Deutsch</option>
        <option value="en">English</option>
      </select>
      <button type="button" className="quiet" onClick={() => void save('markdown')} data-testid="problem-export-md">
        {t('problems.export.markdown')}
      </button>
      <button type="button" className="quiet" onClick={() => void save('html')} data-testid="problem-export-html">
        {t('problems.export.html')}
      </button>
    </>
  );
}
