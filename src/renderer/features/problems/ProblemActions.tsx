import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionStateSchema, type ActionState, type Problem } from '../../../shared/domain/problem';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { formatDate } from '../../components/format';
import { useUi } from '../../state/ui';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Action items of a problem: what closes the gap, who, by when; they show on the board as planned work. */
export function ProblemActions({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const client = useClient();
  const { toast } = useUi();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState(inDays(14));
  const fail = (error: unknown) => toast('error', error instanceof ApiError ? error.message : String(error));
  const add = async () => {
    try {
      await client.call('problems.actions.save', { problemId: problem.id, title, owner, due });
      setTitle('');
      setOwner('');
    } catch (error) {
      fail(error);
    }
  };
  const setState = async (id: number, state: ActionState) => {
    try {
      await client.call('problems.actions.setState', { id, state });
    } catch (error) {
      fail(error);
    }
  };
  const closed = problem.state === 'closed';
  return (
    <section aria-labelledby="actions-heading" className="problem-actions" data-testid="problem-actions">
      <h2 id="actions-heading" className="section-title">
        {t('problems.actions.heading')}
      </h2>
      {problem.actions.length ? (
        <table className="problem-list">
          <thead>
            <tr>
              <th>{t('problems.actions.title')}</th>
              <th>{t('problems.actions.owner')}</th>
              <th>{t('problems.actions.due')}</th>
              <th>{t('problems.actions.state')}</th>
            </tr>
          </thead>
          <tbody>
            {problem.actions.map((a) => (
              <tr key={a.id} className={a.overdue ? 'overdue' : ''}>
                <td>{a.title}</td>
                <td>{a.owner || '–'}</td>
                <td>
                  {formatDate(a.due)}
                  {a.overdue ? ` · ${t('problems.actions.overdue')}` : ''}
                </td>
                <td>
                  <select
                    aria-label={t('problems.actions.stateOf', { title: a.title })}
                    value={a.state}
                    onChange={(e) => void setState(a.id, e.target.value as ActionState)}
                    disabled={closed}
                  >
                    {actionStateSchema.options.map((s) => (
                      <option key={s} value={s}>
                        {t(`problems.actionState.${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('problems.actions.none')}</p>
      )}
      {closed ? null : (
        <div className="action-add">
          <input
            aria-label={t('problems.actions.title')}
            placeholder={t('problems.actions.placeholder')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="action-title"
          />
          <input
            aria-label={t('problems.actions.owner')}
            placeholder={t('problems.actions.owner')}
            value={owner}
            onChange={(e) => setOwner(e.target.value)}
            data-testid="action-owner"
          />
          <input
            type="date"
            aria-label={t('problems.actions.due')}
            value={due}
            min={inDays(0)}
            onChange={(e) => setDue(e.target.value)}
            data-testid="action-due"
          />
          <button type="button" onClick={() => void add()} disabled={!title.trim() || !due} data-testid="action-add">
            {t('problems.actions.add')}
          </button>
        </div>
      )}
    </section>
  );
}
