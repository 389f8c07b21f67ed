import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../shared/contract';
import { mailSecuritySchema, type MailAccount } from '../../../shared/domain/mail';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useUi } from '../../state/ui';

type Fields = MethodInput<'mail.accounts.save'>['account'];

const blank: Fields = {
  name: 'IT-Postfach',
  address: '',
  imapHost: '',
  imapPort: 993,
  imapSecurity: 'tls',
  username: '',
  folder: 'INBOX',
  processedFolder: 'Leitstand/Verarbeitet',
  smtpHost: null,
  smtpPort: 587,
  smtpSecurity: 'starttls',
  pollSeconds: 60,
  enabled: true,
  acknowledge: true,
};

const fieldsOf = (account: MailAccount): Fields => ({
  name: account.name,
  address: account.address,
  imapHost: account.imapHost,
  imapPort: account.imapPort,
  imapSecurity: account.imapSecurity,
  username: account.username,
  folder: account.folder,
  processedFolder: account.processedFolder,
  smtpHost: account.smtpHost,
  smtpPort: account.smtpPort,
  smtpSecurity: account.smtpSecurity,
  pollSeconds: account.pollSeconds,
  enabled: account.enabled,
  acknowledge: account.acknowledge,
});

/** One mailbox's settings; the password goes to the OS keychain and is never shown again. */
export function MailAccountForm({ account, onDone }: { account: MailAccount | null; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const [fields, setFields] = useState<Fields>(account ? fieldsOf(account) : blank);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const text = (key: 'name' | 'address' | 'imapHost' | 'username' | 'folder' | 'processedFolder', type = 'text') => (
    <label>
      {t(`mail.settings.${key}`)}
      <input
        type={type}
        value={fields[key] ?? ''}
        maxLength={253}
        onChange={(e) => set(key, e.target.value)}
        data-testid={`mail-${key}`}
      />
    </label>
  );
  const number = (key: 'imapPort' | 'smtpPort' | 'pollSeconds') => (
    <label>
      {t(`mail.settings.${key}`)}
      <input
        type="number"
        value={fields[key] ?? ''}
        onChange={(e) => set(key, Number(e.target.value))}
        data-testid={`mail-${key}`}
      />
    </label>
  );
  const security = (key: 'imapSecurity' | 'smtpSecurity') => (
    <label>
      {t(`mail.settings.${key}`)}
      <select
        value={fields[key]}
        onChange={(e) => set(key, e.target.value as Fields['imapSecurity'])}
        data-testid={`mail-${key}`}
      >
        {mailSecuritySchema.options.map((value) => (
          <option key={value} value={value}>
            {t(`mail.settings.security.${value}`)}
          </option>
        ))}
      </select>
    </label>
  );
  const save = async () => {
    try {
      await client.call('mail.accounts.save', {
        ...(account ? { id: account.id } : {}),
        account: { ...fields, smtpHost: fields.smtpHost?.trim() ? fields.smtpHost.trim() : null },
        ...(password ? { password } : {}),
      });
      toast('info', t('mail.settings.saved'));
      onDone();
    } catch (caught) {
      if (caught instanceof ApiError) setError(caught);
      else toast('error', String(caught));
    }
  };
  return (
    <form
      className="mail-account-form"
      data-testid="mail-account-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="form-grid">
        {text('name')}
        {text('address', 'email')}
        {text('imapHost')}
        {number('imapPort')}
        {security('imapSecurity')}
        {text('username')}
        <label>
          {account?.hasPassword ? t('mail.settings.passwordKept') : t('mail.settings.password')}
          <input
            type="password"
            autoComplete="new-password"
            value={password}
            maxLength={1000}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="mail-password"
          />
        </label>
        {text('folder')}
        {text('processedFolder')}
        <label>
          {t('mail.settings.smtpHost')}
          <input
            value={fields.smtpHost ?? ''}
            maxLength={253}
            onChange={(e) => set('smtpHost', e.target.value)}
            data-testid="mail-smtpHost"
          />
        </label>
        {number('smtpPort')}
        {security('smtpSecurity')}
        {number('pollSeconds')}
        <label className="check">
          <input type="checkbox" checked={fields.enabled} onChange={(e) => set('enabled', e.target.checked)} />
          {t('mail.settings.enabled')}
        </label>
        <label className="check">
          <input type="checkbox" checked={fields.acknowledge} onChange={(e) => set('acknowledge', e.target.checked)} />
          {t('mail.settings.acknowledge')}
        </label>
      </div>
      {error ? (
        <p className="banner error" role="alert" data-testid="mail-account-error">
          {error.message}
        </p>
      ) : null}
      <div className="row-actions">
        <button type="submit" className="primary" data-testid="mail-account-save">
          {t('mail.settings.save')}
        </button>
        <button type="button" className="quiet" onClick={onDone}>
          {t('mail.settings.cancel')}
        </button>
      </div>
    </form>
  );
}
