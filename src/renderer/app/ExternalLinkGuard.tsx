import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../components/Modal';

/**
 * Links in imported content (runbook markdown) show their target before anything opens: the text of a link can
 * say one thing and point to another. Opening goes through the shell, which lets only https and mailto out.
 */
export function ExternalLinkGuard() {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[data-external]');
      if (!(link instanceof HTMLAnchorElement)) return;
      event.preventDefault();
      setUrl(link.href);
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, []);
  if (!url) return null;
  return (
    <Modal
      title={t('a11y.external.title')}
      closeLabel={t('a11y.close')}
      onClose={() => setUrl(null)}
      className="external-dialog"
      testId="external-link"
    >
      <p>{t('a11y.external.body')}</p>
      <p className="mono external-url" data-testid="external-url">
        {url}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={() => setUrl(null)}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          data-autofocus
          onClick={() => {
            window.open(url, '_blank', 'noopener,noreferrer');
            setUrl(null);
          }}
        >
          {t('a11y.external.open')}
        </button>
      </div>
    </Modal>
  );
}
