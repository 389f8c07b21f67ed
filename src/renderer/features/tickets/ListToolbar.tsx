import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketFilter } from '../../../shared/contract/tickets';
import { categorySchema, channelSchema, prioritySchema, tierSchema } from '../../../shared/domain/enums';
import { Kbd } from '../../components/Badges';
import { EnumSelect } from '../../components/EnumSelect';
import { useUi } from '../../state/ui';
import { DirectoryFilter } from './DirectoryFilter';
import { MailImportButton } from '../mail/MailImport';

type Props = {
  filter: TicketFilter;
  onFilter: (filter: TicketFilter) => void;
  total: number;
  columnsMenu: React.ReactNode;
};

const single = <T extends string>(values: T[] | undefined): T | '' => values?.[0] ?? '';

export function ListToolbar({ filter, onFilter, total, columnsMenu }: Props) {
  const { t } = useTranslation();
  const searchFocus = useUi((s) => s.searchFocus);
  const search = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState(filter.q ?? '');

  useEffect(() => {
    if (searchFocus) search.current?.focus();
  }, [searchFocus]);
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((filter.q ?? '') !== q) onFilter({ ...filter, q: q || undefined });
    }, 150);
    return () => clearTimeout(timer);
  }, [q, filter, onFilter]);

  const scope = filter.open === true ? 'open' : filter.open === false ? 'done' : 'all';
  const togglePriority = (p: (typeof prioritySchema.options)[number]) => {
    const current = new Set(filter.priority ?? []);
    if (current.has(p)) current.delete(p);
    else current.add(p);
    onFilter({ ...filter, priority: current.size ? [...current].sort() : undefined });
  };
  const select = <T extends string>(key: 'channel' | 'category' | 'tier', value: T | '') =>
    onFilter({ ...filter, [key]: value ? [value] : undefined });

  return (
    <div className="toolbar">
      <div className="search">
        <input
          ref={search}
          type="search"
          value={q}
          placeholder={t('list.searchPlaceholder')}
          aria-label={t('list.search')}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setQ('');
              e.currentTarget.blur();
            }
            if (e.key === 'ArrowDown') e.currentTarget.blur();
          }}
        />
        <Kbd>/</Kbd>
      </div>
      <DirectoryFilter filter={filter} onFilter={onFilter} />
      <div className="segmented" role="group" aria-label={t('list.scope')}>
        {(['open', 'all', 'done'] as const).map((s) => (
          <button
            key={s}
            type="button"
            className={scope === s ? 'on' : ''}
            onClick={() => onFilter({ ...filter, open: s === 'open' ? true : s === 'done' ? false : undefined })}
          >
            {t(`list.scope_${s}`)}
          </button>
        ))}
      </div>
      <div className="segmented" role="group" aria-label={t('list.col.priority')}>
        {prioritySchema.options.map((p) => (
          <button
            key={p}
            type="button"
            className={`prio-toggle ${filter.priority?.includes(p) ? `on prio-${p}` : ''}`}
            onClick={() => togglePriority(p)}
          >
            {p}
          </button>
        ))}
      </div>
      <EnumSelect
        label={t('list.col.category')}
        value={single(filter.category)}
        options={categorySchema.options}
        labelOf={(c) => t(`labels:category.${c}`)}
        emptyLabel={t('list.allCategories')}
        onChange={(v) => select('category', v)}
      />
      <EnumSelect
        label={t('list.col.channel')}
        value={single(filter.channel)}
        options={channelSchema.options}
        labelOf={(c) => t(`labels:channel.${c}`)}
        emptyLabel={t('list.allChannels')}
        onChange={(v) => select('channel', v)}
      />
      <EnumSelect
        label={t('list.col.tier')}
        value={single(filter.tier)}
        options={tierSchema.options}
        labelOf={(c) => t(`labels:tier.${c}`)}
        emptyLabel={t('list.allTiers')}
        onChange={(v) => select('tier', v)}
      />
      <div className="spacer" />
      <span className="count" data-testid="list-total">
        {t('list.total', { count: total })}
      </span>
      <MailImportButton />
      {columnsMenu}
    </div>
  );
}
