import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { AppError } from '../../shared/errors';
import { errorMessage } from '../i18n';
import type { Language } from '../../shared/domain/enums';
import { createDispatcher } from '../dispatcher';
import { systemLanguage } from '../host/systemLanguage';
import { startWorkerStore } from '../app/client';
import { bindIpc } from '../transports/ipc';
import { PUSH_CHANNEL, type PushMessage, type ShellCommand } from '../transports/ipcChannels';
import { createMainWindow, guardEveryContents } from './window';
import { appOriginMatcher, appUrlMatcher, rendererLocation } from './rendererUrl';
import { registerAppScheme, serveAppScheme } from './appProtocol';
import { lockDownSession } from './permissions';
import { startUpdates, updateFeed } from './updates';
import { menuTemplate } from './menu';
import { keychainSecrets } from './secrets';
import { showMonitoringAlerts, showWarnings } from './notifications';
import { startHeartbeatListener } from '../host/heartbeatListener';
import { DESKTOP_HEARTBEAT_PORT } from '../../shared/domain/monitoring';
import { startBackground } from '../host/background';
import { reopener } from '../host/reopen';
import { APP_VERSION } from '../app/version';
import { threadJobRunner } from '../host/backups/jobThread';

// The dev server only in an unpackaged build; a packaged app always loads its own files.
const renderer = rendererLocation(app.isPackaged, process.env);
const isAppUrl = appUrlMatcher(renderer.url);
registerAppScheme(protocol);
guardEveryContents(app, isAppUrl, shell);

function broadcast(message: PushMessage): void {
  for (const window of BrowserWindow.getAllWindows()) window.webContents.send(PUSH_CHANNEL, message);
}

async function start(): Promise<void> {
  serveAppScheme(protocol, join(__dirname, '../renderer'));
  lockDownSession(session.defaultSession, appOriginMatcher(renderer.url), process.platform);
  const workerFile = join(__dirname, 'storeWorker.js');
  const dataDir = app.getPath('userData');
  const { client: store, reopen } = reopener(await startWorkerStore(workerFile, dataDir), dataDir, () =>
    startWorkerStore(workerFile, dataDir),
  );
  const background = startBackground(store, {
    dataDir,
    runJob: threadJobRunner(workerFile),
    appVersion: APP_VERSION,
    reopen,
    secrets: keychainSecrets(safeStorage, dataDir),
  });
  const dispatch = createDispatcher(background.client);
  const osLanguage: Language = app.getLocale().startsWith('de') ? 'de' : systemLanguage();
  let language: Language = osLanguage;
  const applySettings = async () => {
    const settings = await store.call('settings.get', {});
    language = settings.language === 'system' ? osLanguage : settings.language;
    const send = (command: ShellCommand) => broadcast({ type: 'command', command });
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(language, send, renderer.isDev)));
  };
  await applySettings();
  let timeZone = (await store.call('sla.policy.get', {})).timeZone;
  const openTicket = (id: number) => {
    const [window] = BrowserWindow.getAllWindows();
    window?.show();
    window?.focus();
    broadcast({ type: 'command', command: `ticket:${id}` });
  };
  store.onChange((change) => {
    broadcast({ type: 'change', change });
    if (change.entity === 'settings') {
      void applySettings();
      void store.call('sla.policy.get', {}).then((policy) => (timeZone = policy.timeZone));
    }
    if (change.entity === 'slaWarning') showWarnings(Notification, change.warnings, language, timeZone, openTicket);
    if (change.entity === 'monitoringAlert') showMonitoringAlerts(Notification, change.alerts, language, openTicket);
  });
  bindIpc({ ipcMain, dispatch, isTrustedUrl: isAppUrl, language: () => language });
  const heartbeats = await startHeartbeatListener(dispatch, () => language, DESKTOP_HEARTBEAT_PORT);
  const preload = join(__dirname, '../preload/index.js');
  createMainWindow({ BrowserWindow, platform: process.platform }, preload, renderer.url, 'Leitstand');
  store.startChecks();
  if (app.isPackaged) {
    const loadUpdater = async () => (await import('electron-updater')).autoUpdater;
    void startUpdates(updateFeed(process.env), loadUpdater, console.error);
  }
  powerMonitor.on('resume', () => void background.sla.checkNow());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0)
      createMainWindow({ BrowserWindow, platform: process.platform }, preload, renderer.url, 'Leitstand');
  });
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    // The backup on quit (when something changed) and a clean close come first; then the app really quits.
    quitting = true;
    event.preventDefault();
    void Promise.all([background.stop({ finalBackup: true }), heartbeats?.close()])
      .then(() => store.close())
      .finally(() => app.quit());
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // The store refused to open (e.g. a database from a newer version): say why, keep the file, quit.
      const language = app.getLocale().startsWith('de') ? 'de' : 'en';
      const message =
        error instanceof AppError ? errorMessage(language, error.messageKey, error.params) : String(error);
      console.error('[leitstand] could not start', error);
      dialog.showErrorBox('Leitstand', message);
      app.quit();
    });
}
