import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// `npm start`: runs the desktop app. Electron's binary comes from outside the npm registry; the electron
// package fetches it on first use (its install script is not run by `npm install`). Where that fails, say so.
const require_ = createRequire(__filename);
const root = join(__dirname, '../..');

function electronBinary(): string | null {
  try {
    const path = require_('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) {
  console.error(
    [
      '',
      'Leitstand: the Electron runtime could not be downloaded on this machine (no access to its download server).',
      'The same app runs in the browser instead:',
      '',
      '    npm run serve -- --data ~/leitstand-data',
      '',
      'then open the address it prints (http://127.0.0.1:PORT/#token=…).',
    ].join('\n'),
  );
  process.exit(1);
}
const child = spawn(binary, [root], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
