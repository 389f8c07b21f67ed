import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/domain/enums';
import type { ShellCommand } from '../transports/ipcChannels';

const labels = {
  de: {
    file: 'Datei',
    newTicket: 'Neue Meldung',
    tickets: 'Tickets',
    board: 'Tafel',
    next: 'Als Nächstes',
    checklists: 'Checklisten',
    requests: 'Service-Anfragen',
    search: 'Suchen',
    settings: 'Einstellungen',
    quit: 'Beenden',
    edit: 'Bearbeiten',
    view: 'Ansicht',
    window: 'Fenster',
    help: 'Hilfe',
  },
  en: {
    file: 'File',
    newTicket: 'New request',
    tickets: 'Tickets',
    board: 'Board',
    next: 'Next up',
    checklists: 'Checklists',
    requests: 'Service requests',
    search: 'Search',
    settings: 'Settings',
    quit: 'Quit',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
  },
} as const;

/** The application menu in the user's language; its items send commands to the renderer. */
export function menuTemplate(
  language: Language,
  send: (command: ShellCommand) => void,
  isDev: boolean,
): MenuItemConstructorOptions[] {
  const l = labels[language];
  return [
    {
      label: l.file,
      submenu: [
        { label: l.newTicket, accelerator: 'CmdOrCtrl+N', click: () => send('newTicket') },
        { label: l.tickets, accelerator: 'CmdOrCtrl+1', click: () => send('tickets') },
        { label: l.board, accelerator: 'CmdOrCtrl+2', click: () => send('board') },
        { label: l.next, accelerator: 'CmdOrCtrl+3', click: () => send('next') },
        { label: l.checklists, accelerator: 'CmdOrCtrl+4', click: () => send('checklists') },
        { label: l.requests, accelerator: 'CmdOrCtrl+5', click: () => send('requests') },
        { label: l.search, accelerator: 'CmdOrCtrl+K', click: () => send('search') },
        { label: l.settings, accelerator: 'CmdOrCtrl+,', click: () => send('settings') },
        { type: 'separator' },
        { label: l.quit, role: 'quit' },
      ],
    },
    {
      label: l.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: l.view,
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isDev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
      ],
    },
    { label: l.window, submenu: [{ role: 'minimize' }, { role: 'close' }] },
  ];
}
