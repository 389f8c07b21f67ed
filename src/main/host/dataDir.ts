import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the desk keeps its data when it runs in the browser: the platform's usual place for application data. */
export function platformDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.LEITSTAND_DATA) return env.LEITSTAND_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Leitstand');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Leitstand');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'leitstand');
}
