import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';

// Electron cannot be launched here; the shell's pieces are tested against a stand-in.
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  return {
    handlers,
    ipcMain: {
      handle: vi.fn((channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler)),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    },
    shell: { openExternal: vi.fn(async () => undefined) },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: 1 })), on: vi.fn(), removeListener: vi.fn() },
  };
});
vi.mock('electron', () => electron);

import { bindIpc } from '../../../src/main/transports/ipc';
import { INVOKE_CHANNEL, PUSH_CHANNEL } from '../../../src/main/transports/ipcChannels';
import { menuTemplate } from '../../../src/main/electron/menu';
import {
  appUrlMatcher,
  createMainWindow,
  isAllowedExternal,
  lockDownNavigation,
  windowOptions,
} from '../../../src/main/electron/window';

type Listener = (...args: unknown[]) => void;
function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    listeners,
    open: (url: string) => openHandler?.({ url }),
    setWindowOpenHandler: vi.fn((handler: typeof openHandler) => {
      openHandler = handler;
    }),
    on: vi.fn((name: string, listener: Listener) => listeners.set(name, listener)),
  };
}

beforeEach(() => {
  vi.clearAllMocks();
  electron.handlers.clear();
});

describe('window', () => {
  it('isolates the renderer: context isolation, sandbox, no Node', () => {
    const options = windowOptions('/app/preload.js', 'Leitstand');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect([options.width, options.height]).toEqual([1366, 768]);
  });

  it('denies every new window and opens only https and mailto links outside', () => {
    const contents = fakeWebContents();
    lockDownNavigation(contents as never, appUrlMatcher('file:///app/renderer/index.html'), electron.shell);
    expect(contents.open('https://example.org/kb')).toEqual({ action: 'deny' });
    expect(contents.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(contents.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://example.org/kb']]);
  });

  it('blocks navigation away from the app', () => {
    const contents = fakeWebContents();
    lockDownNavigation(contents as never, appUrlMatcher('file:///app/renderer/index.html'), electron.shell);
    const navigate = contents.listeners.get('will-navigate')!;
    const away = { preventDefault: vi.fn() };
    navigate(away, 'http://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const mail = { preventDefault: vi.fn() };
    navigate(mail, 'mailto:it@example.de');
    expect(mail.preventDefault).toHaveBeenCalled();
    expect(electron.shell.openExternal).toHaveBeenCalledWith('mailto:it@example.de');
    const own = { preventDefault: vi.fn() };
    navigate(own, 'file:///app/renderer/index.html#/tickets');
    expect(own.preventDefault).not.toHaveBeenCalled();
  });

  it('knows which external links are allowed', () => {
    expect(['https://a.de', 'mailto:x@y.de'].every(isAllowedExternal)).toBe(true);
    expect(['http://a.de', 'file:///c:/x', 'smb://server/share', 'not a url'].some(isAllowedExternal)).toBe(false);
  });

  it('creates the window with the locked-down options and loads the renderer', () => {
    const loadURL = vi.fn(async () => undefined);
    const contents = fakeWebContents();
    const BrowserWindow = vi.fn(function (this: Record<string, unknown>, options: unknown) {
      this.options = options;
      this.webContents = contents;
      this.loadURL = loadURL;
      this.once = vi.fn();
    });
    const window = createMainWindow(
      { BrowserWindow: BrowserWindow as never, shell: electron.shell },
      '/p.js',
      'file:///r/index.html',
      'Leitstand',
    ) as unknown as { options: { webPreferences: { sandbox: boolean } } };
    expect(window.options.webPreferences.sandbox).toBe(true);
    expect(loadURL).toHaveBeenCalledWith('file:///r/index.html');
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
  });
});

describe('IPC binding', () => {
  const dispatch = vi.fn(async () => ({ ok: true as const, json: '"done"' }));
  const call = (url: string, method: unknown, parent: unknown = null) => {
    bindIpc({
      ipcMain: electron.ipcMain,
      dispatch,
      isTrustedUrl: appUrlMatcher('file:///app/renderer/index.html'),
      language: () => 'de',
    });
    const handler = electron.handlers.get(INVOKE_CHANNEL)!;
    return handler({ senderFrame: { url, parent } } as unknown as IpcMainInvokeEvent, method, { id: 1 });
  };

  it('uses one channel and passes calls from the app window to the dispatcher', async () => {
    expect(await call('file:///app/renderer/index.html#/tickets/1', 'tickets.get')).toEqual({
      ok: true,
      value: 'done',
    });
    expect(dispatch).toHaveBeenCalledWith('tickets.get', { id: 1 }, 'de');
    expect([...electron.handlers.keys()]).toEqual([INVOKE_CHANNEL]);
  });

  it('refuses calls from any other frame', async () => {
    for (const url of ['https://evil.example/', 'file:///tmp/other.html', '']) {
      expect(await call(url, 'tickets.get')).toMatchObject({ ok: false, status: 403, error: { code: 'forbidden' } });
    }
    expect(await call('file:///app/renderer/index.html', 'tickets.get', { url: 'x' })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('preload', () => {
  it('exposes only invoke and subscribe', async () => {
    await import('../../../src/main/preload/index');
    const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [
      string,
      Record<string, (...a: unknown[]) => unknown>,
    ];
    expect(name).toBe('leitstand');
    expect(Object.keys(api).sort()).toEqual(['invoke', 'subscribe']);
    await api.invoke!('settings.get', {});
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'settings.get', {});
    const unsubscribe = api.subscribe!(() => {}) as () => void;
    expect(electron.ipcRenderer.on).toHaveBeenCalledWith(PUSH_CHANNEL, expect.any(Function));
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalled();
  });
});

describe('menu', () => {
  it('speaks German and English and sends commands', () => {
    const send = vi.fn();
    const de = menuTemplate('de', send, false);
    const en = menuTemplate('en', send, false);
    expect(de.map((item) => item.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Fenster']);
    expect(en.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window']);
    const newTicket = (de[0]!.submenu as { label?: string; accelerator?: string; click?: () => void }[])[0]!;
    expect(newTicket).toMatchObject({ label: 'Neue Meldung', accelerator: 'CmdOrCtrl+N' });
    newTicket.click!();
    expect(send).toHaveBeenCalledWith('newTicket');
    const view = JSON.stringify(menuTemplate('en', send, false)[2]);
    expect(view).not.toContain('toggleDevTools');
  });
});
