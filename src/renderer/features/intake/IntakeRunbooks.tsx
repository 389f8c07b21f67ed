import { useTranslation } from 'react-i18next';
import type { Category } from '../../../shared/domain/enums';
import { useQuery } from '../../api/useQuery';
import { useSettled } from '../../components/useSettled';
import '../checklists/checklists.css';

type Props = {
  category: Category | null;
  text: string;
  chosen: ReadonlySet<string>;
  onToggle: (key: string) => void;
};

/** Runbooks that fit what is being taken in; the chosen ones start with the ticket when it is saved. */
export function IntakeRunbooks({ category, text, chosen, onToggle }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'de';
  const settled = useSettled(text, 300);
  const suggestions = useQuery('checklists.templates.suggest', { category, text: settled, language }, () => false);
  const items = (suggestions.data?.items ?? []).filter((item) => item.kind === 'incident');
  if (!items.length) return null;
  return (
    <section className="intake-runbooks" data-testid="intake-runbooks">
      <h4>{t('intake.runbooks')}</h4>
      {items.map((item) => (
        <button
          key={item.key}
          type="button"
          aria-pressed={chosen.has(item.key)}
          className={chosen.has(item.key) ? 'on' : ''}
          onClick={() => onToggle(item.key)}
        >
          {chosen.has(item.key) ? '☑' : '☐'} {item.title}
        </button>
      ))}
      <p className="muted">{t('intake.runbooksHint')}</p>
    </section>
  );
}
