import type { BrowserWindow, BrowserWindowConstructorOptions, Shell, WebContents } from 'electron';

/** Only web pages and mail addresses leave the app, and only through the operating system. */
export function isAllowedExternal(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}

export function windowOptions(preloadFile: string, title: string): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title,
    show: false,
    backgroundColor: '#f7f7f5',
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  };
}

/** No navigation away from the app, no new windows; allowed external links open in the OS. */
export function lockDownNavigation(
  contents: WebContents,
  isAppUrl: (url: string) => boolean,
  shell: Pick<Shell, 'openExternal'>,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (isAllowedExternal(url)) void shell.openExternal(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The renderer's own pages: the built file, or the dev server while developing. */
export function appUrlMatcher(rendererUrl: string): (url: string) => boolean {
  const base = new URL(rendererUrl);
  return (url: string) => {
    try {
      const candidate = new URL(url);
      if (base.protocol === 'file:') return candidate.protocol === 'file:' && candidate.pathname === base.pathname;
      return candidate.origin === base.origin;
    } catch {
      return false;
    }
  };
}

export type WindowDeps = {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  shell: Pick<Shell, 'openExternal'>;
};

export function createMainWindow(
  deps: WindowDeps,
  preloadFile: string,
  rendererUrl: string,
  title: string,
): BrowserWindow {
  const window = new deps.BrowserWindow(windowOptions(preloadFile, title));
  lockDownNavigation(window.webContents, appUrlMatcher(rendererUrl), deps.shell);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererUrl);
  return window;
}
