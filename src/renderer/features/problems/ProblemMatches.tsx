import './problems.css';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../shared/contract';
import { useQuery } from '../../api/useQuery';
import { useSettled } from '../../components/useSettled';

type Match = MethodOutput<'problems.suggest'>['matches'][number];

type Props = {
  intake: Omit<MethodInput<'problems.suggest'>, 'limit'>;
  chosen: number | null;
  onChoose: (id: number | null) => void;
};

/** At intake: open problems this request reads like, with their workaround, to link the new ticket at once. */
export function ProblemMatches({ intake, chosen, onChoose }: Props) {
  const { t } = useTranslation();
  const settled = useSettled(intake, 200);
  const suggestions = useQuery('problems.suggest', settled, (c) => c.entity === 'problem');
  const matches = suggestions.data?.matches ?? [];
  if (!matches.length) return null;
  return (
    <section className="problem-matches" aria-label={t('problems.match.heading')} data-testid="problem-matches">
      <h4>{t('problems.match.heading')}</h4>
      {matches.map((m) => (
        <MatchCard
          key={m.id}
          match={m}
          chosen={chosen === m.id}
          onToggle={() => onChoose(chosen === m.id ? null : m.id)}
        />
      ))}
    </section>
  );
}

export function MatchCard({ match, chosen, onToggle }: { match: Match; chosen: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <div className={`problem-match${chosen ? ' chosen' : ''}`} data-testid="problem-match">
      <p>
        <a href={`#/problems/${match.id}`}>{match.title}</a>{' '}
        <span className={`problem-state problem-state-${match.state}`}>{t(`problems.state.${match.state}`)}</span>
      </p>
      {match.words.length ? (
        <p className="muted">{t('problems.match.why', { words: match.words.join(', ') })}</p>
      ) : null}
      {match.workaround ? (
        <p className="problem-workaround" data-testid="problem-match-workaround">
          <strong>{t('problems.field.workaround')}:</strong> {match.workaround}
        </p>
      ) : null}
      <button
        type="button"
        className={chosen ? 'primary' : ''}
        aria-pressed={chosen}
        onClick={onToggle}
        data-testid="problem-match-link"
      >
        {chosen ? t('problems.match.chosen') : t('problems.match.link')}
      </button>
    </div>
  );
}
