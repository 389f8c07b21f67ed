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
import { createMainWindow } from '../../../src/main/electron/window';
import { appUrlMatcher } from '../../../src/main/electron/rendererUrl';

beforeEach(() => {
  vi.clearAllMocks();
  electron.handlers.clear();
});

describe('window', () => {
  it('creates the window with the locked-down options and loads the renderer', () => {
    const loadURL = vi.fn(async () => undefined);
    const BrowserWindow = vi.fn(function (this: Record<string, unknown>, options: unknown) {
      this.options = options;
      this.loadURL = loadURL;
      this.once = vi.fn();
    });
    const window = createMainWindow(
      { BrowserWindow: BrowserWindow as never, platform: 'linux' },
      '/p.js',
      'app://leitstand/index.html',
      'Leitstand',
    ) as unknown as { options: { webPreferences: { sandbox: boolean; spellcheck: boolean } } };
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, spellcheck: false });
    expect(loadURL).toHaveBeenCalledWith('app://leitstand/index.html');
  });
});

describe('IPC binding', () => {
  const dispatch = vi.fn(async () => ({ ok: true as const, json: '"done"' }));
  const call = (url: string, method: unknown, parent: unknown = null) => {
    bindIpc({
      ipcMain: electron.ipcMain,
      dispatch,
      isTrustedUrl: appUrlMatcher('app://leitstand/index.html'),
      language: () => 'de',
    });
    const handler = electron.handlers.get(INVOKE_CHANNEL)!;
    return handler({ senderFrame: { url, parent } } as unknown as IpcMainInvokeEvent, method, { id: 1 });
  };

  it('uses one channel and passes calls from the app window to the dispatcher', async () => {
    expect(await call('app://leitstand/index.html#/tickets/1', 'tickets.get')).toEqual({
      ok: true,
      value: 'done',
    });
    expect(dispatch).toHaveBeenCalledWith('tickets.get', { id: 1 }, 'de');
    expect([...electron.handlers.keys()]).toEqual([INVOKE_CHANNEL]);
  });

  it('refuses calls from any other frame', async () => {
    for (const url of ['https://evil.example/', 'file:///app/renderer/index.html', 'app://other/index.html', '']) {
      expect(await call(url, 'tickets.get')).toMatchObject({ ok: false, status: 403, error: { code: 'forbidden' } });
    }
    expect(await call('app://leitstand/index.html', 'tickets.get', { url: 'x' })).toMatchObject({
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
