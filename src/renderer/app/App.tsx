import { useEffect } from 'react';
import { useMailDrop } from '../features/mail/MailImport';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/context';
import { useQuery } from '../api/useQuery';
import { BoardView } from '../features/board/BoardView';
import { LibraryView } from '../features/checklists/LibraryView';
import { ServiceRequestsView } from '../features/checklists/ServiceRequestsView';
import { IntakeView } from '../features/intake/IntakeView';
import { NextUpView } from '../features/next/NextUpView';
import { BackupBanner } from '../features/settings/BackupsPanel';
import { SettingsView } from '../features/settings/SettingsView';
import { TicketDetailView } from '../features/ticket/TicketDetailView';
import { isTyping } from '../features/ticket/useShortcut';
import { TicketListView } from '../features/tickets/TicketListView';
import { DirectoryView } from '../features/directory/DirectoryView';
import { KbView } from '../features/kb/KbView';
import { ArticlePage } from '../features/kb/ArticlePage';
import { ProblemsView } from '../features/problems/ProblemsView';
import { ProblemPage } from '../features/problems/ProblemPage';
import { useReportReminder } from '../features/reports/useReportReminder';
import { useActionReminders } from '../features/problems/useActionReminders';
import { DashboardView } from '../features/reports/DashboardView';
import { PersonPage, SystemPage } from '../features/directory/RecordPages';
import { applyLanguage } from '../i18n/setup';
import { useUi } from '../state/ui';
import { ShortcutHelp, Toasts, useSlaWarningToasts } from './Overlays';
import { Sidebar } from './Sidebar';
import { ExternalLinkGuard } from './ExternalLinkGuard';
import type { Health } from '../../shared/contract/system';
import { formatDateTime } from '../components/format';
import { CheckPage } from '../features/monitoring/CheckPage';
import { CockpitView } from '../features/monitoring/CockpitView';
import { MonitoringBand, useMonitoringAlerts } from '../features/monitoring/MonitoringBand';
import { focusMain, useDocumentTitle, useFocusOnViewChange } from './viewFocus';

function useGlobalShortcuts() {
  const client = useClient();
  const { navigate, focusSearch, toggleShortcuts, syncFromLocation, undoLast } = useUi();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        navigate({ name: 'new' });
      } else if (mod && event.key === '1') {
        event.preventDefault();
        navigate({ name: 'tickets' });
      } else if (mod && event.key === '2') {
        event.preventDefault();
        navigate({ name: 'board' });
      } else if (mod && event.key === '3') {
        event.preventDefault();
        navigate({ name: 'next' });
      } else if (mod && event.key === '4') {
        event.preventDefault();
        navigate({ name: 'checklists' });
      } else if (mod && event.key === '5') {
        event.preventDefault();
        navigate({ name: 'requests' });
      } else if (mod && event.key === '6') {
        event.preventDefault();
        navigate({ name: 'monitoring' });
      } else if (mod && event.key === '0') {
        event.preventDefault();
        navigate({ name: 'directory', tab: 'people' });
      } else if (mod && event.key === '7') {
        event.preventDefault();
        navigate({ name: 'kb' });
      } else if (mod && event.key === '8') {
        event.preventDefault();
        navigate({ name: 'problems' });
      } else if (mod && event.key === '9') {
        event.preventDefault();
        navigate({ name: 'reports' });
      } else if (mod && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        focusSearch();
      } else if (mod && !event.shiftKey && event.key.toLowerCase() === 'z' && !isTyping(event)) {
        // In a text field Ctrl+Z undoes typing; elsewhere it takes back the last status move.
        if (undoLast()) event.preventDefault();
      } else if (mod && event.key === ',') {
        event.preventDefault();
        navigate({ name: 'settings' });
      } else if (!mod && !event.altKey && !isTyping(event)) {
        if (event.key === '/') {
          event.preventDefault();
          focusSearch();
        } else if (event.key === '?') {
          toggleShortcuts();
        } else if (event.key === 'Escape') {
          toggleShortcuts(false);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('hashchange', syncFromLocation);
    const offCommand = client.onCommand((command) => {
      const ticket = /^ticket:(\d+)$/.exec(command);
      if (ticket) navigate({ name: 'ticket', id: Number(ticket[1]) });
      else if (command === 'newTicket') navigate({ name: 'new' });
      else if (command === 'board') navigate({ name: 'board' });
      else if (command === 'next') navigate({ name: 'next' });
      else if (command === 'checklists') navigate({ name: 'checklists' });
      else if (command === 'requests') navigate({ name: 'requests' });
      else if (command === 'tickets') navigate({ name: 'tickets' });
      else if (command === 'settings') navigate({ name: 'settings' });
      else focusSearch();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('hashchange', syncFromLocation);
      offCommand();
    };
  }, [client, navigate, focusSearch, toggleShortcuts, syncFromLocation, undoLast]);
}

