import { useTranslation } from 'react-i18next';
import { blameHints } from '../../../shared/domain/blame';

/** Sentences that read as blame, with the system wording a blameless analysis uses instead. */
export function BlameHints({ text }: { text: string }) {
  const { t } = useTranslation();
  const hints = blameHints(text);
  if (!hints.length) return null;
  return (
    <div className="blame-hints" role="note" data-testid="blame-hints">
      <p>{t('problems.blame.intro')}</p>
      <ul>
        {hints.map((hint) => (
          <li key={hint.start}>
            {t('problems.blame.quoted', { phrase: hint.phrase })} —{' '}
            {t(hint.kind === 'person' ? 'problems.blame.person' : 'problems.blame.word')}
          </li>
        ))}
      </ul>
    </div>
  );
}
