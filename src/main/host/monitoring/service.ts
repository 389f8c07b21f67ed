import type { StoreClient } from '../../app/client';
import type { HostHandlers } from '../../app/hostMethods';
import { monitoringRunner, type RunnerOptions } from './runner';

/** The monitoring in main: its runner, and the one host method that needs it (run a check now). */
export function monitoringHost(store: StoreClient, options: RunnerOptions = {}) {
  const runner = monitoringRunner(store, options);
  const handlers: Pick<HostHandlers, 'monitoring.checks.runNow'> = {
    'monitoring.checks.runNow': async ({ id }) => {
      // A check that does not exist is refused before anything runs.
      await store.call('monitoring.checks.get', { id });
      await runner.runNow(id);
      return store.call('monitoring.checks.get', { id });
    },
  };
  return { handlers, start: runner.start, stop: runner.stop };
}
