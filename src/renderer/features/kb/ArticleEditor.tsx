import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { categorySchema, type Category, type Language } from '../../../shared/domain/enums';
import {
  kbAudienceSchema,
  kbKindSchema,
  kbStateSchema,
  slugify,
  type ArticleContent,
  type ArticleText,
} from '../../../shared/domain/kb';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { EnumSelect } from '../../components/EnumSelect';
import { renderMarkdown } from '../../components/markdown';
import { useUi } from '../../state/ui';

type Props = {
  id: number | null;
  version: number | null;
  initial: ArticleContent;
  onSaved: (id: number) => void;
  onCancel: () => void;
};

const blankText: ArticleText = { title: '', body: '', requesterText: '' };

/** The article form: both languages, filing, review date, a note for the history; the body with a preview. */
export function ArticleEditor({ id, version, initial, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const [content, setContent] = useState<ArticleContent>(initial);
  const [language, setLanguage] = useState<Language>(
    initial.texts[i18n.language === 'en' ? 'en' : 'de']
      ? i18n.language === 'en'
        ? 'en'
        : 'de'
      : initial.texts.de
        ? 'de'
        : 'en',
  );
  const [tags, setTags] = useState(initial.tags.join(', '));
  const [note, setNote] = useState('');
  const [slugTouched, setSlugTouched] = useState(id !== null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const text = content.texts[language] ?? blankText;

  const setText = (patch: Partial<ArticleText>) =>
    setContent((c) => {
      const next = { ...(c.texts[language] ?? blankText), ...patch };
      const slug = !slugTouched && patch.title !== undefined ? slugify(patch.title) : c.slug;
      return { ...c, slug, texts: { ...c.texts, [language]: next } };
    });
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const saved = await client.call('kb.articles.save', {
        ...(id !== null ? { id, expectedVersion: version ?? undefined } : {}),
        content: {
          ...content,
          tags: tags
            .split(',')
            .map((tag) => tag.trim())
            .filter(Boolean),
        },
        note,
      });
      toast('info', t('kb.saved', { version: saved.version }));
      onSaved(saved.id);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  const toggleCategory = (category: Category) =>
    setContent((c) => ({
      ...c,
      categories: c.categories.includes(category)
        ? c.categories.filter((x) => x !== category)
        : [...c.categories, category],
    }));

  return (
    <form
      className="kb-editor"
      data-testid="kb-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
          e.preventDefault();
          void save();
        }
      }}
    >
      <div className="kb-lang-tabs" role="tablist" aria-label={t('kb.language')}>
        {(['de', 'en'] as const).map((l) => (
          <button
            key={l}
            type="button"
            role="tab"
            aria-selected={language === l}
            className={language === l ? 'on' : ''}
            onClick={() => setLanguage(l)}
          >
            {t(`kb.lang.${l}`)}
            {content.texts[l] ? '' : ` (${t('kb.langMissing')})`}
          </button>
        ))}
        {content.texts[language] && content.texts.de && content.texts.en ? (
          <button
            type="button"
            className="quiet"
            onClick={() =>
              setContent((c) => {
                const texts = { ...c.texts };
                delete texts[language];
                return { ...c, texts };
              })
            }
          >
            {t('kb.removeLanguage')}
          </button>
        ) : null}
      </div>
      <label>
        {t('kb.field.title')}
        <input value={text.title} onChange={(e) => setText({ title: e.target.value })} data-testid="kb-title" />
      </label>
      <div className="kb-body-row">
        <label>
          {t('kb.field.body')}
          <textarea
            rows={16}
            value={text.body}
            onChange={(e) => setText({ body: e.target.value })}
            data-testid="kb-body"
          />
        </label>
        <div
          className="kb-preview markdown"
          aria-label={t('kb.preview')}
          dangerouslySetInnerHTML={{ __html: renderMarkdown(text.body) }}
        />
      </div>
      <label>
        {t('kb.field.requesterText')}
        <textarea rows={3} value={text.requesterText} onChange={(e) => setText({ requesterText: e.target.value })} />
      </label>
      <div className="kb-filing">
        <EnumSelect
          label={t('kb.field.kind')}
          visibleLabel
          value={content.kind}
          options={kbKindSchema.options}
          labelOf={(k) => t(`kb.kind.${k}`)}
          onChange={(kind) => kind && setContent({ ...content, kind })}
        />
        <EnumSelect
          label={t('kb.field.audience')}
          visibleLabel
          value={content.audience}
          options={kbAudienceSchema.options}
          labelOf={(a) => t(`kb.audience.${a}`)}
          onChange={(audience) => audience && setContent({ ...content, audience })}
        />
        <EnumSelect
          label={t('kb.field.state')}
          visibleLabel
          value={content.state}
          options={kbStateSchema.options}
          labelOf={(s) => t(`kb.state.${s}`)}
          onChange={(state) => state && setContent({ ...content, state })}
        />
        <label>
          {t('kb.field.reviewAt')}
          <input
            type="date"
            value={content.reviewAt ?? ''}
            onChange={(e) => setContent({ ...content, reviewAt: e.target.value || null })}
          />
        </label>
        <label>
          {t('kb.field.owner')}
          <input value={content.owner} onChange={(e) => setContent({ ...content, owner: e.target.value })} />
        </label>
        <label>
          {t('kb.field.slug')}
          <input
            value={content.slug}
            onChange={(e) => {
              setSlugTouched(true);
              setContent({ ...content, slug: e.target.value });
            }}
          />
        </label>
        <label>
          {t('kb.field.tags')}
          <input value={tags} onChange={(e) => setTags(e.target.value)} />
        </label>
        <label>
          {t('kb.field.note')}
          <input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('kb.notePlaceholder')} />
        </label>
      </div>
      <fieldset className="choices">
        <legend>{t('kb.field.categories')}</legend>
        <div className="choice-row">
          {categorySchema.options.map((category) => (
            <label key={category} className={content.categories.includes(category) ? 'choice selected' : 'choice'}>
              <input
                type="checkbox"
                checked={content.categories.includes(category)}
                onChange={() => toggleCategory(category)}
              />
              {t(`labels:category.${category}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {error ? (
        <p className="form-error" role="alert" data-testid="kb-error">
          {error}
        </p>
      ) : null}
      <div className="row-actions">
        <button type="submit" className="primary" disabled={saving} data-testid="kb-save">
          {t('kb.save')}
        </button>
        <button type="button" className="quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
