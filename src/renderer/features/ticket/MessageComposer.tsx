import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageSchema, type Language } from '../../../shared/domain/enums';
import { messageKindSchema, type MessageKind } from '../../../shared/domain/messages';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { useQuery } from '../../api/useQuery';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { useUi } from '../../state/ui';
import { ArticleInsert } from '../kb/ArticleInsert';

/**
 * A status message to the requester from a template: pick the moment, see it filled in, edit it, then copy it
 * or open it as an e-mail. Either way the sent text is recorded as a reply (which stops the first-response clock).
 */
export function MessageComposer({
  ticketId,
  initialKind = 'received',
  onClose,
}: {
  ticketId: number;
  initialKind?: MessageKind;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const [kind, setKind] = useState<MessageKind>(initialKind);
  const [language, setLanguage] = useState<Language>(i18n.language === 'en' ? 'en' : 'de');
  const [needed, setNeeded] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [to, setTo] = useState('');
  // With a mailbox that sends (SMTP), the message leaves from here; mailto: stays for desks without one.
  const accounts = useQuery('mail.accounts.list', {}, (c) => c.entity === 'mail');
  const smtp = (accounts.data?.accounts ?? []).some((a) => a.enabled && a.smtpHost);
  // It opens where the eyes are: scrolled into view, the focus on the occasion.
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    section.current?.scrollIntoView({ block: 'nearest' });
    const inputs = section.current;
    (inputs?.querySelector<HTMLInputElement>('input[type="radio"]:checked') ?? inputs?.querySelector('input'))?.focus();
  }, []);
  // What is chosen, and for which choice the text in the fields was made: only a text made for the choice on
  // screen may be sent (a quick click after changing the occasion must not send the previous one).
  const chosen = JSON.stringify([kind, language, needed]);
  const [shownFor, setShownFor] = useState<string | null>(null);
  const ready = shownFor === chosen && body.trim() !== '';

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      client.call('messages.render', { id: ticketId, kind, language, needed }).then(
        (message) => {
          if (!current) return;
          setSubject(message.subject);
          setBody(message.body);
          setTo(message.to);
          setShownFor(JSON.stringify([kind, language, needed]));
        },
        (error: unknown) => current && toast('error', error instanceof ApiError ? error.message : String(error)),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, ticketId, kind, language, needed, toast]);

  const record = async () => {
    if (!ready) return;
    await client.call('tickets.addNote', { id: ticketId, kind: 'reply', body: `${subject}\n\n${body}` });
    toast('info', t('message.recorded'));
    onClose();
  };
  const copy = async () => {
    if (!ready) return;
    const text = `${subject}\n\n${body}`;
    // The clipboard may ask for permission and never answer (a browser tab): record first, copy alongside.
    const copied = navigator.clipboard?.writeText(text).then(
      () => true,
      () => false,
    );
    await record();
    const ok = await Promise.race([
      copied ?? Promise.resolve(false),
      new Promise<boolean>((r) => setTimeout(() => r(false), 1000)),
    ]);
    if (!ok) toast('error', t('message.copyFailed'));
  };
  const send = async () => {
    if (!ready || !to.trim()) return;
    try {
      // The reply note and the outgoing mail are written together by main: what is sent is what is shown.
      await client.call('mail.send', { ticketId, to: to.trim(), subject, body });
      toast('info', t('mail.queued', { to: to.trim() }));
      onClose();
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    }
  };
  const mail = async () => {
    if (!ready) return;
    const link = document.createElement('a');
    link.href = `mailto:${encodeURIComponent(to)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
    link.click();
    await record();
  };

  return (
    <section
      className="message-composer"
      data-testid="message-composer"
      ref={section}
      // Esc closes it from any of its controls, not only when the focus is outside.
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="message-head">
        <h3>{t('message.heading')}</h3>
        <div className="segmented" role="group" aria-label={t('message.language')}>
          {languageSchema.options.map((l) => (
            <button key={l} type="button" className={language === l ? 'on' : ''} onClick={() => setLanguage(l)}>
              {l.toUpperCase()}
            </button>
          ))}
        </div>
        <div className="spacer" />
        <button type="button" className="quiet" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
      <ChoiceGroup
        name="messageKind"
        legend={t('message.moment')}
        choices={messageKindSchema.options.map((value) => ({ value, label: t(`message.kind.${value}`) }))}
        value={kind}
        onChange={setKind}
      />
      {kind === 'waitingOnYou' ? (
        <label>
          {t('message.needed')}
          <input value={needed} maxLength={2000} onChange={(e) => setNeeded(e.target.value)} />
        </label>
      ) : null}
      <label>
        {t('message.subject')}
        <input
          value={subject}
          maxLength={300}
          onChange={(e) => setSubject(e.target.value)}
          data-testid="message-subject"
        />
      </label>
      <ArticleInsert
        ticketId={ticketId}
        language={language}
        // Offered once the template's text is on screen, so the inserted text is not replaced by it.
        disabled={shownFor !== chosen}
        onInsert={(text) => setBody((current) => `${current.trimEnd()}\n\n${text}\n`)}
      />
      <label>
        {t('message.body')}
        <textarea rows={8} value={body} onChange={(e) => setBody(e.target.value)} data-testid="message-body" />
      </label>
      <div className="row-actions">
        {smtp ? (
          <button
            type="button"
            className="primary"
            onClick={() => void send()}
            disabled={!ready || !to.trim()}
            aria-busy={!ready}
            data-testid="message-send"
          >
            {t('mail.send')}
          </button>
        ) : null}
        <button
          type="button"
          className={smtp ? '' : 'primary'}
          onClick={() => void mail()}
          disabled={!ready}
          aria-busy={!ready}
        >
          {t('message.openMail')}
        </button>
        <button type="button" onClick={() => void copy()} disabled={!ready} data-testid="message-copy">
          {t('message.copy')}
        </button>
        <span className="hint">{to ? t('message.to', { to }) : t('message.noEmail')}</span>
      </div>
    </section>
  );
}
