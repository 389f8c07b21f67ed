import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  criticalitySchema,
  systemKindSchema,
  type Department,
  type DirectorySystem,
  type Person,
} from '../../../shared/domain/directory';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { FieldError, invalidProps, useFocusFirstInvalid, type FieldErrors } from '../../components/FieldErrors';
import { splitList } from './inputs';
import { useSave } from './useSave';

type FieldProps = {
  label: string;
  field: string;
  errors: FieldErrors;
  prefix: string;
  children: (props: object) => ReactNode;
};

/** A labelled field that shows its refusal and is marked invalid for assistive technology. */
function Field({ label, field, errors, prefix, children }: FieldProps) {
  const id = `${prefix}-${field}`;
  return (
    <label>
      {label}
      {children({ id, ...invalidProps(errors, field, id) })}
      <FieldError errors={errors} field={field} id={id} />
    </label>
  );
}

function CheckField({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

function NotesField(props: { value: string; onChange: (notes: string) => void; errors: FieldErrors; prefix: string }) {
  const { t } = useTranslation();
  return (
    <Field label={t('directory.field.notes')} field="notes" errors={props.errors} prefix={props.prefix}>
      {(field) => <textarea {...field} rows={3} value={props.value} onChange={(e) => props.onChange(e.target.value)} />}
    </Field>
  );
}

function Actions({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="dialog-actions">
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="primary" disabled={busy} data-testid="directory-save">
        {t('common.save')}
      </button>
    </div>
  );
}

export function PersonForm({ value, onDone }: { value: Person; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [draft, setDraft] = useState(value);
  const { errors, busy, run } = useSave('person');
  const container = useFocusFirstInvalid(errors);
  const text = (field: 'name' | 'department' | 'email' | 'phone' | 'location' | 'role', max: number) => (
    <Field label={t(`directory.field.${field}`)} field={field} errors={errors} prefix="person">
      {(props) => (
        <input
          {...props}
          value={draft[field]}
          maxLength={max}
          onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
          autoFocus={field === 'name'}
        />
      )}
    </Field>
  );
  return (
    <div ref={container}>
      <form
        className="directory-form"
        data-testid="person-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => client.call('directory.people.save', { person: draft }), onDone);
        }}
      >
        {text('name', 120)}
        {text('department', 120)}
        {text('email', 200)}
        {text('phone', 60)}
        {text('location', 120)}
        {text('role', 120)}
        <CheckField
          label={t('directory.field.vip')}
          checked={draft.vip}
          onChange={(vip) => setDraft({ ...draft, vip })}
        />
        <CheckField
          label={t('directory.field.active')}
          checked={draft.active}
          onChange={(active) => setDraft({ ...draft, active })}
        />
        <NotesField
          value={draft.notes}
          onChange={(notes) => setDraft({ ...draft, notes })}
          errors={errors}
          prefix="person"
        />
        <Actions busy={busy} onCancel={onDone} />
      </form>
    </div>
  );
}

export function SystemForm({ value, onDone }: { value: DirectorySystem; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const people = useQuery('directory.people.list', { limit: 10_000 }, (c) => c.entity === 'directory');
  const providers = useQuery('msp.providers.list', {});
  const [draft, setDraft] = useState(value);
  const [lists, setLists] = useState({
    departments: value.departments.join(', '),
    processes: value.processes.join(', '),
    runbooks: value.runbooks.join(', '),
  });
  const { errors, busy, run } = useSave('system');
  const container = useFocusFirstInvalid(errors);
  const listField = (field: keyof typeof lists) => (
    <Field label={t(`directory.field.${field}`)} field={field} errors={errors} prefix="system">
      {(props) => (
        <input {...props} value={lists[field]} onChange={(e) => setLists({ ...lists, [field]: e.target.value })} />
      )}
    </Field>
  );
  return (
    <div ref={container}>
      <form
        className="directory-form"
        data-testid="system-form"
        onSubmit={(e) => {
          e.preventDefault();
          const system = {
            ...draft,
            departments: splitList(lists.departments),
            processes: splitList(lists.processes),
            runbooks: splitList(lists.runbooks),
          };
          void run(() => client.call('directory.systems.save', { system }), onDone);
        }}
      >
        <Field label={t('directory.field.name')} field="name" errors={errors} prefix="system">
          {(props) => (
            <input
              {...props}
              autoFocus
              value={draft.name}
              maxLength={120}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          )}
        </Field>
        <label>
          {t('directory.field.kind')}
          <select
            value={draft.kind}
            onChange={(e) => setDraft({ ...draft, kind: systemKindSchema.parse(e.target.value) })}
          >
            {systemKindSchema.options.map((kind) => (
              <option key={kind} value={kind}>
                {t(`directory.kind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('directory.field.criticality')}
          <select
            value={draft.criticality}
            onChange={(e) => setDraft({ ...draft, criticality: criticalitySchema.parse(e.target.value) })}
          >
            {criticalitySchema.options.map((level) => (
              <option key={level} value={level}>
                {t(`directory.criticality.${level}`)}
              </option>
            ))}
          </select>
        </label>
        <Field label={t('directory.field.systemLocation')} field="location" errors={errors} prefix="system">
          {(props) => (
            <input
              {...props}
              value={draft.location}
              maxLength={300}
              onChange={(e) => setDraft({ ...draft, location: e.target.value })}
            />
          )}
        </Field>
        {listField('departments')}
        {listField('processes')}
        <label>
          {t('directory.field.owner')}
          <select value={draft.ownerId} onChange={(e) => setDraft({ ...draft, ownerId: Number(e.target.value) })}>
            <option value={0}>{t('directory.field.none')}</option>
            {(people.data?.people ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('directory.field.provider')}
          <select value={draft.providerId} onChange={(e) => setDraft({ ...draft, providerId: e.target.value })}>
            <option value="">{t('directory.field.none')}</option>
            {(providers.data?.providers ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        {listField('runbooks')}
        <CheckField
          label={t('directory.field.retired')}
          checked={draft.retired}
          onChange={(retired) => setDraft({ ...draft, retired })}
        />
        <NotesField
          value={draft.notes}
          onChange={(notes) => setDraft({ ...draft, notes })}
          errors={errors}
          prefix="system"
        />
        <Actions busy={busy} onCancel={onDone} />
      </form>
    </div>
  );
}

export function DepartmentForm({ value, onDone }: { value: Department; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [draft, setDraft] = useState(value);
  const [processes, setProcesses] = useState(value.processes.join(', '));
  const { errors, busy, run } = useSave('department');
  const container = useFocusFirstInvalid(errors);
  return (
    <div ref={container}>
      <form
        className="directory-form"
        data-testid="department-form"
        onSubmit={(e) => {
          e.preventDefault();
          const department = { ...draft, processes: splitList(processes) };
          void run(() => client.call('directory.departments.save', { department }), onDone);
        }}
      >
        <Field label={t('directory.field.name')} field="name" errors={errors} prefix="department">
          {(props) => (
            <input
              {...props}
              autoFocus
              value={draft.name}
              maxLength={120}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('directory.field.head')} field="head" errors={errors} prefix="department">
          {(props) => (
            <input
              {...props}
              value={draft.head}
              maxLength={120}
              onChange={(e) => setDraft({ ...draft, head: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('directory.field.processes')} field="processes" errors={errors} prefix="department">
          {(props) => <input {...props} value={processes} onChange={(e) => setProcesses(e.target.value)} />}
        </Field>
        <NotesField
          value={draft.notes}
          onChange={(notes) => setDraft({ ...draft, notes })}
          errors={errors}
          prefix="department"
        />
        <Actions busy={busy} onCancel={onDone} />
      </form>
    </div>
  );
}
