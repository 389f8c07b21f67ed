import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import { createDispatcher } from '../../src/main/dispatcher';
import type { StoreClient } from '../../src/main/app/client';
import { startInProcessStore } from '../../src/main/app/inProcessStore';
import { exportService } from '../../src/main/host/exports/service';
import { monitoringHost } from '../../src/main/host/monitoring/service';
import { mailHost } from '../../src/main/host/mail/service';
import { memorySecrets, type SecretStore } from '../../src/main/host/mail/secrets';
import { withHostMethods } from '../../src/main/app/hostRouting';
import { backupService } from '../../src/main/host/backups/service';
import { inProcessJobRunner } from '../../src/main/host/backups/jobThread';

export function tempDir(prefix = 'leitstand-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fixed, advancing clock: every call is one second later. */
export function steppingClock(start = '2026-11-23T07:15:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
}

/** A clock the test moves by hand; starts Monday 23 Nov 2026, 09:00 in Berlin. */
export function handClock(start = '2026-11-23T08:00:00Z') {
  let now = Date.parse(start);
  return { now: () => new Date(now), set: (iso: string) => (now = Date.parse(iso)) };
}

export function testStore(now = steppingClock(), options: { secrets?: SecretStore } = {}) {
  const { dir, remove } = tempDir();
  const inner: StoreClient = startInProcessStore({ dataDir: dir, now });
  // Backups of a test desk stay inside its folder (removed with it); jobs run in this thread.
  const backups = backupService({
    store: inner,
    dataDir: dir,
    runJob: inProcessJobRunner(),
    appVersion: 'test',
    defaultRoot: join(dir, 'backups'),
    now,
  });
  // Mailboxes are read only when a test polls (not started): passwords in memory.
  const mail = mailHost(inner, { secrets: options.secrets ?? memorySecrets() });
  const store = withHostMethods(inner, {
    ...backups.handlers,
    ...exportService({ dataDir: dir, now }).handlers,
    ...monitoringHost(inner).handlers,
    ...mail.handlers,
  });
  const dispatch = createDispatcher(store, { checkOutput: true, log: () => {} });
  /** Calls a method the way a transport does (validated, defaults applied) and unwraps the answer. */
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const outcome = await dispatch(method, input, 'en');
    if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
    return JSON.parse(outcome.json) as MethodOutput<M>;
  };
  return {
    dir,
    store,
    dispatch,
    call,
    mail,
    close: async () => {
      await mail.stop();
      await backups.stop();
      await store.close();
      remove();
    },
  };
}

export { fileServerTicket, networkProvider, outlookTicket } from './tickets';
