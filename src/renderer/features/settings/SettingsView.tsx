import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultTriageRules } from '../../../shared/domain/triage';
import type { Settings } from '../../../shared/domain/settings';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { useUi } from '../../state/ui';
import { ProviderDirectory } from '../msp/ProviderEditor';
import { BackupsPanel } from './BackupsPanel';
import { MailSettingsPanel } from '../mail/MailSettingsPanel';
import { PrivacyPanel } from './PrivacyPanel';
import { SlaPolicyEditor } from './SlaPolicyEditor';
import { TemplatesEditor } from './TemplatesEditor';
import { TriageRulesEditor } from './TriageRulesEditor';

export function SettingsView() {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const settings = useQuery('settings.get', {}, (c) => c.entity === 'settings');
  const [draft, setDraft] = useState<Settings | null>(null);
  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);
  if (!draft) return null;

  const save = async (patch: Partial<Settings>) => {
    try {
      await client.call('settings.update', { patch });
      toast('info', t('settings.saved'));
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  const dirtyRules = JSON.stringify(draft.triage) !== JSON.stringify(settings.data?.triage);

  return (
    <div className="settings">
      <header className="view-header">
        <h1 tabIndex={-1}>{t('settings.heading')}</h1>
      </header>
      <section className="settings-section">
        <h3>{t('settings.general')}</h3>
        <div className="form-grid narrow">
          <label>
            {t('settings.language')}
            <select
              data-testid="language-select"
              value={draft.language}
              onChange={(e) => void save({ language: e.target.value as Settings['language'] })}
            >
              <option value="system">{t('settings.languageSystem')}</option>
              <option value="de">Deutsch</option>
              <option value="en">English</option>
            </select>
          </label>
          <label>
            {t('settings.coordinatorName')}
            <input
              value={draft.coordinatorName}
              maxLength={100}
              onChange={(e) => setDraft({ ...draft, coordinatorName: e.target.value })}
              onBlur={() =>
                draft.coordinatorName !== settings.data?.coordinatorName &&
                void save({ coordinatorName: draft.coordinatorName })
              }
            />
          </label>
          <label>
            {t('settings.coordinatorEmail')}
            <input
              type="email"
              value={draft.coordinatorEmail}
              maxLength={200}
              placeholder="it@firma.de"
              onChange={(e) => setDraft({ ...draft, coordinatorEmail: e.target.value })}
              onBlur={() =>
                draft.coordinatorEmail !== settings.data?.coordinatorEmail &&
                void save({ coordinatorEmail: draft.coordinatorEmail.trim() })
              }
            />
          </label>
          <label>
            {t('settings.attachmentMax')}
            <input
              type="number"
              min={1}
              max={100}
              value={Math.round(draft.attachmentMaxBytes / 1024 / 1024)}
              onChange={(e) =>
                setDraft({ ...draft, attachmentMaxBytes: Math.round(Number(e.target.value) * 1024 * 1024) })
              }
              onBlur={() =>
                draft.attachmentMaxBytes !== settings.data?.attachmentMaxBytes &&
                void save({ attachmentMaxBytes: draft.attachmentMaxBytes })
              }
            />
          </label>
        </div>
      </section>
      <section className="settings-section" id="problems">
        <h3>{t('problems.settings.heading')}</h3>
        <p className="hint">{t('problems.settings.hint')}</p>
        <div className="form-grid narrow">
          <label>
            {t('problems.settings.windowDays')}
            <input
              type="number"
              min={7}
              max={365}
              value={draft.problems.windowDays}
              onChange={(e) =>
                setDraft({ ...draft, problems: { ...draft.problems, windowDays: Number(e.target.value) } })
              }
              onBlur={() =>
                draft.problems.windowDays !== settings.data?.problems.windowDays &&
                void save({ problems: draft.problems })
              }
            />
          </label>
          <label>
            {t('problems.settings.minSize')}
            <input
              type="number"
              min={2}
              max={20}
              value={draft.problems.minSize}
              onChange={(e) => setDraft({ ...draft, problems: { ...draft.problems, minSize: Number(e.target.value) } })}
              onBlur={() =>
                draft.problems.minSize !== settings.data?.problems.minSize && void save({ problems: draft.problems })
              }
            />
          </label>
        </div>
      </section>
      <section className="settings-section" id="mail">
        <h3>{t('mail.settings.heading')}</h3>
        <p className="hint">{t('mail.settings.hint')}</p>
        <MailSettingsPanel />
      </section>
      <section className="settings-section" id="backups">
        <h3>{t('backups.heading')}</h3>
        <p className="hint">{t('backups.hint')}</p>
        <BackupsPanel />
      </section>
      <section className="settings-section" id="privacy">
        <h3>{t('privacy.heading')}</h3>
        <p className="hint">{t('privacy.hint')}</p>
        <PrivacyPanel />
      </section>
      <section className="settings-section">
        <h3>{t('slaPolicy.heading')}</h3>
        <p className="hint">{t('slaPolicy.hint')}</p>
        <SlaPolicyEditor />
      </section>
      <section className="settings-section">
        <h3>{t('msp.heading')}</h3>
        <ProviderDirectory />
      </section>
      <section className="settings-section">
        <h3>{t('settings.templates')}</h3>
        <TemplatesEditor />
      </section>
      <section className="settings-section">
        <h3>{t('settings.triage')}</h3>
        <p className="hint">{t('settings.triageHint')}</p>
        <TriageRulesEditor rules={draft.triage} onChange={(triage) => setDraft({ ...draft, triage })} />
        <div className="row-actions">
          <button
            type="button"
            className="primary"
            disabled={!dirtyRules}
            onClick={() => void save({ triage: draft.triage })}
          >
            {t('settings.saveRules')}
          </button>
          <button type="button" className="quiet" onClick={() => setDraft({ ...draft, triage: defaultTriageRules })}>
            {t('settings.restoreDefaults')}
          </button>
        </div>
      </section>
    </div>
  );
}
