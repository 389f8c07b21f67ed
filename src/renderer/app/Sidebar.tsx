import { useTranslation } from 'react-i18next';
import { Kbd } from '../components/Badges';
import { useUi } from '../state/ui';

export function Sidebar() {
  const { t } = useTranslation();
  const { route, navigate, toggleShortcuts } = useUi();
  const item = (
    name:
      | 'new'
      | 'tickets'
      | 'board'
      | 'next'
      | 'checklists'
      | 'requests'
      | 'settings'
      | 'directory'
      | 'kb'
      | 'problems'
      | 'reports'
      | 'monitoring',
    label: string,
    keys: string,
  ) => (
    <button
      type="button"
      className={`nav-item ${
        route.name === name ||
        (name === 'tickets' && route.name === 'ticket') ||
        (name === 'directory' && (route.name === 'person' || route.name === 'system')) ||
        (name === 'kb' && (route.name === 'article' || route.name === 'articleNew')) ||
        (name === 'problems' && (route.name === 'problem' || route.name === 'problemNew')) ||
        (name === 'monitoring' && route.name === 'check')
          ? 'on'
          : ''
      }`}
      onClick={() => navigate(name === 'directory' ? { name, tab: 'people' } : { name })}
    >
      <span>{label}</span>
      <Kbd>{keys}</Kbd>
    </button>
  );
  return (
    <nav className="sidebar" aria-label={t('nav.main')}>
      <div className="brand">Leitstand</div>
      {item('new', t('nav.new'), 'Ctrl+N')}
      {item('next', t('nav.next'), 'Ctrl+3')}
      {item('board', t('nav.board'), 'Ctrl+2')}
      {item('tickets', t('nav.tickets'), 'Ctrl+1')}
      {item('checklists', t('nav.checklists'), 'Ctrl+4')}
      {item('requests', t('nav.requests'), 'Ctrl+5')}
      {item('monitoring', t('nav.monitoring'), 'Ctrl+6')}
      {item('directory', t('nav.directory'), 'Ctrl+0')}
      {item('kb', t('nav.kb'), 'Ctrl+7')}
      {item('problems', t('nav.problems'), 'Ctrl+8')}
      {item('reports', t('nav.reports'), 'Ctrl+9')}
      {item('settings', t('nav.settings'), 'Ctrl+,')}
      <div className="spacer" />
      <button type="button" className="nav-item quiet" onClick={() => toggleShortcuts()}>
        <span>{t('nav.shortcuts')}</span>
        <Kbd>?</Kbd>
      </button>
    </nav>
  );
}
