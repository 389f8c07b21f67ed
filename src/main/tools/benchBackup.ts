import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, startHost, stopHost } from './benchHost';
import { stats, type Stats } from './benchStats';

export type BackupResults = {
  /** The first start after the update converts the event chain (migration 011), once. */
  firstStartMs: number;
  plain: { runMs: number; sizeMb: number; verifyMs: number; restoreMs: number };
  encrypted: { runMs: number; sizeMb: number; verifyMs: number; restoreMs: number };
  /** Calls (reads and writes, from a second connection) answered while backups ran, and while verify/restore ran. */
  during: Stats & { over100ms: number };
  duringVerifyRestore: Stats & { over100ms: number };
};

type Summary = { id: string; sizeBytes: number; filesBytes: number; verification: { state: string } };

/**
 * Backups of the bench desk into a temporary folder: the time to back up, verify and restore, plain and
 * encrypted, and how long other calls waited meanwhile. Leaves automatic backups off on the bench desk, so the
 * other cases are not measured with a backup on every quit.
 */
export async function backupBench(dataDir: string): Promise<BackupResults> {
  const target = mkdtempSync(join(tmpdir(), 'leitstand-bench-backups-'));
  const started = performance.now();
  const host = await startHost(dataDir);
  const firstStartMs = performance.now() - started;
  const c = (method: string, input: unknown) => call(host, method, input);
  try {
    await c('backups.settings.update', { enabled: false, target, encryption: { enabled: false } });
    const latencies: number[] = [];
    const otherLatencies: number[] = [];
    const phase = { now: 'other' as 'backup' | 'other' };
    let running = true;
    // The first durable write after a start is start-up's (measured elsewhere), not the backup's.
    await c('tickets.addNote', { id: 1, kind: 'note', body: 'bench warm-up' });
    // Its own connection, as a second window would have: it must not queue behind the backup call.
    const probeAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    const p = (method: string, input: unknown) => call(host, method, input, probeAgent);
    const probe = (async () => {
      const list = (await p('tickets.list', { filter: { open: true }, limit: 50 })) as { items: { id: number }[] };
      const ids = list.items.map((t) => t.id);
      for (let i = 0; running; i += 1) {
        const id = ids[i % ids.length] ?? 1;
        const at = performance.now();
        if (i % 5 === 0) await p('tickets.addNote', { id, kind: 'note', body: `bench note ${i}` });
        else if (i % 2 === 0) await p('tickets.get', { id });
        else await p('tickets.list', { filter: { open: true }, limit: 50 });
        (phase.now === 'backup' ? latencies : otherLatencies).push(performance.now() - at);
      }
    })();
    const once = async (passphrase?: string) => {
      let at = performance.now();
      phase.now = 'backup';
      const made = (await c('backups.run', {})) as Summary;
      phase.now = 'other';
      const runMs = performance.now() - at;
      if (made.verification.state !== 'ok') throw new Error('bench backup not verified');
      at = performance.now();
      await c('backups.verify', { id: made.id, ...(passphrase ? { passphrase } : {}) });
      const verifyMs = performance.now() - at;
      const to = join(target, `restored-${made.id}`);
      at = performance.now();
      await c('backups.restore', { id: made.id, to, ...(passphrase ? { passphrase } : {}) });
      const restoreMs = performance.now() - at;
      // Removed after the probe: deleting 400 MB is the bench's doing, not the desk's.
      return { runMs, sizeMb: (made.sizeBytes + made.filesBytes) / 1024 / 1024, verifyMs, restoreMs };
    };
    const plain = await once();
    const passphrase = 'bench passphrase, long enough';
    await c('backups.settings.update', { encryption: { enabled: true, passphrase } });
    const encrypted = await once(passphrase);
    running = false;
    await probe;
    probeAgent.destroy();
    await c('backups.settings.update', { target: '', encryption: { enabled: false } });
    const over = (list: number[]) => ({ ...stats(list), over100ms: list.filter((l) => l > 100).length });
    return { firstStartMs, plain, encrypted, during: over(latencies), duringVerifyRestore: over(otherLatencies) };
  } finally {
    await stopHost(host);
    rmSync(target, { recursive: true, force: true });
  }
}

/** The bench desks quit often: no backup on every quit (the settings change goes through the API, logged). */
export async function switchOffAutomaticBackups(dataDir: string): Promise<void> {
  const host = await startHost(dataDir);
  try {
    await call(host, 'backups.settings.update', { enabled: false });
  } finally {
    await stopHost(host);
  }
}
