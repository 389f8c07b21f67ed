import { useTranslation } from 'react-i18next';

type Column = { id: string; label: string; visible: boolean; toggle: () => void };

export function ColumnsMenu({ columns, onReset }: { columns: Column[]; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <details className="menu">
      <summary>{t('list.columns')}</summary>
      <div className="menu-panel">
        {columns.map((c) => (
          <label key={c.id} className="check">
            <input type="checkbox" checked={c.visible} onChange={c.toggle} /> {c.label}
          </label>
        ))}
        <button type="button" className="quiet" onClick={onReset}>
          {t('list.resetColumns')}
        </button>
      </div>
    </details>
  );
}
