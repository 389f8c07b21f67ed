import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageSchema, type Language } from '../../../shared/domain/enums';
import {
  messageKindSchema,
  placeholders,
  type MessageKind,
  type MessageTemplates,
} from '../../../shared/domain/messages';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { EnumSelect } from '../../components/EnumSelect';
import { useUi } from '../../state/ui';

/** The status-message templates, one moment and language at a time. */
export function TemplatesEditor() {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const stored = useQuery('messages.templates.get', {}, (c) => c.entity === 'settings');
  const [draft, setDraft] = useState<MessageTemplates | null>(null);
  const [kind, setKind] = useState<MessageKind>('received');
  const [language, setLanguage] = useState<Language>('de');
  useEffect(() => {
    if (stored.data) setDraft(stored.data);
  }, [stored.data]);
  if (!draft) return null;
  const current = draft[language][kind];
  const edit = (field: 'subject' | 'body', value: string) =>
    setDraft({ ...draft, [language]: { ...draft[language], [kind]: { ...current, [field]: value } } });
  const save = async () => {
    try {
      await client.call('messages.templates.update', { templates: draft });
      toast('info', t('settings.saved'));
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <div className="templates" data-testid="templates-editor">
      <div className="row-actions">
        <EnumSelect
          visibleLabel
          label={t('message.moment')}
          value={kind}
          options={messageKindSchema.options}
          labelOf={(k) => t(`message.kind.${k}`)}
          onChange={(k) => k && setKind(k)}
        />
        <EnumSelect
          visibleLabel
          label={t('message.language')}
          value={language}
          options={languageSchema.options}
          labelOf={(l) => (l === 'de' ? 'Deutsch' : 'English')}
          onChange={(l) => l && setLanguage(l)}
        />
      </div>
      <label>
        {t('message.subject')}
        <input value={current.subject} maxLength={300} onChange={(e) => edit('subject', e.target.value)} />
      </label>
      <label>
        {t('message.body')}
        <textarea rows={7} value={current.body} onChange={(e) => edit('body', e.target.value)} />
      </label>
      <p className="hint">{t('settings.placeholders', { list: placeholders.map((p) => `{{${p}}}`).join(' ') })}</p>
      <div className="row-actions">
        <button
          type="button"
          className="primary"
          disabled={JSON.stringify(draft) === JSON.stringify(stored.data)}
          onClick={() => void save()}
        >
          {t('settings.saveTemplates')}
        </button>
      </div>
    </div>
  );
}
