import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useUi } from '../../state/ui';
import { DirectoryCombobox } from '../directory/DirectoryCombobox';
import type { IntakeForm } from './intakeForm';

type Props = { form: IntakeForm; update: (change: (current: IntakeForm) => IntakeForm) => void };

/** Under the requester's name: linked to the directory (unlink), or typed in (offer to add the person). */
export function PersonLink({ form, update }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const { requester } = form;
  if (requester.personId)
    return (
      <span className="linked" data-testid="requester-linked">
        ✓ {t('directory.picker.fromDirectory')}{' '}
        <button
          type="button"
          className="link"
          onClick={() => update((f) => ({ ...f, requester: { ...f.requester, personId: 0 }, requesterRaise: null }))}
        >
          {t('directory.picker.unlink')}
        </button>
      </span>
    );
  if (requester.name.trim().length < 2) return null;
  const save = async () => {
    try {
      const person = await client.call('directory.people.save', {
        person: {
          name: requester.name,
          department: requester.department,
          email: requester.email,
          phone: requester.phone,
        },
      });
      update((f) => ({ ...f, requester: { ...f.requester, personId: person.id } }));
      toast('info', t('directory.picker.savedToDirectory', { name: person.name }));
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <span className="linked">
      {t('directory.picker.noMatch')}{' '}
      <button type="button" className="link" onClick={() => void save()} data-testid="requester-save">
        {t('directory.picker.saveToDirectory')}
      </button>
    </span>
  );
}

/** "Which systems?": picked from the directory as chips, plus free text for what is not in it. */
export function SystemsPicker({ form, update }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  return (
    <div className="systems-picker">
      <label>
        {t('directory.picker.systems')}
        <DirectoryCombobox
          kinds={['system']}
          value={query}
          onText={setQuery}
          clearOnPick
          onPick={(hit) =>
            update((f) =>
              f.systems.some((s) => s.id === hit.id)
                ? f
                : { ...f, systems: [...f.systems, { id: hit.id, name: hit.label, raise: hit.raise }].slice(0, 20) },
            )
          }
          inputProps={{ placeholder: t('directory.picker.typeToSearch'), 'data-testid': 'systems-picker' }}
        />
      </label>
      {form.systems.length ? (
        <div className="chips" data-testid="picked-systems">
          {form.systems.map((system) => (
            <span className="chip" key={system.id}>
              {system.name}
              {system.raise ? ' !' : ''}
              <button
                type="button"
                className="quiet"
                aria-label={t('directory.picker.removeSystem', { name: system.name })}
                onClick={() => update((f) => ({ ...f, systems: f.systems.filter((s) => s.id !== system.id) }))}
              >
                ×
              </button>
            </span>
          ))}
        </div>
      ) : null}
      <label>
        {t('intake.affectedSystems')}
        <input
          value={form.affectedSystems}
          maxLength={500}
          placeholder={t('intake.affectedSystemsPlaceholder')}
          onChange={(e) => update((f) => ({ ...f, affectedSystems: e.target.value }))}
        />
      </label>
    </div>
  );
}
