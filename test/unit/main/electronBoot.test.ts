import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The shell's entry point, started against a stand-in Electron: what it registers, loads and trusts.
const electron = vi.hoisted(() => {
  const order: string[] = [];
  const appHandlers = new Map<string, (...args: unknown[]) => void>();
  const windows: { url?: string; options?: unknown }[] = [];
  let resolveReady: () => void = () => {};
  const state = { isPackaged: true };
  const BrowserWindow = vi.fn(function (this: Record<string, unknown>, options: unknown) {
    const record: { url?: string; options?: unknown } = { options };
    windows.push(record);
    this.once = vi.fn();
    this.loadURL = vi.fn(async (url: string) => {
      record.url = url;
    });
    this.webContents = { send: vi.fn() };
  });
  Object.assign(BrowserWindow, { getAllWindows: () => [] });
  return {
    order,
    appHandlers,
    windows,
    state,
    ready: () => resolveReady(),
    module: {
      app: {
        get isPackaged() {
          return state.isPackaged;
        },
        getPath: () => '/tmp/leitstand-boot',
        getLocale: () => 'de-DE',
        requestSingleInstanceLock: () => true,
        quit: vi.fn(),
        on: vi.fn((name: string, handler: (...args: unknown[]) => void) => {
          order.push(`app.on:${name}`);
          appHandlers.set(name, handler);
        }),
        whenReady: () =>
          new Promise<void>((resolve) => {
            resolveReady = () => {
              order.push('ready');
              resolve();
            };
          }),
      },
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemesAsPrivileged')),
        handle: vi.fn(() => order.push('protocol.handle')),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(() => order.push('permissions')),
          setPermissionCheckHandler: vi.fn(),
          setDevicePermissionHandler: vi.fn(),
          setSpellCheckerEnabled: vi.fn(),
          setSpellCheckerDictionaryDownloadURL: vi.fn(),
        },
      },
      BrowserWindow,
      Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => template) },
      ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
      shell: { openExternal: vi.fn() },
      dialog: { showErrorBox: vi.fn() },
      Notification: vi.fn(),
      powerMonitor: { on: vi.fn() },
      safeStorage: {
        isEncryptionAvailable: () => true,
        getSelectedStorageBackend: () => 'gnome_libsecret',
        encryptString: (plain: string) => Buffer.from(`sealed:${Buffer.from(plain).toString('hex')}`),
        decryptString: (sealed: Buffer) => Buffer.from(sealed.toString().slice(7), 'hex').toString(),
      },
    },
  };
});
vi.mock('electron', () => electron.module);
vi.mock('../../../src/main/app/client', () => ({
  startWorkerStore: vi.fn(async () => ({
    call: vi.fn(async (method: string) =>
      method === 'settings.get' ? { language: 'de' } : { timeZone: 'Europe/Berlin' },
    ),
    onChange: vi.fn(),
    startChecks: vi.fn(),
    close: vi.fn(async () => undefined),
  })),
}));
// The monitoring's runner and the heartbeat port are main's, tested on their own; here only their wiring.
vi.mock('../../../src/main/host/monitoring/service', () => ({
  monitoringHost: vi.fn(() => ({
    handlers: { 'monitoring.checks.runNow': vi.fn() },
    start: vi.fn(),
    stop: vi.fn(async () => undefined),
  })),
}));
// The mail service is tested against real servers on its own; here: it gets the keychain's secrets.
vi.mock('../../../src/main/host/mail/service', () => ({
  mailHost: vi.fn(() => ({ handlers: {}, start: vi.fn(), stop: vi.fn(async () => undefined), sendDue: vi.fn() })),
}));
const heartbeat = vi.hoisted(() => ({ close: vi.fn(async () => undefined) }));
vi.mock('../../../src/main/host/heartbeatListener', () => ({
  startHeartbeatListener: vi.fn(async () => ({ port: 48_500, close: heartbeat.close })),
}));
vi.mock('../../../src/main/host/slaWatch', () => ({
  startSlaWatch: vi.fn(() => ({ stop: vi.fn(), checkNow: vi.fn() })),
}));

async function boot(isPackaged: boolean, rendererUrl?: string) {
  electron.state.isPackaged = isPackaged;
  if (rendererUrl) process.env.ELECTRON_RENDERER_URL = rendererUrl;
  await import('../../../src/main/electron/index');
  electron.ready();
  await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
  await vi.waitFor(() => expect(electron.windows[0]!.url).toBeDefined());
  return electron.windows[0]!;
}

beforeEach(() => {
  vi.resetModules();
  electron.order.length = 0;
  electron.windows.length = 0;
});
afterEach(() => {
  delete process.env.ELECTRON_RENDERER_URL;
});

describe('shell start-up', () => {
  it('keeps mailbox passwords sealed by the OS keychain, in a file of their own', async () => {
    await boot(true);
    const { mailHost } = await import('../../../src/main/host/mail/service');
    const secrets = vi.mocked(mailHost).mock.calls.at(-1)?.[1].secrets;
    expect(secrets?.durable).toBe(true);
  });

  it('registers the app scheme and the contents guard before ready, then serves and locks the session', async () => {
    const window = await boot(true);
    const order = electron.order;
    expect(order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(order.indexOf('ready'));
    expect(order.indexOf('app.on:web-contents-created')).toBeLessThan(order.indexOf('ready'));
    expect(order.indexOf('protocol.handle')).toBeGreaterThan(order.indexOf('ready'));
    expect(order.indexOf('permissions')).toBeGreaterThan(order.indexOf('ready'));
    expect(window.url).toBe('app://leitstand/index.html');
  });

  it('takes heartbeats of the monitoring on its loopback port', async () => {
    await boot(true);
    const { startHeartbeatListener } = await import('../../../src/main/host/heartbeatListener');
    expect(startHeartbeatListener).toHaveBeenCalledWith(expect.any(Function), expect.any(Function), 48_500);
  });

  it('a packaged app ignores ELECTRON_RENDERER_URL and offers no DevTools', async () => {
    const window = await boot(true, 'http://localhost:5173/');
    expect(window.url).toBe('app://leitstand/index.html');
    const menu = JSON.stringify(electron.module.Menu.buildFromTemplate.mock.calls.at(-1));
    expect(menu).not.toContain('toggleDevTools');
  });

  it('a development build loads the dev server and offers DevTools', async () => {
    const window = await boot(false, 'http://localhost:5173/');
    expect(window.url).toBe('http://localhost:5173/');
    expect(JSON.stringify(electron.module.Menu.buildFromTemplate.mock.calls.at(-1))).toContain('toggleDevTools');
  });
});