/** A broken chain or a missing file stays on screen until mended: the desk's evidence is at stake. */
function EvidenceBanner({ evidence }: { evidence: Health['evidence'] | undefined }) {
  const { t } = useTranslation();
  if (!evidence || evidence.state !== 'broken') return null;
  const files = evidence.fileProblems;
  return (
    <div className="banner error" role="alert" data-testid="evidence-broken">
      {evidence.firstBroken ? (
        <p>
          {t('app.evidenceChain', {
            eventId: evidence.firstBroken.eventId,
            at: evidence.checkedAt ? formatDateTime(evidence.checkedAt) : '',
          })}
        </p>
      ) : null}
      {files.length ? (
        <p>
          {t('app.evidenceFiles', {
            count: files.length,
            files: files
              .slice(0, 5)
              .map((f) => f.file)
              .join(', '),
          })}
        </p>
      ) : null}
    </div>
  );
}

export function App() {
  const route = useUi((s) => s.route);
  // Mail files dropped on the window become tickets; on a ticket, a drop attaches files instead.
  const mailDrop = useMailDrop(route.name !== 'ticket');
  const navigate = useUi((s) => s.navigate);
  const settings = useQuery('settings.get', {}, (c) => c.entity === 'settings');
  const health = useQuery('system.health', {}, (c) => c.entity === 'system');
  const { t } = useTranslation();
  useGlobalShortcuts();
  useSlaWarningToasts();
  useActionReminders();
  useReportReminder();
  useMonitoringAlerts();
  useDocumentTitle(route);
  useFocusOnViewChange(route);
  useEffect(() => {
    if (settings.data) applyLanguage(settings.data.language);
  }, [settings.data]);
  if (!settings.data) return null;
  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // The address is the router's: jump without changing it.
          event.preventDefault();
          focusMain();
        }}
      >
        {t('a11y.skip')}
      </a>
      <Sidebar />
      <main className="content" id="main" tabIndex={-1} {...mailDrop.props}>
        {mailDrop.active ? (
          <div className="mail-drop" aria-hidden="true">
            {t('mail.import.dropHint')}
          </div>
        ) : null}
        {health.data?.status === 'damaged' ? (
          <div className="banner error" role="alert" data-testid="store-damaged">
            {t('app.damaged', { file: health.data.databaseFile })}
          </div>
        ) : null}
        <EvidenceBanner evidence={health.data?.evidence} />
        <MonitoringBand onOpen={() => navigate({ name: 'monitoring' })} />
        {route.name !== 'settings' ? <BackupBanner onOpen={() => navigate({ name: 'settings' })} /> : null}
        {route.name === 'new' ? <IntakeView /> : null}
        {route.name === 'tickets' ? <TicketListView /> : null}
        {route.name === 'board' ? <BoardView /> : null}
        {route.name === 'next' ? <NextUpView /> : null}
        {route.name === 'checklists' ? <LibraryView /> : null}
        {route.name === 'requests' ? <ServiceRequestsView /> : null}
        {route.name === 'ticket' ? <TicketDetailView key={route.id} id={route.id} /> : null}
        {route.name === 'settings' ? <SettingsView /> : null}
        {route.name === 'directory' ? <DirectoryView tab={route.tab} /> : null}
        {route.name === 'person' ? <PersonPage key={route.id} id={route.id} /> : null}
        {route.name === 'system' ? <SystemPage key={route.id} id={route.id} /> : null}
        {route.name === 'kb' ? <KbView /> : null}
        {route.name === 'problems' ? <ProblemsView /> : null}
        {route.name === 'problem' ? <ProblemPage key={route.id} id={route.id} /> : null}
        {route.name === 'problemNew' ? <ProblemPage key="new" id={null} /> : null}
        {route.name === 'reports' ? <DashboardView /> : null}
        {route.name === 'monitoring' ? <CockpitView /> : null}
        {route.name === 'check' ? <CheckPage key={route.id} id={route.id} /> : null}
        {route.name === 'article' ? <ArticlePage key={route.id} id={route.id} /> : null}
        {route.name === 'articleNew' ? (
          <ArticlePage key={`new-${route.fromTicket ?? ''}`} id={null} fromTicket={route.fromTicket ?? null} />
        ) : null}
      </main>
      <ShortcutHelp />
      <ExternalLinkGuard />
      <Toasts />
    </div>
  );
}
