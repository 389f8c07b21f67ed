import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Language } from '../../shared/domain/enums';
import type { Settings } from '../../shared/domain/settings';
import { startWorkerStore, type StoreClient } from '../app/client';
import { systemLanguage } from './systemLanguage';
import { APP_VERSION } from '../app/version';
import { reopener } from './reopen';

export type HeadlessHost = { url: string; token: string; store: StoreClient; close: () => Promise<void> };

export type HeadlessOptions = {
  dataDir: string;
  workerFile: string;
  staticDir?: string;
  port?: number;
  token?: string;
  /** Make a backup when closing, if anything changed since the last one (default: yes). */
  backupOnQuit?: boolean;
};

const resolveLanguage = (setting: Settings['language']): Language =>
  setting === 'system' ? systemLanguage() : setting;

/** Store worker + dispatcher + HTTP on 127.0.0.1: the whole app without Electron. */
export async function startHeadlessHost(options: HeadlessOptions): Promise<HeadlessHost> {
  // The store worker boots (it loads the services) while this thread loads the contract and the transports: on two
  // cores the two loads overlap instead of following each other (150 ms of the start).
  const starting = startWorkerStore(options.workerFile, options.dataDir);
  starting.catch(() => {}); // awaited below; not an unhandled rejection while the imports load
  const [{ createDispatcher }, { createHttpHost }, { startBackground }, { threadJobRunner }] = await Promise.all([
    import('../dispatcher'),
    import('../transports/http'),
    import('./background'),
    import('./backups/jobThread'),
  ]);
  const { client: store, reopen } = reopener(await starting, options.dataDir, () =>
    startWorkerStore(options.workerFile, options.dataDir),
  );
  const background = startBackground(store, {
    dataDir: options.dataDir,
    runJob: threadJobRunner(options.workerFile),
    appVersion: APP_VERSION,
    reopen,
  });
  const dispatch = createDispatcher(background.client);
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
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    store,
    /** Stops accepting, lets calls under way answer (a few seconds at most), then closes the store. */
    close: async () => {
      // The backup on quit runs while the last calls are answered; the store closes after both.
      const stopped = background.stop({ finalBackup: options.backupOnQuit ?? true });
      const closed = new Promise((resolve) => server.close(resolve));
      // Event streams never end by themselves; idle keep-alive sockets neither.
      server.closeIdleConnections();
      closeStreams();
      const grace = setTimeout(() => server.closeAllConnections(), 3000);
      await closed;
      clearTimeout(grace);
      await stopped;
      await store.close();
    },
  };
}
