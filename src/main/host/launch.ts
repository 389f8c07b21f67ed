import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { platformDataDir } from './dataDir';
import { runHost } from './runHost';

// `npm start`: runs the desktop app. Electron's binary comes from outside the npm registry; the electron
// package fetches it on first use (its install script is not run by `npm install`). Where it cannot be had, the
// same app starts in the browser at once, on the platform's usual data directory, so `npm start` always ends in a
// working desk.
const require_ = createRequire(__filename);
const root = join(__dirname, '../..');

function electronBinary(): string | null {
  if (process.env.LEITSTAND_BROWSER === '1') return null;
  try {
    const path = require_('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Opens the address in the default browser where there is one; quietly does nothing where there is none. */
function openBrowser(address: string): void {
  if (process.env.LEITSTAND_NO_BROWSER === '1') return;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '', address]]
      : process.platform === 'darwin'
        ? ['open', [address]]
        : ['xdg-open', [address]];
  const opener = spawn(command, args, { stdio: 'ignore', detached: true });
  opener.on('error', () => undefined);
  opener.unref();
}

const binary = electronBinary();
if (binary) {
  const child = spawn(binary, [root], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const dataDir = platformDataDir();
  console.log(
    [
      'Leitstand: the Electron runtime is not available on this machine (it is downloaded on first start, and its',
      'download server cannot be reached). The same app runs in your browser instead.',
      `Data directory: ${dataDir}`,
    ].join('\n'),
  );
  void runHost(dataDir, 0, __dirname, openBrowser);
}
