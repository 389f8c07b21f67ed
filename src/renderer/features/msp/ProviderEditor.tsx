import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { prioritySchema } from '../../../shared/domain/enums';
import type { MspProvider } from '../../../shared/domain/msp';
import { defaultSlaPolicy } from '../../../shared/domain/slaPolicy';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import {
  FieldError,
  fieldErrorsOf,
  invalidProps,
  useFocusFirstInvalid,
  type FieldErrors,
} from '../../components/FieldErrors';
import { hoursText, parseHours, weekdays } from '../settings/slaPolicyForm';
import './msp.css';

const blank: MspProvider = {
  id: '',
  name: '',
  intakeEmail: '',
  delivery: 'eml',
  subjectTag: '[Ticket#{ref}]',
  portalUrl: '',
  phone: '',
  contract: {
    P1: { reactionHours: 1, resolutionHours: 8 },
    P2: { reactionHours: 4, resolutionHours: 16 },
    P3: { reactionHours: 8, resolutionHours: 40 },
    P4: { reactionHours: 16, resolutionHours: 80 },
  },
  supportHours: defaultSlaPolicy.week,
  timeZone: 'Europe/Berlin',
  notes: '',
};

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

/** Fields the form shows at their place; a problem elsewhere is said in the banner below. */
const shownFields = new Set(['name', 'intakeEmail', 'subjectTag', 'phone', 'portalUrl', 'supportHours', 'id']);

