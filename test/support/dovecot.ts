import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, waitForPort } from './ports';
import { chmodSync, chownSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ImapFlow } from 'imapflow';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

/**
 * A real IMAP server for the tests: Debian's Dovecot, the installed one or the package `.ci/run` unpacks into
 * `.cache/dovecot` (unpacked, not installed: no system service, no system user). Its programs look for their
 * plugins under /usr/lib/dovecot, so `.ci/run` puts the unpacked library folder there when it is missing.
 */
function findDovecot() {
  const unpacked = resolve(__dirname, '../../.cache/dovecot');
  for (const root of ['/', unpacked]) {
    const binary = join(root, 'usr/sbin/dovecot');
    const doveconf = join(root, 'usr/bin/doveconf');
    if (existsSync(binary) && existsSync(doveconf) && existsSync('/usr/lib/dovecot/modules'))
      return { binary, doveconf, libexec: join(root, 'usr/lib/dovecot') };
  }
  throw new Error('dovecot not found: run `bash .ci/run` once (it unpacks Debian dovecot-imapd)');
}

export type Dovecot = {
  port: number;
  user: string;
  password: string;
  /** An IMAP client of the test itself (to put mails in and look at folders). */
  client: () => Promise<ImapFlow>;
  append: (raw: string | Buffer, folder?: string) => Promise<void>;
  count: (folder: string) => Promise<number>;
  stop: () => Promise<void>;
};

export type DovecotOptions = { tls?: { cert: string; key: string } };

/** Starts Dovecot on a free loopback port with one user and an empty maildir; unprivileged (nobody) as root. */
export async function startDovecot(options: DovecotOptions = {}): Promise<Dovecot> {
  const dovecot = findDovecot();
  // A folder of its own (not the store helpers': the end-to-end tests use this without the store).
  const dir = mkdtempSync(join(tmpdir(), 'leitstand-dovecot-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const asRoot = process.getuid?.() === 0;
  const user = 'it@firma.test';
  const password = 'Postfach!2026';
  const mail = join(dir, 'mail');
  mkdirSync(mail);
  mkdirSync(join(dir, 'run'));
  mkdirSync(join(dir, 'state'));
  // Dovecot drops root for its processes: they run as nobody and own the maildir.
  const [uid, gid] = asRoot ? [65534, 65534] : [process.getuid?.() ?? 0, process.getgid?.() ?? 0];
  const account = asRoot ? 'nobody' : (process.env.USER ?? 'nobody');
  // nobody must reach the maildir inside the test's private folder.
  if (asRoot) {
    chmodSync(dir, 0o755);
    chownSync(mail, uid, gid);
  }
  writeFileSync(join(dir, 'users'), `${user}:{PLAIN}${password}\n`);
  chmodSync(join(dir, 'users'), 0o644);
  const port = await freePort();
  const tls = options.tls;
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `protocols = imap
listen = 127.0.0.1
base_dir = ${join(dir, 'run')}
state_dir = ${join(dir, 'state')}
libexec_dir = ${dovecot.libexec}
import_environment = TZ LD_LIBRARY_PATH
default_internal_user = ${account}
default_internal_group = ${asRoot ? 'nogroup' : account}
default_login_user = ${account}
log_path = ${join(dir, 'dovecot.log')}
${tls ? `ssl = required\nssl_cert = <${tls.cert}\nssl_key = <${tls.key}` : 'ssl = no'}
disable_plaintext_auth = no
auth_failure_delay = 0
auth_mechanisms = plain login
mail_location = maildir:${mail}/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${join(dir, 'users')}
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${mail}/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${tls ? 0 : port}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${tls ? port : 0}
  }
}
`,
  );
  // doveconf reads the configuration and starts dovecot with it (dovecot alone would look for /usr/bin/doveconf).
  const conf = join(dir, 'dovecot.conf');
  // Libraries the unpacked packages brought along (missing from the system) are found through LD_LIBRARY_PATH.
  const unpacked = resolve(__dirname, '../../.cache/dovecot');
  const libraries = [join(unpacked, 'usr/lib/x86_64-linux-gnu'), join(unpacked, 'lib/x86_64-linux-gnu')].join(':');
  const child: ChildProcess = spawn(dovecot.doveconf, ['-c', conf, '-e', dovecot.binary, '-F', '-c', conf], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LD_LIBRARY_PATH: libraries },
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForPort(
    port,
    () => child.exitCode !== null,
    () => `dovecot did not start: ${output}`,
  );
  const client = async () => {
    const imap = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: Boolean(tls),
      tls: { rejectUnauthorized: false },
      auth: { user, pass: password },
      logger: false,
    });
    imap.on('error', () => undefined);
    await imap.connect();
    return imap;
  };
  return {
    port,
    user,
    password,
    client,
    append: async (raw, folder = 'INBOX') => {
      const imap = await client();
      try {
        await imap.append(folder, raw);
      } finally {
        await imap.logout();
      }
    },
    count: async (folder) => {
      const imap = await client();
      try {
        const status = await imap.status(folder, { messages: true }).catch(() => ({ messages: 0 }));
        return status ? (status.messages ?? 0) : 0;
      } finally {
        await imap.logout();
      }
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      remove();
    },
  };
}
