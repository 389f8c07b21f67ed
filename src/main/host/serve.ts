import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { errorMessage } from '../i18n';
import { startHeadlessHost } from './headless';
import { systemLanguage } from './systemLanguage';

// `npm run serve -- --data DIR [--port N]`: the headless host.
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
    },
    strict: true,
  });
  if (!values.data) {
    console.error('Usage: npm run serve -- --data DIR [--port N]');
    process.exit(2);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not "${values.port}"`);
    process.exit(2);
  }
  const host = await startHeadlessHost({
    dataDir: resolve(values.data),
    workerFile: join(__dirname, 'storeWorker.js'),
    staticDir: resolve(__dirname, '../renderer'),
    port,
  });
  console.log(`Leitstand listening on ${host.url}/#token=${host.token}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // A clean stop (calls answered, WAL checkpointed, lock released) within seconds, or out anyway.
    setTimeout(() => process.exit(1), 8000).unref();
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message =
    error instanceof AppError
      ? errorMessage(systemLanguage(), error.messageKey, error.params)
      : error instanceof Error
        ? error.message
        : String(error);
  console.error(`Leitstand could not start: ${message}`);
  process.exit(1);
});
