import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  isAllowedExternal,
  lockDownContents,
  guardEveryContents,
  windowOptions,
} from '../../../src/main/electron/window';
import {
  APP_ENTRY_URL,
  appOriginMatcher,
  appUrlMatcher,
  rendererLocation,
} from '../../../src/main/electron/rendererUrl';
import { registerAppScheme, resolveAppFile, serveAppScheme } from '../../../src/main/electron/appProtocol';
import { ALLOWED_PERMISSIONS, lockDownSession, type SessionLike } from '../../../src/main/electron/permissions';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/transports/csp';

// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), one test per item.

type Listener = (...args: unknown[]) => void;
function fakeContents() {
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
const appUrl = appUrlMatcher(APP_ENTRY_URL);

function lockedDown() {
  const contents = fakeContents();
  const shell = { openExternal: vi.fn(async () => undefined) };
  lockDownContents(contents as never, appUrl, shell);
  const fire = (name: string, url: string, legacy = false) => {
    const event = { preventDefault: vi.fn(), ...(legacy ? {} : { url }) };
    contents.listeners.get(name)!(event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { contents, shell, fire };
}

describe('checklist 2–6: isolation, sandbox, no Node, web security, no insecure content', () => {
  it('pins every security-relevant web preference', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const { webPreferences } = windowOptions('/app/preload.js', 'Leitstand', platform);
      expect(webPreferences).toEqual({
        preload: '/app/preload.js',
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
        spellcheck: platform === 'darwin',
      });
    }
  });
});

describe('checklist 7: content security policy', () => {
  it('forbids inline and remote code and objects', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('is in the built page as a meta tag, first in the head', () => {
    const html = readFileSync(join(__dirname, '../../../out/renderer/index.html'), 'utf8').replaceAll('&#39;', "'");
    const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
    expect(head).toMatch(/^<head>\s*<meta http-equiv="Content-Security-Policy"/);
    expect(head).toContain(`content="${CONTENT_SECURITY_POLICY}"`);
    // The page loads its code relative to itself, so it works under app://leitstand/ and the headless host alike.
    expect(html).not.toMatch(/(src|href)="\/(?!\/)/);
  });

  it('is sent as a header with every file of the app scheme', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leitstand-app-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    let handler: ((request: Request) => Promise<Response>) | undefined;
    serveAppScheme({ handle: (_scheme: string, h: never) => (handler = h) } as never, dir);
    const page = await handler!(new Request('app://leitstand/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await handler!(new Request('app://leitstand/missing.js'))).status).toBe(404);
    expect((await handler!(new Request('app://elsewhere/index.html'))).status).toBe(404);
  });
});

describe('checklist 18: a custom protocol instead of file://', () => {
  it('registers app: as a standard, secure scheme', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('serves only files inside the renderer folder, of known kinds, for its own host', () => {
    const root = '/opt/leitstand/renderer';
    expect(resolveAppFile(root, 'app://leitstand/index.html')).toBe(`${root}/index.html`);
    expect(resolveAppFile(root, 'app://leitstand/')).toBe(`${root}/index.html`);
    expect(resolveAppFile(root, 'app://leitstand/assets/index-1.js?x=1#y')).toBe(`${root}/assets/index-1.js`);
    // Dot segments either fold into the folder (the URL parser's job) or are refused; nothing outside is named.
    for (const escape of [
      'app://leitstand/../../etc/passwd.js',
      'app://leitstand/%2e%2e/%2e%2e/etc/passwd.js',
      'app://leitstand/assets/..%2F..%2F..%2Fsecret.js',
    ]) {
      const file = resolveAppFile(root, escape);
      expect(file === null || (file.startsWith(`${root}/`) && !file.includes('..')), escape).toBe(true);
    }
    for (const hostile of [
      'app://leitstand/..%5C..%5Csecret.js',
      'app://leitstand/x%00.js',
      'app://leitstand/%E0%A4%A.js',
      'app://leitstand/storeWorker.cjs',
      'app://leitstand/data.sqlite',
      'app://other/index.html',
      'file:///opt/leitstand/renderer/index.html',
      'not a url',
    ]) {
      expect(resolveAppFile(root, hostile), hostile).toBeNull();
    }
  });
});

describe('checklist 13–14: navigation and new windows', () => {
  it('knows its own page by scheme, host and path — not by path alone', () => {
    expect(appUrl('app://leitstand/index.html')).toBe(true);
    expect(appUrl('app://leitstand/index.html#/tickets/4')).toBe(true);
    for (const other of [
      'file:///index.html',
      'file://fileserver/index.html',
      'file://any-host/app/renderer/index.html',
      'app://leitstand.evil/index.html',
      'app://other/index.html',
      'app://leitstand/other.html',
      'https://leitstand/index.html',
      'http://localhost:5173/',
      '',
    ]) {
      expect(appUrl(other), other).toBe(false);
    }
  });

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s stays inside the app', (name) => {
    const { fire, shell } = lockedDown();
    expect(fire(name, 'app://leitstand/index.html#/board')).toBe(false);
    for (const away of ['http://evil.example/', 'file://share/x.html', 'app://other/index.html', 'data:text/html,x']) {
      expect(fire(name, away), away).toBe(true);
    }
    expect(fire(name, 'https://evil.example/', true)).toBe(true);
    // Only the user's own navigation (a link) may open outside; redirects and frames never do.
    expect(shell.openExternal).toHaveBeenCalledTimes(name === 'will-navigate' ? 1 : 0);
  });

  it('denies every new window and opens only allowed links in the OS', () => {
    const { contents, shell } = lockedDown();
    for (const url of ['https://example.org/kb', 'file:///etc/passwd', 'javascript:alert(1)', 'app://other/']) {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal.mock.calls).toEqual([['https://example.org/kb']]);
  });

  it('refuses every webview (checklist 12)', () => {
    const { fire } = lockedDown();
    expect(fire('will-attach-webview', 'app://leitstand/index.html')).toBe(true);
  });

  it('locks down every web contents the app creates, not only the main window', () => {
    const app = { on: vi.fn() };
    guardEveryContents(app as never, appUrl, { openExternal: vi.fn() });
    expect(app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
    const contents = fakeContents();
    (app.on.mock.calls[0]![1] as Listener)({}, contents);
    expect([...contents.listeners.keys()].sort()).toEqual([
      'will-attach-webview',
      'will-frame-navigate',
      'will-navigate',
      'will-redirect',
    ]);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
  });
});

describe('checklist 15: shell.openExternal with untrusted content', () => {
  it('allows https and plain mailto only', () => {
    for (const ok of [
      'https://a.de/kb?x=1',
      'mailto:it@example.de',
      'mailto:it@example.de?subject=Drucker&body=Hallo&cc=a@b.de',
      'mailto:it@example.de?SUBJECT=x',
    ]) {
      expect(isAllowedExternal(ok), ok).toBe(true);
    }
    for (const refused of [
      'http://a.de',
      'file:///c:/x',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'javascript:alert(1)',
      'https://user:pass@a.de/',
      'mailto:it@example.de?attach=/etc/passwd',
      'mailto:it@example.de?subject=x&Attachment=C:\\secret.docx',
      'mailto:it@example.de?x-unknown=1',
      'not a url',
    ]) {
      expect(isAllowedExternal(refused), refused).toBe(false);
    }
  });
});

describe('checklist 5: permission requests', () => {
  function session() {
    const calls: Record<string, Listener> = {};
    const fake = {
      setPermissionRequestHandler: vi.fn((h: Listener) => (calls.request = h)),
      setPermissionCheckHandler: vi.fn((h: Listener) => (calls.check = h)),
      setDevicePermissionHandler: vi.fn((h: Listener) => (calls.device = h)),
      setSpellCheckerEnabled: vi.fn(),
      setSpellCheckerDictionaryDownloadURL: vi.fn(),
    };
    return { fake, calls };
  }
  const origin = appOriginMatcher(APP_ENTRY_URL);

  it('grants only clipboard writing and notifications, only to the app', () => {
    const { fake, calls } = session();
    lockDownSession(fake as unknown as SessionLike, origin, 'linux');
    const request = (permission: string, requestingUrl: string) => {
      const callback = vi.fn();
      calls.request!({}, permission, callback, { requestingUrl });
      return callback.mock.calls[0]![0] as boolean;
    };
    expect([...ALLOWED_PERMISSIONS].sort()).toEqual(['clipboard-sanitized-write', 'notifications']);
    expect(request('clipboard-sanitized-write', 'app://leitstand/index.html')).toBe(true);
    expect(request('notifications', 'app://leitstand/index.html#/board')).toBe(true);
    for (const denied of ['media', 'geolocation', 'clipboard-read', 'midiSysex', 'openExternal', 'fullscreen', 'hid']) {
      expect(request(denied, 'app://leitstand/index.html'), denied).toBe(false);
    }
    expect(request('notifications', 'https://evil.example/')).toBe(false);
    expect(calls.check!({}, 'clipboard-sanitized-write', 'app://leitstand')).toBe(true);
    expect(calls.check!({}, 'media', 'app://leitstand')).toBe(false);
    expect(calls.check!({}, 'notifications', 'app://other')).toBe(false);
    expect(calls.device!({})).toBe(false);
  });

  it('keeps the spell checker offline: the OS checker on macOS, none elsewhere', () => {
    const linux = session();
    lockDownSession(linux.fake as unknown as SessionLike, origin, 'linux');
    expect(linux.fake.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    expect(linux.fake.setSpellCheckerDictionaryDownloadURL).toHaveBeenCalledWith(
      expect.stringMatching(/^http:\/\/127\.0\.0\.1[:/]/),
    );
    const mac = session();
    lockDownSession(mac.fake as unknown as SessionLike, origin, 'darwin');
    expect(mac.fake.setSpellCheckerEnabled).not.toHaveBeenCalled();
  });
});

describe('dev-only paths', () => {
  it('honours ELECTRON_RENDERER_URL only in an unpackaged build, only on loopback', () => {
    const dev = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
    expect(rendererLocation(false, dev)).toEqual({ url: 'http://localhost:5173/', isDev: true });
    expect(rendererLocation(true, dev)).toEqual({ url: APP_ENTRY_URL, isDev: false });
    expect(rendererLocation(false, {})).toEqual({ url: APP_ENTRY_URL, isDev: false });
    for (const hostile of ['https://evil.example/', 'http://10.0.0.5:5173/', 'file:///tmp/x.html', 'nonsense']) {
      expect(rendererLocation(false, { ELECTRON_RENDERER_URL: hostile }), hostile).toEqual({
        url: APP_ENTRY_URL,
        isDev: false,
      });
    }
  });
});
