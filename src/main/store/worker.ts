import { parentPort, workerData } from 'node:worker_threads';
import type { MethodName } from '../../shared/contract';
import { createEngine, type Engine } from './engine';
import { serializeError } from './errors';
import type { WorkerControl, WorkerMessage, WorkerRequest } from './protocol';
import { databaseFile } from './database';
import { fullIntegrityCheck } from './integrity';

// The single writer: every call runs here, one after another, each mutation in its own transaction.
const port = parentPort;
if (!port) throw new Error('store worker must run in a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);

const { dataDir, mode } = workerData as { dataDir: string; mode: 'store' | 'integrity' };

let engine: Engine | null = null;
if (mode === 'integrity') {
  // The full check, on its own read-only connection, so that the writer keeps answering meanwhile.
  post({ type: 'integrity', problems: fullIntegrityCheck(databaseFile(dataDir)) });
  port.close();
} else {
  try {
    engine = createEngine({ dataDir });
    post({ type: 'ready' });
  } catch (error) {
    post({ type: 'fatal', error: serializeError(error) });
  }
}

port.on('message', (request: WorkerRequest | WorkerControl) => {
  if ('type' in request) {
    if (request.type === 'integrity') {
      engine?.markDamaged(request.problems);
      post({ type: 'change', change: { entity: 'system', ids: [] } });
      return;
    }
    engine?.close();
    engine = null;
    port.close();
    return;
  }
  if (!engine) return;
  try {
    const { value, changes } = engine.execute(request.method as MethodName, request.input as never);
    post({ type: 'result', id: request.id, ok: true, value });
    for (const change of changes) post({ type: 'change', change });
  } catch (error) {
    post({ type: 'result', id: request.id, ok: false, error: serializeError(error) });
  }
});
