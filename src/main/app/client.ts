import { Worker } from 'node:worker_threads';
import type { ChangeEvent, MethodName, MethodOutput, ParsedInput } from '../../shared/contract';
import { changeHub } from './changeHub';
import { deserializeError } from './errors';
import type { WorkerControl, WorkerMessage, WorkerRequest } from './protocol';
import { ensureDirDurably } from '../files/durableFile';
import { acquireHostLock, type HostLock } from '../store/hostLock';

/** How the main thread talks to the store, wherever the store runs. */
export type StoreClient = {
  call: <M extends MethodName>(method: M, input: ParsedInput<M>) => Promise<MethodOutput<M>>;
  /** The answer as JSON text, for transports that send it on as it is. */
  callJson: <M extends MethodName>(method: M, input: ParsedInput<M>) => Promise<string>;
  onChange: (listener: (change: ChangeEvent) => void) => () => void;
  /**
   * Starts the quick and full integrity checks on their own thread. Writes wait for the quick one; start it
   * once the app answers, so the check does not compete with start-up on a two-core laptop.
   */
  startChecks: () => void;
  close: () => Promise<void>;
};

const EVIDENCE_INTERVAL_MS = 24 * 3_600_000;
const INTEGRITY_INTERVAL_MS = 24 * 3_600_000;
const EVIDENCE_HEAP_MB = 96;

/**
 * The store in a worker thread (the app and the headless host). Resolves once the database is open. Refuses a
 * data directory that another live host holds.
 */
export async function startWorkerStore(workerFile: string, dataDir: string): Promise<StoreClient> {
  // Files of the desk are the user's alone (0600/0700), whatever creates them in this process.
  process.umask(0o077);
  ensureDirDurably(dataDir);
  const lock = acquireHostLock(dataDir);
  try {
    return await startWorker(workerFile, dataDir, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

function startWorker(workerFile: string, dataDir: string, lock: HostLock): Promise<StoreClient> {
  const worker = new Worker(workerFile, { workerData: { dataDir, mode: 'store' } });
  let evidenceTimer: NodeJS.Timeout | null = null;
  /**
   * Checks under way, each on its own read connection. Stopped before the store closes: a reader still inside a
   * 4 GB check would keep the final checkpoint from emptying the WAL, and the next start could not start clean.
   */
  const checkers = new Set<Worker>();
  const track = (checker: Worker) => {
    checkers.add(checker);
    checker.once('exit', () => checkers.delete(checker));
    return checker;
  };
  /** Chain and files, in a thread of their own; the store worker only takes the result. */
  const checkEvidence = () => {
    // The walk holds one batch of events at a time; a small heap makes V8 collect as it goes instead of growing
    // by hundreds of MB over a million tickets' events (the host's peak memory at 1,000,000 tickets).
    const checker = track(
      new Worker(workerFile, {
        workerData: { dataDir, mode: 'evidence' },
        resourceLimits: { maxOldGenerationSizeMb: EVIDENCE_HEAP_MB },
      }),
    );
    checker.on('message', (message: WorkerMessage) => {
      if (message.type === 'evidence') worker.postMessage(message satisfies WorkerControl);
    });
    checker.on('error', (error) => console.error('[leitstand] evidence check could not run', error));
  };
  let cleanStart = false;
  let integrityTimer: NodeJS.Timeout | null = null;
  /** The quick check first (writes wait for it) unless the last session closed this file cleanly; the full one always. */
  const checkIntegrity = (quick: boolean) => {
    const checker = track(new Worker(workerFile, { workerData: { dataDir, mode: 'integrity', quick } }));
    checker.on('message', (message: WorkerMessage) => {
      if (message.type === 'integrity') worker.postMessage(message satisfies WorkerControl);
      // After the file itself is known sound: the evidence, at once and then daily.
      if (message.type === 'integrity' && message.kind === 'full' && !evidenceTimer) {
        checkEvidence();
        evidenceTimer = setInterval(checkEvidence, EVIDENCE_INTERVAL_MS);
        evidenceTimer.unref();
      }
    });
    checker.on('error', (error) =>
      // A check that could not run is no pass: held writes are released only on a real answer.
      worker.postMessage({ type: 'integrity', kind: 'quick', problems: [String(error)] } satisfies WorkerControl),
    );
  };
  const hub = changeHub();
  const waiting = new Map<number, { resolve: (json: string) => void; reject: (error: unknown) => void }>();
  let nextId = 1;
  let failure: Error | null = null;

  return new Promise((resolveStart, rejectStart) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        cleanStart = message.cleanStart;
        resolveStart(client);
      } else if (message.type === 'fatal') {
        failure = deserializeError(message.error);
        rejectStart(failure);
      } else if (message.type === 'change') {
        hub.emit(message.change);
      } else if (message.type === 'result') {
        const pending = waiting.get(message.id);
        waiting.delete(message.id);
        if (!pending) return;
        if (message.ok) pending.resolve(message.json);
        else pending.reject(deserializeError(message.error));
      }
    });
    worker.on('error', (error) => {
      failure = error;
      rejectStart(error);
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    });

    const callJson = (method: string, input: unknown) =>
      new Promise<string>((resolve, reject) => {
        if (failure) return reject(failure);
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, method, input } satisfies WorkerRequest);
      });
    const client: StoreClient = {
      callJson,
      call: async (method, input) => JSON.parse(await callJson(method, input)) as never,
      onChange: hub.onChange,
      startChecks: () => {
        checkIntegrity(!cleanStart);
        // The full check again every day on a desk that stays open for weeks: a damaged page is found while the
        // backups still hold good copies, not at the next start.
        integrityTimer ??= setInterval(() => checkIntegrity(false), INTEGRITY_INTERVAL_MS);
        integrityTimer.unref();
      },
      close: async () => {
        if (evidenceTimer) clearInterval(evidenceTimer);
        if (integrityTimer) clearInterval(integrityTimer);
        await Promise.all([...checkers].map((checker) => checker.terminate()));
        // Calls under way (a packet being written) finish first, for a few seconds at most.
        for (const until = Date.now() + 5000; waiting.size > 0 && Date.now() < until;)
          await new Promise((resolve) => setTimeout(resolve, 20));
        worker.postMessage({ type: 'close' });
        await new Promise((resolve) => worker.once('exit', resolve));
        lock.release();
      },
    };
  });
}
