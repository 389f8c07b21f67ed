import { parseArgs } from 'node:util';
import { runHost } from './runHost';

// The headless host's arguments and start (entry: serve.ts, which turns the compile cache on first).
/** `entryDir`: the folder of the entry (out/main), where the worker and the renderer are found. */
export function serve(entryDir: string): void {
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
  void runHost(values.data, port, entryDir);
}
