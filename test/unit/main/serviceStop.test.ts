import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWorkerStore } from '../../../src/main/app/client';
import { tempDir } from '../../support/store';

const root = join(__dirname, '../../..');
const workerFile = join(root, 'out/main/storeWorker.js');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** Processes whose command line names the data directory (Linux /proc; this is where CI runs). */
function processesUsing(dir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('stopping the documented command', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'a %s sent to `npm run serve` stops the host: nothing keeps running or holds the data directory',
    async (signal) => {
      const { dir, remove } = tempDir();
      cleanups.push(remove);
      const npm = spawn('npm', ['run', 'serve', '--ignore-scripts', '--silent', '--', '--data', dir], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      cleanups.push(() => processesUsing(dir).forEach((pid) => process.kill(pid, 'SIGKILL')));
      let output = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 15_000);
        npm.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('listening on')) {
            clearTimeout(timer);
            resolve();
          }
        });
        npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      });
      expect(processesUsing(dir).length).toBeGreaterThan(0);
      const exited = new Promise((resolve) => npm.once('exit', resolve));
      npm.kill(signal);
      await exited;
      for (let i = 0; i < 100 && processesUsing(dir).length > 0; i += 1) await new Promise((r) => setTimeout(r, 50));
      expect(processesUsing(dir)).toEqual([]);
      // The lock is free: a new host takes the directory at once.
      const next = await startWorkerStore(workerFile, dir);
      await next.close();
    },
    30_000,
  );
});
