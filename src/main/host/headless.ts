import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Language } from '../../shared/domain/enums';
import type { Settings } from '../../shared/domain/settings';
import { startWorkerStore, type StoreClient } from '../app/client';
import { systemLanguage } from './systemLanguage';

export type HeadlessHost = { url: string; token: string; store: StoreClient; close: () => Promise<void> };

export type HeadlessOptions = {
  dataDir: string;
  workerFile: string;
  staticDir?: string;
  port?: number;
  token?: string;
};

const resolveLanguage = (setting: Settings['language']): Language =>
  setting === 'system' ? systemLanguage() : setting;

/** Store worker + dispatcher + HTTP on 127.0.0.1: the whole app without Electron. */
export async function startHeadlessHost(options: HeadlessOptions): Promise<HeadlessHost> {
  // The store worker boots (it loads the services) while this thread loads the contract and the transports: on two
  // cores the two loads overlap instead of following each other (150 ms of the start).
  const starting = startWorkerStore(options.workerFile, options.dataDir);
  starting.catch(() => {}); // awaited below; not an unhandled rejection while the imports load
  const [{ createDispatcher }, { createHttpHost }, { startSlaWatch }] = await Promise.all([
    import('../dispatcher'),
    import('../transports/http'),
    import('./slaWatch'),
  ]);
  const store = await starting;
  const dispatch = createDispatcher(store);
  let language = resolveLanguage((await store.call('settings.get', {})).language);
  store.onChange((change) => {
    if (change.entity !== 'settings') return;
    void store.call('settings.get', {}).then((settings) => {
      language = resolveLanguage(settings.language);
    });
  });
  const token = options.token ?? randomBytes(24).toString('base64url');
  const { server, closeStreams } = createHttpHost({
    dispatch,
    onChange: store.onChange,
    token,
    language: () => language,
    ...(options.staticDir ? { staticDir: options.staticDir } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  store.startChecks();
  const watch = startSlaWatch(store);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    store,
    /** Stops accepting, lets calls under way answer (a few seconds at most), then closes the store. */
    close: async () => {
      watch.stop();
      const closed = new Promise((resolve) => server.close(resolve));
      // Event streams never end by themselves; idle keep-alive sockets neither.
      server.closeIdleConnections();
      closeStreams();
      const grace = setTimeout(() => server.closeAllConnections(), 3000);
      await closed;
      clearTimeout(grace);
      await store.close();
    },
  };
}
