import { parseArgs } from 'node:util';
import { runHost } from './runHost';

// `npm run serve -- --data DIR [--port N]`: the headless host.
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
void runHost(values.data, port, __dirname);
