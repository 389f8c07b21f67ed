import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keychainSecrets } from '../../../src/main/electron/secrets';
import { sealedSecrets } from '../../../src/main/host/mail/secrets';
import { tempDir } from '../../support/store';

const fakeKeychain = {
  available: () => true,
  seal: (plain: string) => Buffer.from(Buffer.from(plain).map((b) => b ^ 0x5a)),
  open: (sealed: Buffer) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString(),
};

describe('mailbox passwords', () => {
  it('are sealed in a file of their own, read back after a restart, and removed with the account', () => {
    const { dir, remove } = tempDir();
    try {
      const first = sealedSecrets(dir, fakeKeychain);
      first.set(1, 'Postfach!2026');
      first.set(2, 'zweites');
      expect(readFileSync(join(dir, 'mail-secrets.json'), 'utf8')).not.toContain('Postfach');
      const again = sealedSecrets(dir, fakeKeychain);
      expect(again.get(1)).toBe('Postfach!2026');
      again.remove(1);
      expect(sealedSecrets(dir, fakeKeychain).get(1)).toBeNull();
      expect(sealedSecrets(dir, fakeKeychain).get(2)).toBe('zweites');
      // A key named like an object's own property is no account.
      expect(again.get(Number('NaN'))).toBeNull();
    } finally {
      remove();
    }
  });

  it('stay in memory where the OS offers no keychain (Linux without a keyring)', () => {
    const plainText = {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'basic_text' as const,
      encryptString: (plain: string) => Buffer.from(plain),
      decryptString: (sealed: Buffer) => sealed.toString(),
    };
    const { dir, remove } = tempDir();
    try {
      const secrets = keychainSecrets(plainText as never, dir);
      expect(secrets.durable).toBe(process.platform !== 'linux');
      expect(keychainSecrets(undefined, dir).durable).toBe(false);
    } finally {
      remove();
    }
  });
});