/** The MSP directory: providers with intake address, reply tag, contract times and support hours. */
export function ProviderDirectory() {
  const { t } = useTranslation();
  const client = useClient();
  const providers = useQuery('msp.providers.list', {}, (c) => c.entity === 'settings');
  const [draft, setDraft] = useState<MspProvider | null>(null);
  const [hours, setHours] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>(new Map());
  const form = useFocusFirstInvalid(fields);
  // A form opened is a form in view, with the focus in its first field.
  const open = draft !== null;
  useEffect(() => {
    if (!open) return;
    form.current?.scrollIntoView({ block: 'nearest' });
    form.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [open, form]);

  const edit = (provider: MspProvider) => {
    setDraft(provider);
    setHours(hoursText(provider.supportHours['1']));
    setError(null);
    setFields(new Map());
  };
  const save = async () => {
    if (!draft) return;
    const day = parseHours(hours);
    if (!day) {
      setError(null);
      return setFields(new Map([['supportHours', t('slaPolicy.hoursUnreadable', { day: t('msp.supportHours') })]]));
    }
    const week = Object.fromEntries(weekdays.map((d) => [d, Number(d) <= 5 ? day : []])) as MspProvider['supportHours'];
    try {
      // The short name is derived from the name (the user never types it); a name of other scripts gets one too.
      const id = draft.id || slug(draft.name) || (draft.name.trim() ? `anbieter-${Date.now().toString(36)}` : '');
      await client.call('msp.providers.save', { provider: { ...draft, id, supportHours: week } });
      setDraft(null);
    } catch (failure) {
      const byField = fieldErrorsOf(failure, ['provider']);
      // The derived short name only fails with the name: the name's own message says what to do.
      if (!draft.id) byField.delete('id');
      const other = [...byField.keys()].some((key) => !shownFields.has(key.split('.')[0]!));
      setFields(byField);
      setError(byField.size === 0 || other ? (failure instanceof ApiError ? failure.message : String(failure)) : null);
    }
  };

  return (
    <div className="providers" data-testid="providers">
      <ul className="provider-list">
        {(providers.data?.providers ?? []).map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong>{' '}
            <span className="muted">
              {p.intakeEmail} · {p.subjectTag}
            </span>
            <button type="button" className="quiet" onClick={() => edit(p)}>
              {t('checklists.edit')}
            </button>
          </li>
        ))}
      </ul>
      {draft ? (
        <div className="provider-form" ref={form}>
          <div className="form-grid">
            <label>
              {t('msp.name')}
              <input
                value={draft.name}
                {...invalidProps(fields, 'name', 'provider-name')}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              />
              <FieldError errors={fields} field="name" id="provider-name" />
            </label>
            <label>
              {t('msp.email')}
              <input
                value={draft.intakeEmail}
                {...invalidProps(fields, 'intakeEmail', 'provider-intakeEmail')}
                onChange={(e) => setDraft({ ...draft, intakeEmail: e.target.value })}
              />
              <FieldError errors={fields} field="intakeEmail" id="provider-intakeEmail" />
            </label>
            <label>
              {t('msp.delivery')}
              <select
                value={draft.delivery ?? 'eml'}
                onChange={(e) => setDraft({ ...draft, delivery: e.target.value as 'eml' | 'smtp' })}
                data-testid="provider-delivery"
              >
                <option value="eml">{t('msp.deliveryEml')}</option>
                <option value="smtp">{t('msp.deliverySmtp')}</option>
              </select>
            </label>
            <label>
              {t('msp.tag')}
              <input
                value={draft.subjectTag}
                {...invalidProps(fields, 'subjectTag', 'provider-subjectTag')}
                onChange={(e) => setDraft({ ...draft, subjectTag: e.target.value })}
              />
              <FieldError errors={fields} field="subjectTag" id="provider-subjectTag" />
            </label>
            <label>
              {t('msp.phone')}
              <input
                value={draft.phone}
                {...invalidProps(fields, 'phone', 'provider-phone')}
                onChange={(e) => setDraft({ ...draft, phone: e.target.value })}
              />
              <FieldError errors={fields} field="phone" id="provider-phone" />
            </label>
            <label>
              {t('msp.portal')}
              <input
                value={draft.portalUrl}
                {...invalidProps(fields, 'portalUrl', 'provider-portalUrl')}
                onChange={(e) => setDraft({ ...draft, portalUrl: e.target.value })}
              />
              <FieldError errors={fields} field="portalUrl" id="provider-portalUrl" />
            </label>
            <label>
              {t('msp.supportHours')}
              <input
                value={hours}
                {...invalidProps(fields, 'supportHours', 'provider-supportHours')}
                onChange={(e) => setHours(e.target.value)}
              />
              <FieldError errors={fields} field="supportHours" id="provider-supportHours" />
            </label>
          </div>
          <table className="sla-targets">
            <thead>
              <tr>
                <th />
                <th>{t('msp.reaction')}</th>
                <th>{t('msp.resolution')}</th>
              </tr>
            </thead>
            <tbody>
              {prioritySchema.options.map((priority) => (
                <tr key={priority}>
                  <th>{priority}</th>
                  {(['reactionHours', 'resolutionHours'] as const).map((field) => (
                    <td key={field}>
                      <input
                        type="number"
                        min={0.25}
                        step={0.25}
                        aria-label={`${priority} ${t(field === 'reactionHours' ? 'msp.reaction' : 'msp.resolution')}`}
                        value={draft.contract[priority][field]}
                        onChange={(e) =>
                          setDraft({
                            ...draft,
                            contract: {
                              ...draft.contract,
                              [priority]: { ...draft.contract[priority], [field]: Number(e.target.value) },
                            },
                          })
                        }
                      />{' '}
                      {t('slaPolicy.hours')}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <label>
            {t('msp.notes')}
            <textarea rows={2} value={draft.notes} onChange={(e) => setDraft({ ...draft, notes: e.target.value })} />
          </label>
          {error ? (
            <div className="banner error" role="alert" data-testid="provider-error">
              {error}
            </div>
          ) : null}
          <div className="row-actions">
            <button type="button" className="primary" onClick={() => void save()}>
              {t('common.save')}
            </button>
            <button type="button" className="quiet" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => edit(blank)}>
          + {t('msp.add')}
        </button>
      )}
    </div>
  );
}
