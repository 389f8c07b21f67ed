import { useTranslation } from 'react-i18next';
import type { BoardFilter } from '../../../shared/contract/board';
import { categorySchema, tierSchema } from '../../../shared/domain/enums';
import { DirectoryFilter } from '../tickets/DirectoryFilter';

const waitingOn = ['requester', 'msp', 'vendor'] as const;

/** Category, tier, waiting-on and "mine": one choice each, "all" when empty. */
export function BoardFilters({ filter, onChange }: { filter: BoardFilter; onChange: (next: BoardFilter) => void }) {
  const { t } = useTranslation();
  const one = <K extends 'category' | 'tier' | 'waitingOn'>(key: K, value: string) => {
    const next = { ...filter };
    if (value) (next as Record<string, unknown>)[key] = [value];
    else delete next[key];
    onChange(next);
  };
  return (
    <div className="board-filters" data-testid="board-filters">
      <select
        aria-label={t('board.category')}
        value={filter.category?.[0] ?? ''}
        onChange={(e) => one('category', e.target.value)}
      >
        <option value="">{t('board.allCategories')}</option>
        {categorySchema.options.map((c) => (
          <option key={c} value={c}>
            {t(`labels:category.${c}`)}
          </option>
        ))}
      </select>
      <select aria-label={t('board.tier')} value={filter.tier?.[0] ?? ''} onChange={(e) => one('tier', e.target.value)}>
        <option value="">{t('board.allTiers')}</option>
        {tierSchema.options.map((tier) => (
          <option key={tier} value={tier}>
            {t(`labels:tier.${tier}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('board.waitingOn')}
        value={filter.waitingOn?.[0] ?? ''}
        onChange={(e) => one('waitingOn', e.target.value)}
      >
        <option value="">{t('board.anyWaiting')}</option>
        {waitingOn.map((on) => (
          <option key={on} value={on}>
            {t(`board.waitingOnValue.${on}`)}
          </option>
        ))}
      </select>
      <label className="check">
        <input
          type="checkbox"
          checked={filter.mine ?? false}
          onChange={(e) => {
            const next = { ...filter };
            if (e.target.checked) next.mine = true;
            else delete next.mine;
            onChange(next);
          }}
        />
        {t('board.mine')}
      </label>
      <DirectoryFilter filter={filter} onFilter={onChange} />
    </div>
  );
}
