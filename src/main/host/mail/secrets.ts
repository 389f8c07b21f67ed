import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../../files/durableFile';

/** How a password is sealed before it is written: Electron's safeStorage (the OS keychain's key). */
export type Sealer = {
  available: () => boolean;
  seal: (plain: string) => Buffer;
  open: (sealed: Buffer) => string;
};

/**
 * The mailboxes' passwords, by account id: sealed by the OS keychain and kept in a file of their own, never in the
 * database (which backups and exports copy), the logs or an API answer.
 */
export type SecretStore = {
  get: (accountId: number) => string | null;
  set: (accountId: number, password: string) => void;
  remove: (accountId: number) => void;
  /** False where no keychain is available (headless host): a password then lives only in memory. */
  durable: boolean;
};

const fileSchema = z.record(z.string(), z.string().max(20_000));

export function sealedSecrets(dataDir: string, sealer: Sealer): SecretStore {
  const path = join(dataDir, 'mail-secrets.json');
  const read = (): Record<string, string> => {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  };
  const write = (all: Record<string, string>) => writeFileDurably(path, Buffer.from(JSON.stringify(all)));
  return {
    durable: true,
    get: (accountId) => {
      const all = read();
      const sealed = Object.hasOwn(all, String(accountId)) ? all[String(accountId)] : undefined;
      return sealed ? sealer.open(Buffer.from(sealed, 'base64')) : null;
    },
    set: (accountId, password) => write({ ...read(), [String(accountId)]: sealer.seal(password).toString('base64') }),
    remove: (accountId) => {
      const all = read();
      delete all[String(accountId)];
      write(all);
    },
  };
}

/** Where no keychain exists (the headless host of tests and servers): passwords stay in this process only. */
export function memorySecrets(): SecretStore {
  const kept = new Map<number, string>();
  return {
    durable: false,
    get: (accountId) => kept.get(accountId) ?? null,
    set: (accountId, password) => void kept.set(accountId, password),
    remove: (accountId) => void kept.delete(accountId),
  };
}
