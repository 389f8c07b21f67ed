import type { StoreClient } from './client';
import { changeHub } from './changeHub';
import { createEngine, type EngineOptions } from './engine';
import { checkEvidence } from './evidenceCheck';
import { databaseFile } from '../store/database';
import { fullIntegrityCheck } from '../store/integrity';

// Apart from the worker client, so the main thread's bundle does not carry the services it never runs.
/** The same store in this thread: for tests and tools that need no worker. */
export function startInProcessStore(options: EngineOptions): StoreClient {
  const engine = createEngine(options);
  // In-process (tests, tools): the checks run now; the quick one already ran while opening.
  engine.applyCheck('full', fullIntegrityCheck(databaseFile(options.dataDir)));
  const evidence = () => engine.applyEvidence(checkEvidence(databaseFile(options.dataDir), options.dataDir));
  const hub = changeHub();
  return {
    call: async (method, input) => {
      const { value, changes } = engine.execute(method, input);
      const result = await value;
      for (const change of [...changes, ...engine.drainChanges()]) queueMicrotask(() => hub.emit(change));
      return result;
    },
    callJson: async (method, input) => {
      const { value, changes } = engine.execute(method, input);
      const result = await value;
      for (const change of [...changes, ...engine.drainChanges()]) queueMicrotask(() => hub.emit(change));
      return JSON.stringify(result);
    },
    onChange: hub.onChange,
    startChecks: evidence,
    close: async () => engine.close(),
  };
}
