import { join, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import { startHeadlessHost } from './headless';
import { systemLanguage } from './systemLanguage';

/**
 * Runs the headless host until it is signalled: prints the address, stops cleanly on SIGTERM/SIGINT (calls under
 * way answer, WAL checkpointed, lock released) within seconds. Used by `npm run serve` and by `npm start` where
 * Electron's runtime is missing.
 */
export async function runHost(
  dataDir: string,
  port: number,
  /** The entry point's own folder (out/main): the worker and the renderer are found from there. */
  baseDir: string,
  onListening?: (address: string) => void,
): Promise<void> {
  try {
    const host = await startHeadlessHost({
      dataDir: resolve(dataDir),
      workerFile: join(baseDir, 'storeWorker.js'),
      staticDir: resolve(baseDir, '../renderer'),
      port,
    });
    const address = `${host.url}/#token=${host.token}`;
    console.log(`Leitstand listening on ${address}`);
    onListening?.(address);
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      setTimeout(() => process.exit(1), 8000).unref();
      void host.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    const message =
      error instanceof AppError
        ? (await import('../i18n')).errorMessage(systemLanguage(), error.messageKey, error.params)
        : error instanceof Error
          ? error.message
          : String(error);
    console.error(`Leitstand could not start: ${message}`);
    process.exit(1);
  }
}
