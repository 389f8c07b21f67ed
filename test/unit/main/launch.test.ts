import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platformDataDir } from '../../../src/main/host/dataDir';
import { tempDir } from '../../support/store';

const root = join(__dirname, '../../..');

describe('npm start without Electron', () => {
  it('uses the platform usual data directory', () => {
    expect(platformDataDir({ XDG_DATA_HOME: '/home/anna/.local/share' }, 'linux')).toBe(
      '/home/anna/.local/share/leitstand',
    );
    expect(platformDataDir({ APPDATA: 'C:\\Users\\Anna\\AppData\\Roaming' }, 'win32')).toContain('Leitstand');
    expect(platformDataDir({ LEITSTAND_DATA: '/srv/desk' }, 'linux')).toBe('/srv/desk');
  });

  it('starts the same app in the browser at once, prints its address and stops on SIGTERM', async () => {
    const { dir, remove } = tempDir();
    const child = spawn(process.execPath, [join(root, 'out/main/launch.js')], {
      env: { ...process.env, LEITSTAND_BROWSER: '1', LEITSTAND_NO_BROWSER: '1', LEITSTAND_DATA: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const address = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(output)), 15_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /(http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(`${match[1]}|${match[2]}`);
          }
        });
      });
      expect(output).toContain(dir);
      const [url, token] = address.split('|') as [string, string];
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const api = await fetch(`${url}/api`, { headers: { authorization: `Bearer ${token}` } });
      expect(api.status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      remove();
    }
  }, 30_000);
});
