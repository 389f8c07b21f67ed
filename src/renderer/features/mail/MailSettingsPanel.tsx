import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailAccount, MailSettings } from '../../../shared/domain/mail';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { formatDateTime } from '../../components/format';
import { useUi } from '../../state/ui';
import { MailAccountForm } from './MailAccountForm';
import './mail.css';

function HeldMails() {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const held = useQuery('mail.held.list', {}, (c) => c.entity === 'mail');
  const items = held.data?.items ?? [];
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <div className="mail-held" data-testid="mail-held">
      <h4>{t('mail.held.heading')}</h4>
      <p className="hint">{t('mail.held.hint')}</p>
      {items.length === 0 ? <p className="muted">{t('mail.held.empty')}</p> : null}
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item.id}>
            <strong>{item.fromAddress}</strong> · {item.subject}{' '}
            <span className="muted">{formatDateTime(item.receivedAt)}</span>{' '}
            <button
              type="button"
              onClick={() =>
                void act(async () => {
                  const result = await client.call('mail.held.release', { id: item.id });
                  toast('info', t('mail.held.released', { number: result.ticketNumber ?? '–' }));
                })
              }
            >
              {t('mail.held.release')}
            </button>{' '}
            <button
              type="button"
              className="quiet"
              onClick={() => void act(() => client.call('mail.held.discard', { id: item.id }))}
            >
              {t('mail.held.discard')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function MailRules() {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const settings = useQuery('mail.settings.get', {}, (c) => c.entity === 'settings');
  const [draft, setDraft] = useState<MailSettings | null>(null);
  useEffect(() => setDraft(settings.data ?? null), [settings.data]);
  if (!draft) return null;
  const save = async (next: MailSettings) => {
    if (JSON.stringify(next) === JSON.stringify(settings.data)) return;
    try {
      await client.call('mail.settings.update', { settings: next });
      toast('info', t('settings.saved'));
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  const field = (key: keyof MailSettings) => (
    <label>
      {t(`mail.settings.${key}`)}
      <input
        type="number"
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: Number(e.target.value) })}
        onBlur={() => void save(draft)}
        data-testid={`mail-rule-${key}`}
      />
    </label>
  );
  return (
    <>
      <h4>{t('mail.settings.rules')}</h4>
      <div className="form-grid narrow">
        {field('reopenDays')}
        {field('holdCount')}
        {field('holdMinutes')}
      </div>
    </>
  );
}

/** Settings → E-mail: the IT mailboxes (IMAP in, SMTP out), their state, the rules against loops, held mails. */
export function MailSettingsPanel() {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const accounts = useQuery('mail.accounts.list', {}, (c) => c.entity === 'mail');
  const [editing, setEditing] = useState<MailAccount | 'new' | null>(null);
  const [probe, setProbe] = useState<Record<number, string>>({});
  const fail = (error: unknown) => toast('error', error instanceof ApiError ? error.message : String(error));
  const list = accounts.data?.accounts ?? [];
  const test = async (account: MailAccount) => {
    try {
      const result = await client.call('mail.accounts.test', { id: account.id });
      const say = (r: { ok: boolean; message: string } | null) =>
        r === null ? t('mail.settings.notSet') : r.ok ? `${t('mail.settings.ok')} (${r.message})` : r.message;
      setProbe((p) => ({
        ...p,
        [account.id]: t('mail.settings.testResult', { imap: say(result.imap), smtp: say(result.smtp) }),
      }));
    } catch (error) {
      fail(error);
    }
  };
  const poll = async (account: MailAccount) => {
    try {
      const result = await client.call('mail.poll', { accountId: account.id });
      if (result.errors.length) toast('error', result.errors.join(' · '));
      else toast('info', t('mail.settings.polled', { count: result.taken }));
    } catch (error) {
      fail(error);
    }
  };
  const remove = async (account: MailAccount) => {
    if (!window.confirm(t('mail.settings.removeConfirm', { name: account.name }))) return;
    try {
      await client.call('mail.accounts.remove', { id: account.id });
    } catch (error) {
      fail(error);
    }
  };
  return (
    <div className="mail-accounts" data-testid="mail-settings">
      <h4>{t('mail.settings.accounts')}</h4>
      {list.length === 0 && editing === null ? <p className="muted">{t('mail.settings.none')}</p> : null}
      {list.length ? (
        <table>
          <tbody>
            {list.map((account) => (
              <tr key={account.id} data-testid={`mail-account-${account.id}`}>
                <td>
                  <strong>{account.name}</strong>
                  <div className="muted small">{account.address}</div>
                </td>
                <td className="small">
                  IMAP {account.imapHost}:{account.imapPort} · {account.folder}
                  <div className="muted">
                    {account.smtpHost ? `SMTP ${account.smtpHost}:${account.smtpPort}` : t('mail.settings.notSet')}
                  </div>
                </td>
                <td className="small">
                  {account.lastPollAt
                    ? t('mail.settings.lastPoll', { at: formatDateTime(account.lastPollAt) })
                    : t('mail.settings.never')}
                  {account.lastError ? <div className="error-text">{account.lastError}</div> : null}
                  {probe[account.id] ? <div data-testid="mail-probe">{probe[account.id]}</div> : null}
                </td>
                <td className="row-actions">
                  <button type="button" onClick={() => void test(account)} data-testid="mail-test">
                    {t('mail.settings.test')}
                  </button>
                  <button type="button" onClick={() => void poll(account)} data-testid="mail-poll">
                    {t('mail.settings.poll')}
                  </button>
                  <button type="button" className="quiet" onClick={() => setEditing(account)}>
                    {t('mail.settings.edit')}
                  </button>
                  <button type="button" className="quiet" onClick={() => void remove(account)}>
                    {t('mail.settings.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing ? (
        <MailAccountForm
          key={editing === 'new' ? 'new' : editing.id}
          account={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <button type="button" onClick={() => setEditing('new')} data-testid="mail-account-add">
          {t('mail.settings.add')}
        </button>
      )}
      <MailRules />
      <HeldMails />
    </div>
  );
}
