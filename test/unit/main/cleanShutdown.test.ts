import { appendFileSync, existsSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ticketCreateInput } from '../../../src/shared/contract/tickets';
import { createEngine } from '../../../src/main/app/engine';
import { startWorkerStore } from '../../../src/main/app/client';
import { cleanMarkerFile } from '../../../src/main/store/cleanShutdown';
import { databaseFile } from '../../../src/main/store/database';
import { outlookTicket, tempDir } from '../../support/store';

const workerFile = join(__dirname, '../../../out/main/storeWorker.js');
const dirs: (() => void)[] = [];
afterEach(() => dirs.splice(0).forEach((remove) => remove()));
const fresh = () => {
  const t = tempDir();
  dirs.push(t.remove);
  return t.dir;
};

/** A session that writes a ticket; `verified` when its full integrity check has passed before it closes. */
function session(dir: string, { verified }: { verified: boolean }) {
  const engine = createEngine({ dataDir: dir, deferQuickCheck: true });
  engine.applyCheck('quick', []);
  engine.executeSync('tickets.create', ticketCreateInput.parse(outlookTicket));
  if (verified) engine.applyCheck('full', []);
  engine.close();
}
const start = (dir: string) => {
  const engine = createEngine({ dataDir: dir, deferQuickCheck: true });
  const result = { cleanStart: engine.cleanStart, held: engine.writesHeld() };
  engine.close();
  return result;
};

describe('clean-shutdown marker', () => {
  it('after a verified session closed cleanly, the next start writes at once; the marker vouches once only', () => {
    const dir = fresh();
    session(dir, { verified: true });
    expect(existsSync(cleanMarkerFile(databaseFile(dir)))).toBe(true);
    expect(start(dir)).toEqual({ cleanStart: true, held: false });
    // Taken at that start: the session after it was never verified, so the next start checks first.
    expect(existsSync(cleanMarkerFile(databaseFile(dir)))).toBe(false);
    expect(start(dir)).toEqual({ cleanStart: false, held: true });
  });

  it('a session whose full check had not passed leaves no marker', () => {
    const dir = fresh();
    session(dir, { verified: false });
    expect(existsSync(cleanMarkerFile(databaseFile(dir)))).toBe(false);
    expect(start(dir)).toEqual({ cleanStart: false, held: true });
  });

  it.each([
    ['the file grew', (file: string) => appendFileSync(file, Buffer.alloc(4096))],
    ['the file was touched', (file: string) => utimesSync(file, new Date(), new Date(Date.now() + 5000))],
    ['a WAL with content lies beside it', (file: string) => writeFileSync(`${file}-wal`, Buffer.alloc(32))],
    ['the marker is not ours', (file: string) => writeFileSync(cleanMarkerFile(file), '{"size": "big"}')],
    ['the marker is gone', (file: string) => rmSync(cleanMarkerFile(file))],
  ])('is not trusted when %s: the quick check runs before the first write', (_, tamper) => {
    const dir = fresh();
    session(dir, { verified: true });
    tamper(databaseFile(dir));
    let result: ReturnType<typeof start> | null = null;
    try {
      result = start(dir);
    } catch {
      // A file grown by garbage may not open at all; then it is certainly not trusted either.
    }
    if (result) expect(result).toEqual({ cleanStart: false, held: true });
    expect(existsSync(cleanMarkerFile(databaseFile(dir)))).toBe(false);
  });

  it('a start that checks anyway (tools, tests) still takes the marker, so it cannot vouch for a later session', () => {
    const dir = fresh();
    session(dir, { verified: true });
    createEngine({ dataDir: dir }).close();
    expect(existsSync(cleanMarkerFile(databaseFile(dir)))).toBe(false);
  });

  it('in the worker: the first write after a clean start is not held; the full check still runs and passes', async () => {
    const dir = fresh();
    const first = await startWorkerStore(workerFile, dir);
    first.startChecks();
    for (let i = 0; i < 200 && (await first.call('system.health', {})).status !== 'ok'; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await first.close();
    const second = await startWorkerStore(workerFile, dir);
    try {
      // Checks not even started: a held write would never answer.
      const ticket = await second.call('tickets.create', ticketCreateInput.parse(outlookTicket));
      expect(ticket.number).toMatch(/-0001$/);
      expect((await second.call('system.health', {})).status).toBe('checking');
      second.startChecks();
      for (let i = 0; i < 200 && (await second.call('system.health', {})).status !== 'ok'; i += 1)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect((await second.call('system.health', {})).status).toBe('ok');
    } finally {
      await second.close();
    }
  });
});
