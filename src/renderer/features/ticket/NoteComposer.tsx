import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteKind } from '../../../shared/domain/enums';
import { ApiError } from '../../api/client';
import { useClient } from '../../api/context';
import { Kbd } from '../../components/Badges';
import { useUi } from '../../state/ui';
import { useKeys } from './useShortcut';

/** Internal notes and replies to the requester; n and r jump here, Ctrl+Enter sends. */
export function NoteComposer({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const client = useClient();
  const toast = useUi((s) => s.toast);
  const [kind, setKind] = useState<NoteKind>('note');
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);

  useKeys({
    i: () => {
      setKind('note');
      area.current?.focus();
    },
    r: () => {
      setKind('reply');
      area.current?.focus();
    },
  });

  const send = async () => {
    if (!body.trim() || sending) return;
    setSending(true);
    try {
      await client.call('tickets.addNote', { id: ticketId, kind, body });
      setBody('');
      // Sent: hand the keys back to the ticket's shortcuts (status digits, n, r).
      area.current?.blur();
    } catch (error) {
      toast('error', error instanceof ApiError ? error.message : String(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <div className={`composer composer-${kind}`}>
      <div className="tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={kind === 'note'}
          className={kind === 'note' ? 'on' : ''}
          onClick={() => setKind('note')}
        >
          {t('detail.note')} <Kbd>i</Kbd>
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={kind === 'reply'}
          className={kind === 'reply' ? 'on' : ''}
          onClick={() => setKind('reply')}
        >
          {t('detail.reply')} <Kbd>r</Kbd>
        </button>
      </div>
      <textarea
        ref={area}
        rows={3}
        value={body}
        aria-label={kind === 'note' ? t('detail.note') : t('detail.reply')}
        placeholder={kind === 'note' ? t('detail.notePlaceholder') : t('detail.replyPlaceholder')}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
            e.preventDefault();
            void send();
          }
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
      />
      <div className="composer-actions">
        <button type="button" className="primary" disabled={!body.trim() || sending} onClick={() => void send()}>
          {kind === 'note' ? t('detail.addNote') : t('detail.addReply')} <Kbd>Ctrl+Enter</Kbd>
        </button>
      </div>
    </div>
  );
}
