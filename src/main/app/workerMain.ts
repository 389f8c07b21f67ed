import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { contract, type ChangeEvent, type MethodName } from '../../shared/contract';
import { databaseFile } from '../store/database';
import { createEngine, type Engine } from './engine';
import { serializeError } from './serializeError';
import { backgroundCheck } from '../store/integrity';
import { checkEvidence } from './evidenceCheck';
import type { Job } from '../host/backups/types';
import type { JobMessage } from '../host/backups/jobThread';
import type { WorkerControl, WorkerMessage, WorkerRequest } from './protocol';

// The single writer: every call runs here, one after another, each mutation in its own transaction.
const port = parentPort;
if (!port) throw new Error('store worker must run in a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);

const { dataDir, mode, quick } = workerData as {
  dataDir: string;
  mode: 'store' | 'integrity' | 'evidence' | 'job';
  /** Integrity mode: run the quick check first (writes wait for it) — not after a clean start or on schedule. */
  quick?: boolean;
};

let engine: Engine | null = null;
/** Writes that arrived before the quick check passed, in arrival order. */
const held: WorkerRequest[] = [];

if (mode === 'integrity') {
  // Both checks on their own read-only connection, so the writer answers reads meanwhile.
  const file = databaseFile(dataDir);
  if (quick !== false) post({ type: 'integrity', kind: 'quick', problems: backgroundCheck(file, 'quick_check') });
  post({ type: 'integrity', kind: 'full', problems: backgroundCheck(file, 'integrity_check') });
  port.close();
} else if (mode === 'job') {
  // A backup job (host/backups): its own thread, its own read connection; the answer is its only message.
  const job = (workerData as { job: Job }).job;
  yieldToTheDesk();
  void import('../host/backups/runJob').then(({ runJob }) =>
    runJob(job)
      .then(
        (value) => port.postMessage({ type: 'job', ok: true, json: JSON.stringify(value) } satisfies JobMessage),
        (error: unknown) =>
          port.postMessage({ type: 'job', ok: false, error: serializeError(error) } satisfies JobMessage),
      )
      .finally(() => port.close()),
  );
} else if (mode === 'evidence') {
  post(checkEvidence(databaseFile(dataDir), dataDir));
  port.close();
} else {
  try {
    engine = createEngine({ dataDir, deferQuickCheck: true });
    post({ type: 'ready', cleanStart: engine.cleanStart });
  } catch (error) {
    post({ type: 'fatal', error: serializeError(error) });
  }
}

function answer(request: WorkerRequest, value: unknown, changes: ChangeEvent[]): void {
  // A JSON string crosses the thread boundary far cheaper than a cloned object graph.
  post({ type: 'result', id: request.id, ok: true, json: JSON.stringify(value) });
  for (const change of changes) post({ type: 'change', change });
}

function run(request: WorkerRequest): void {
  if (!engine) return;
  const current = engine;
  try {
    const { value, changes } = current.execute(request.method as MethodName, request.input as never);
    if (!(value instanceof Promise)) return answer(request, value, changes);
    // Work that writes files first: other calls go on meanwhile; its own transaction runs when it is done.
    value.then(
      (result) => answer(request, result, [...changes, ...current.drainChanges()]),
      (error: unknown) => post({ type: 'result', id: request.id, ok: false, error: serializeError(error) }),
    );
  } catch (error) {
    post({ type: 'result', id: request.id, ok: false, error: serializeError(error) });
  }
}

port.on('message', (message: WorkerRequest | WorkerControl) => {
  if (!('type' in message)) {
    const mutates = contract[message.method as MethodName]?.mutates ?? false;
    if (mutates && engine?.writesHeld()) held.push(message);
    else run(message);
    return;
  }
  if (message.type === 'evidence') {
    engine?.applyEvidence(message);
    post({ type: 'change', change: { entity: 'system', ids: [] } });
    return;
  }
  if (message.type === 'integrity') {
    engine?.applyCheck(message.kind, message.problems);
    if (!engine?.writesHeld()) held.splice(0).forEach(run);
    post({ type: 'change', change: { entity: 'system', ids: [] } });
    return;
  }
  engine?.close();
  engine = null;
  port.close();
});

/**
 * A backup job gives way to the desk: on Linux nice values are per thread, so this thread alone runs at the lowest
 * CPU priority (and, with the kernel's default I/O scheduling, the lowest I/O priority of its class). Elsewhere the
 * job runs at normal priority.
 */
function yieldToTheDesk(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 19);
  } catch {
    // Not Linux, or not permitted: normal priority.
  }
}
