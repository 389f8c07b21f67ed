import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort, waitForPort } from './ports';
import { chmodSync, chownSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from './store';

/**
 * A real OpenLDAP server for the tests, started from Debian's slapd: the installed one, or the package that
 * `.ci/run` unpacks into `.cache/slapd` (unpacked, not installed: no system service, no system user).
 */
function findSlapd() {
  const unpacked = resolve(__dirname, '../../.cache/slapd');
  for (const root of ['', unpacked]) {
    const binary = join(root || '/', 'usr/sbin/slapd');
    if (existsSync(binary))
      return {
        binary,
        modules: join(root || '/', 'usr/lib/ldap'),
        schema: join(root || '/', 'etc/ldap/schema'),
        libraries: root ? join(root, 'usr/lib/x86_64-linux-gnu') : '',
      };
  }
  throw new Error('slapd not found: run `bash .ci/run` once, or `apt-get install slapd`');
}

export const ldapSuffix = 'dc=example,dc=de';
export const reader = { dn: `cn=reader,${ldapSuffix}`, password: 'Lesen!2026' };

export type Slapd = { url: string; stop: () => Promise<void> };

/** Starts slapd on a free loopback port with a fresh database holding `ldif`; unprivileged where it can be. */
export async function startSlapd(ldif: string): Promise<Slapd> {
  const slapd = findSlapd();
  const { dir, remove } = tempDir('leitstand-slapd-');
  const data = join(dir, 'data');
  mkdirSync(data);
  const config = join(dir, 'slapd.conf');
  writeFileSync(
    config,
    [
      `include ${slapd.schema}/core.schema`,
      `include ${slapd.schema}/cosine.schema`,
      `include ${slapd.schema}/inetorgperson.schema`,
      `modulepath ${slapd.modules}`,
      'moduleload back_mdb',
      `pidfile ${join(dir, 'slapd.pid')}`,
      'database mdb',
      `suffix "${ldapSuffix}"`,
      `rootdn "cn=admin,${ldapSuffix}"`,
      'rootpw "admin-only-for-slapadd"',
      `directory ${data}`,
      'maxsize 10485760',
      `access to attrs=userPassword by anonymous auth by * none`,
      `access to * by dn.exact="${reader.dn}" read by * none`,
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'data.ldif'), ldif);
  const env = { ...process.env, ...(slapd.libraries ? { LD_LIBRARY_PATH: slapd.libraries } : {}) };
  const added = spawnSync(slapd.binary, ['-T', 'add', '-f', config, '-l', join(dir, 'data.ldif')], {
    env,
    encoding: 'utf8',
  });
  if (added.status !== 0) throw new Error(`slapadd failed: ${added.stderr}`);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // Run as nobody: the test's own server needs no rights beyond its temporary folder.
    for (const path of [dir, data, config, join(data, 'data.mdb'), join(data, 'lock.mdb')])
      if (existsSync(path)) chownSync(path, 65534, 65534);
    chmodSync(dir, 0o700);
  }
  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    slapd.binary,
    ['-f', config, '-h', `${url}/`, '-d', '0', ...(asRoot ? ['-u', 'nobody', '-g', 'nogroup'] : [])],
    { env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Ready when the port takes connections.
  await waitForPort(
    port,
    () => child.exitCode !== null,
    () => `slapd did not start: ${output}`,
  );
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      remove();
    },
  };
}
