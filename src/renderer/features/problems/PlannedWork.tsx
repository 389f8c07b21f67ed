import './problems.css';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { formatDate } from '../../components/format';

/** Action items of problems as planned work, the earliest due first; overdue ones stand out. */
export function PlannedWork({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const planned = useQuery('problems.actions.list', {}, (c) => c.entity === 'problem');
  const actions = planned.data?.actions ?? [];
  if (compact && !actions.length) return null;
  return (
    <section
      className={`planned-work${compact ? ' compact' : ''}`}
      aria-labelledby="planned-heading"
      data-testid="planned-work"
    >
      <h2 id="planned-heading" className="section-title">
        {t('problems.planned.heading', { count: actions.length })}
      </h2>
      {actions.length ? (
        <ul>
          {actions.slice(0, compact ? 6 : 100).map((a) => (
            <li key={a.id} className={a.overdue ? 'overdue' : ''}>
              <a href={`#/problems/${a.problemId}`}>{a.title}</a>
              <span className="muted">
                {' '}
                · {a.problemTitle}
                {a.owner ? ` · ${a.owner}` : ''} ·{' '}
              </span>
              <span className={a.overdue ? 'overdue-label' : 'muted'}>
                {a.overdue
                  ? t('problems.planned.overdue', { date: formatDate(a.due) })
                  : t('problems.planned.due', { date: formatDate(a.due) })}
              </span>
            </li>
          ))}
          {compact && actions.length > 6 ? (
            <li className="muted">{t('problems.planned.more', { count: actions.length - 6 })}</li>
          ) : null}
        </ul>
      ) : (
        <p className="muted">{t('problems.planned.none')}</p>
      )}
    </section>
  );
}
