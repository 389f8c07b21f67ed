import { useEffect, useId, useRef, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryHit } from '../../../shared/domain/directory';
import { useClient } from '../../api/context';

type Props = {
  kinds: ('person' | 'system' | 'department')[];
  value: string;
  onText: (text: string) => void;
  onPick: (hit: DirectoryHit) => void;
  /** Picking clears the box (systems are collected as chips) rather than keeping the name. */
  clearOnPick?: boolean;
  inputProps?: InputHTMLAttributes<HTMLInputElement> & { 'data-testid'?: string };
};

/**
 * A text box that offers directory entries while typing (name, e-mail, phone; umlauts either way): a WAI-ARIA
 * combobox, arrows move, Enter picks, Esc closes; typing on stays free text.
 */
export function DirectoryCombobox({ kinds, value, onText, onPick, clearOnPick, inputProps }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const listId = useId();
  const [hits, setHits] = useState<DirectoryHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const asked = useRef(0);
  const kindsKey = kinds.join(',');

  useEffect(() => {
    const q = value.trim();
    if (!open || q.length < 2) {
      setHits([]);
      return;
    }
    const mine = ++asked.current;
    const timer = setTimeout(() => {
      client.call('directory.search', { q, kinds: kindsKey.split(',') as Props['kinds'], limit: 8 }).then(
        (result) => {
          if (mine !== asked.current) return;
          setHits(result.hits);
          setActive(0);
        },
        () => mine === asked.current && setHits([]),
      );
    }, 80);
    return () => clearTimeout(timer);
  }, [client, value, open, kindsKey]);

  const pick = (hit: DirectoryHit) => {
    onPick(hit);
    setOpen(false);
    setHits([]);
    if (clearOnPick) onText('');
  };
  const shown = open && hits.length > 0;
  return (
    <div className="picker">
      <input
        {...inputProps}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown ? `${listId}-${active}` : undefined}
        autoComplete="off"
        value={value}
        onChange={(e) => {
          onText(e.target.value);
          setOpen(true);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (!shown) return;
          if (e.key === 'ArrowDown') setActive((i) => Math.min(hits.length - 1, i + 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
          else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) pick(hits[active]!);
          else if (e.key === 'Escape') setOpen(false);
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      <ul className="picker-list" id={listId} role="listbox" aria-label={t('directory.picker.person')} hidden={!shown}>
        {hits.map((hit, index) => (
          <li
            key={`${hit.kind}-${hit.id}`}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            data-testid={`pick-${hit.kind}-${hit.id}`}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(hit);
            }}
          >
            {hit.label}
            {hit.raise ? <span className="tag tag-vip">{hit.raise.kind === 'vip' ? 'VIP' : '!'}</span> : null}
            <span className="detail">{hit.detail}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
