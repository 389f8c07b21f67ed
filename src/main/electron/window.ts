import type { App, BrowserWindow, BrowserWindowConstructorOptions, Shell, WebContents } from 'electron';
import { spellCheckAllowed } from './permissions';

/** Mail links may fill in the usual fields, never attach a file (`attach=` names a path on this machine). */
const MAILTO_KEYS = new Set(['to', 'cc', 'bcc', 'subject', 'body']);

/** Only web pages (https) and mail addresses leave the app, and only through the operating system. */
export function isAllowedExternal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:') return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  if (parsed.protocol !== 'mailto:') return false;
  return [...parsed.searchParams.keys()].every((key) => MAILTO_KEYS.has(key.toLowerCase()));
}

export function windowOptions(
  preloadFile: string,
  title: string,
  platform: NodeJS.Platform,
): BrowserWindowConstructorOptions {
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
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: spellCheckAllowed(platform),
    },
  };
}

type NavigationEvent = { preventDefault: () => void; url?: string };
type ContentsLike = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

/**
 * No navigation away from the app (a link, a redirect, a frame), no new windows, no webviews; allowed external
 * links open in the OS instead.
 */
export function lockDownContents(
  contents: ContentsLike,
  isAppUrl: (url: string) => boolean,
  shell: Pick<Shell, 'openExternal'>,
): void {
  const openOutside = (url: string) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
  };
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  const guard = (opensOutside: boolean) => (event: NavigationEvent, legacyUrl?: unknown) => {
    const url = event.url ?? (typeof legacyUrl === 'string' ? legacyUrl : '');
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (opensOutside) openOutside(url);
  };
  const on = contents.on.bind(contents) as (name: string, listener: (...args: never[]) => void) => void;
  on('will-navigate', guard(true));
  // A redirect or a subframe's navigation is never the user's click: refused, nothing opened.
  on('will-redirect', guard(false));
  on('will-frame-navigate', guard(false));
  on('will-attach-webview', (event: NavigationEvent) => event.preventDefault());
}

/** One hook for every web contents the app ever creates, so a future window gets the same lock-down. */
export function guardEveryContents(
  app: Pick<App, 'on'>,
  isAppUrl: (url: string) => boolean,
  shell: Pick<Shell, 'openExternal'>,
): void {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, isAppUrl, shell));
}

export type WindowDeps = {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  platform: NodeJS.Platform;
};

export function createMainWindow(
  deps: WindowDeps,
  preloadFile: string,
  rendererUrl: string,
  title: string,
): BrowserWindow {
  const window = new deps.BrowserWindow(windowOptions(preloadFile, title, deps.platform));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererUrl);
  return window;
}
