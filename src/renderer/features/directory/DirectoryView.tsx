import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryKind } from '../../../shared/contract/directory';
import type { Department, DirectorySystem, Person } from '../../../shared/domain/directory';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { useUi } from '../../state/ui';
import type { DirectoryTab } from '../../state/router';
import { blankDepartment, blankPerson, blankSystem } from './blank';
import { DepartmentForm, PersonForm, SystemForm } from './DirectoryForms';
import { ImportDialog } from './ImportDialog';
import { downloadBase64 } from '../../local/download';
import './directory.css';

type Editing =
  | { kind: 'people'; value: Person }
  | { kind: 'systems'; value: DirectorySystem }
  | { kind: 'departments'; value: Department }
  | null;

const tabs: DirectoryTab[] = ['people', 'systems', 'departments'];

/** The company's people, systems and departments: searched, edited, imported and exported in one place. */
export function DirectoryView({ tab }: { tab: DirectoryTab }) {
  const { t } = useTranslation();
  const client = useClient();
  const { navigate, toast } = useUi();
  const [q, setQ] = useState('');
  const [inactive, setInactive] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [importing, setImporting] = useState(false);
  const mine = (c: { entity: string }) => c.entity === 'directory' || c.entity === 'ticket';
  const people = useQuery('directory.people.list', tab === 'people' ? { q, includeInactive: inactive } : null, mine);
  const systems = useQuery('directory.systems.list', tab === 'systems' ? { q, includeInactive: inactive } : null, mine);
  const departments = useQuery('directory.departments.list', tab === 'departments' ? {} : null, mine);
  const providers = useQuery('msp.providers.list', {});
  const allPeople = useQuery(
    'directory.people.list',
    tab === 'systems' ? { limit: 10_000, includeInactive: true } : null,
    mine,
  );
  const nameOf = (id: number) => allPeople.data?.people.find((p) => p.id === id)?.name ?? '';
  const providerName = (id: string) => providers.data?.providers.find((p) => p.id === id)?.name ?? id;

  const exportList = async () => {
    try {
      const file = await client.call('directory.export', { kind: tab });
      downloadBase64(file.fileName, 'text/csv', file.contentBase64);
      toast('info', t('directory.exported', { file: file.fileName }));
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  const remove = async (kind: DirectoryKind, id: number) => {
    try {
      const method =
        kind === 'people'
          ? 'directory.people.remove'
          : kind === 'systems'
            ? 'directory.systems.remove'
            : 'directory.departments.remove';
      await client.call(method, { id });
      toast('info', t('directory.removed'));
      setEditing(null);
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  const startNew = () =>
    setEditing(
      tab === 'people'
        ? { kind: 'people', value: blankPerson }
        : tab === 'systems'
          ? { kind: 'systems', value: blankSystem }
          : { kind: 'departments', value: blankDepartment },
    );
  const count =
    tab === 'people'
      ? people.data?.total
      : tab === 'systems'
        ? systems.data?.total
        : departments.data?.departments.length;
  const editButton = (onClick: () => void, name: string) => (
    <button type="button" className="quiet" onClick={onClick} aria-label={`${t('directory.edit')}: ${name}`}>
      {t('directory.edit')}
    </button>
  );

  return (
    <div className="directory-view">
      <header className="view-header">
        <h1 tabIndex={-1}>{t('directory.heading')}</h1>
        <div className="segmented" role="tablist" aria-label={t('directory.heading')}>
          {tabs.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              className={tab === name ? 'on' : ''}
              onClick={() => {
                setEditing(null);
                navigate({ name: 'directory', tab: name });
              }}
            >
              {t(`directory.tabs.${name}`)}
            </button>
          ))}
        </div>
        {tab !== 'departments' ? (
          <>
            <input
              type="search"
              className="directory-search"
              aria-label={t('directory.search')}
              placeholder={t('directory.search')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              data-testid="directory-search"
            />
            <label className="check">
              <input type="checkbox" checked={inactive} onChange={(e) => setInactive(e.target.checked)} />
              {t('directory.inactiveToo')}
            </label>
          </>
        ) : null}
        <span className="muted">{count !== undefined ? t('directory.count', { count }) : ''}</span>
        <span className="spacer" />
        <button type="button" onClick={startNew} data-testid="directory-new">
          {t(`directory.new.${tab}`)}
        </button>
        <button type="button" onClick={() => setImporting(true)} data-testid="directory-import">
          {t('directory.import')}
        </button>
        <button type="button" onClick={() => void exportList()}>
          {t('directory.export')}
        </button>
      </header>
      <div className="directory-body">
        <div className="directory-list" role="tabpanel" tabIndex={0} aria-label={t(`directory.tabs.${tab}`)}>
          {tab === 'people' ? (
            <table className="compact" data-testid="people-table">
              <thead>
                <tr>
                  {(['name', 'department', 'email', 'phone', 'location', 'role', 'tickets'] as const).map((c) => (
                    <th key={c}>{t(`directory.col.${c}`)}</th>
                  ))}
                  <th />
                </tr>
              </thead>
              <tbody>
                {(people.data?.people ?? []).map((p) => (
                  <tr key={p.id} className={p.active ? '' : 'inactive'}>
                    <td>
                      <a href={`#/directory/people/${p.id}`}>{p.name}</a>
                      {p.vip ? <span className="tag tag-vip">{t('directory.vip')}</span> : null}
                      {p.active ? null : <span className="tag">{t('directory.inactive')}</span>}
                    </td>
                    <td>{p.department}</td>
                    <td>{p.email}</td>
                    <td>{p.phone}</td>
                    <td>{p.location}</td>
                    <td>{p.role}</td>
                    <td className="num">{p.ticketCount}</td>
                    <td>{editButton(() => setEditing({ kind: 'people', value: p }), p.name)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {tab === 'systems' ? (
            <table className="compact" data-testid="systems-table">
              <thead>
                <tr>
                  {(['name', 'kind', 'criticality', 'location', 'owner', 'provider', 'openTickets'] as const).map(
                    (c) => (
                      <th key={c}>{t(`directory.col.${c}`)}</th>
                    ),
                  )}
                  <th />
                </tr>
              </thead>
              <tbody>
                {(systems.data?.systems ?? []).map((s) => (
                  <tr key={s.id} className={s.retired ? 'inactive' : ''}>
                    <td>
                      <a href={`#/directory/systems/${s.id}`}>{s.name}</a>
                      {s.retired ? <span className="tag">{t('directory.retired')}</span> : null}
                    </td>
                    <td>{t(`directory.kind.${s.kind}`)}</td>
                    <td className={`crit-${s.criticality}`}>{t(`directory.criticality.${s.criticality}`)}</td>
                    <td>{s.location}</td>
                    <td>{s.ownerId ? nameOf(s.ownerId) : ''}</td>
                    <td>{s.providerId ? providerName(s.providerId) : ''}</td>
                    <td className="num">{s.openTickets}</td>
                    <td>{editButton(() => setEditing({ kind: 'systems', value: s }), s.name)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {tab === 'departments' ? (
            <table className="compact" data-testid="departments-table">
              <thead>
                <tr>
                  {(['name', 'head', 'size', 'processes'] as const).map((c) => (
                    <th key={c}>{t(`directory.col.${c}`)}</th>
                  ))}
                  <th />
                </tr>
              </thead>
              <tbody>
                {(departments.data?.departments ?? []).map((d) => (
                  <tr key={d.id}>
                    <td>{d.name}</td>
                    <td>{d.head}</td>
                    <td className="num">{d.size}</td>
                    <td>{d.processes.join(', ')}</td>
                    <td>{editButton(() => setEditing({ kind: 'departments', value: d }), d.name)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {count === 0 ? <p className="muted empty">{t(`directory.empty.${tab}`)}</p> : null}
        </div>
        {editing ? (
          <aside className="directory-editor" aria-label={t('directory.edit')}>
            {editing.kind === 'people' ? (
              <PersonForm key={editing.value.id} value={editing.value} onDone={() => setEditing(null)} />
            ) : null}
            {editing.kind === 'systems' ? (
              <SystemForm key={editing.value.id} value={editing.value} onDone={() => setEditing(null)} />
            ) : null}
            {editing.kind === 'departments' ? (
              <DepartmentForm key={editing.value.id} value={editing.value} onDone={() => setEditing(null)} />
            ) : null}
            {editing.value.id ? (
              <button
                type="button"
                className="quiet danger"
                onClick={() => void remove(editing.kind, editing.value.id)}
              >
                {t('directory.remove')}
              </button>
            ) : null}
          </aside>
        ) : null}
      </div>
      {importing ? <ImportDialog kind={tab} onClose={() => setImporting(false)} /> : null}
    </div>
  );
}
