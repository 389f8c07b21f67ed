import type { safeStorage as SafeStorage } from 'electron';
import { memorySecrets, sealedSecrets, type SecretStore } from '../host/mail/secrets';

/**
 * The mailbox passwords sealed with Electron's safeStorage (DPAPI on Windows, the Keychain on macOS, the Secret
 * Service on Linux). Where only its plain-text fallback exists (Linux without a keyring), passwords are kept in
 * memory only: asked again after a restart rather than written readable.
 */
export function keychainSecrets(safeStorage: typeof SafeStorage | undefined, dataDir: string): SecretStore {
  const backend = process.platform === 'linux' ? safeStorage?.getSelectedStorageBackend?.() : 'os';
  if (!safeStorage?.isEncryptionAvailable() || backend === 'basic_text') return memorySecrets();
  return sealedSecrets(dataDir, {
    available: () => safeStorage.isEncryptionAvailable(),
    seal: (plain) => safeStorage.encryptString(plain),
    open: (sealed) => safeStorage.decryptString(sealed),
  });
}
