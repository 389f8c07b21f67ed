/** The app's own pages are served from this privileged scheme, never from `file:` (whose host a URL can forge). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'leitstand';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export type RendererLocation = {
  url: string;
  /** Development build: the dev server is trusted and DevTools are offered. Never in a packaged app. */
  isDev: boolean;
};

const isLoopbackHttp = (value: string): boolean => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
};

/**
 * Where the window loads from. electron-vite's dev server (`ELECTRON_RENDERER_URL`) only counts in an unpackaged
 * build and only on loopback: a packaged app ignores the variable, so nobody can point it at another page.
 */
export function rendererLocation(isPackaged: boolean, env: Record<string, string | undefined>): RendererLocation {
  const devUrl = env.ELECTRON_RENDERER_URL;
  if (!isPackaged && devUrl !== undefined && isLoopbackHttp(devUrl)) return { url: devUrl, isDev: true };
  return { url: APP_ENTRY_URL, isDev: false };
}

/**
 * The renderer's own document: the same scheme, host and path (the hash is the router's). A dev server matches by
 * origin, since Vite serves modules from many paths.
 */
export function appUrlMatcher(rendererUrl: string): (url: string) => boolean {
  const base = new URL(rendererUrl);
  return (url: string) => {
    try {
      const candidate = new URL(url);
      if (base.protocol === 'http:') return candidate.origin === base.origin;
      return (
        candidate.protocol === base.protocol && candidate.host === base.host && candidate.pathname === base.pathname
      );
    } catch {
      return false;
    }
  };
}

/** The app's origin (scheme and host), for permission requests that name an origin rather than a page. */
export function appOriginMatcher(rendererUrl: string): (url: string) => boolean {
  const base = new URL(rendererUrl);
  return (url: string) => {
    try {
      const candidate = new URL(url);
      return candidate.protocol === base.protocol && candidate.host === base.host;
    } catch {
      return false;
    }
  };
}
