import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { DirectoryCombobox } from '../directory/DirectoryCombobox';

/** The part of a list's or the board's filter that names the directory. */
type DirectoryScope = { personId?: number | undefined; systemId?: number | undefined; department?: string | undefined };
type Props<F extends DirectoryScope> = { filter: F; onFilter: (filter: F) => void };

function withoutDirectory<F extends DirectoryScope>(filter: F): F {
  const { personId: _p, systemId: _s, department: _d, ...rest } = filter;
  return rest as F;
}

/** Tickets of one person, system or department: picked by typing, shown as a chip that clears it. */
export function DirectoryFilter<F extends DirectoryScope>({ filter, onFilter }: Props<F>) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const person = useQuery('directory.people.get', filter.personId ? { id: filter.personId } : null, () => false);
  const system = useQuery('directory.systems.get', filter.systemId ? { id: filter.systemId } : null, () => false);
  const label = filter.personId
    ? (person.data?.person.name ?? '…')
    : filter.systemId
      ? (system.data?.system.name ?? '…')
      : filter.department;
  if (label)
    return (
      <span className="chip" data-testid="directory-filter">
        {label}
        <button
          type="button"
          className="quiet"
          aria-label={t('directory.picker.removeSystem', { name: label })}
          onClick={() => onFilter(withoutDirectory(filter))}
        >
          ×
        </button>
      </span>
    );
  return (
    <div className="directory-filter">
      <DirectoryCombobox
        kinds={['person', 'system', 'department']}
        value={text}
        onText={setText}
        clearOnPick
        onPick={(hit) =>
          onFilter({
            ...withoutDirectory(filter),
            ...(hit.kind === 'person'
              ? { personId: hit.id }
              : hit.kind === 'system'
                ? { systemId: hit.id }
                : { department: hit.label }),
          })
        }
        inputProps={{
          placeholder: t('list.directoryFilter'),
          'aria-label': t('list.directoryFilterLabel'),
          'data-testid': 'list-directory-filter',
        }}
      />
    </div>
  );
}
