import { parentPort, workerData } from 'node:worker_threads';
import type { MethodName } from '../../shared/contract';
import { createEngine, type Engine } from './engine';
import { serializeError } from './errors';
import type { WorkerMessage, WorkerRequest } from './protocol';

// The single writer: every call runs here, one after another, each mutation in its own transaction.
const port = parentPort;
if (!port) throw new Error('store worker must run in a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);

let engine: Engine | null = null;
try {
  engine = createEngine({ dataDir: (workerData as { dataDir: string }).dataDir });
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'fatal', error: serializeError(error) });
}

port.on('message', (request: WorkerRequest | { type: 'close' }) => {
  if ('type' in request) {
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
