import { closeSync, openSync, readSync } from 'node:fs';
import sodium from 'libsodium-wrappers-sumo';
import type { BackupKeys } from '../../../shared/domain/backups';
import { AppError } from '../../../shared/errors';

/**
 * Encryption of backups with libsodium (audited, maintained; here its WebAssembly build):
 * - each backup file is encrypted with its own random key by `crypto_secretstream_xchacha20poly1305` in chunks of
 *   64 KiB (authenticated, ordered, truncation detected by the final tag);
 * - that file key is sealed to the desk's backup public key (`crypto_box_seal`, X25519), so scheduled backups run
 *   without the passphrase;
 * - the secret key is stored only under `crypto_secretbox` with a key derived from the passphrase by Argon2id
 *   (`crypto_pwhash`, moderate limits); the passphrase itself is never stored.
 */

const MAGIC = Buffer.from('LEITSTAND-BACKUP-1\n', 'utf8');
const CHUNK = 64 * 1024;

let loaded: Promise<void> | null = null;
/** The WebAssembly module loads once, on first use (it costs ~30 ms, not paid by a desk without encryption). */
export const sodiumReady = (): Promise<void> => (loaded ??= sodium.ready);

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

export type KeyPair = { publicKey: Uint8Array; secretKey: Uint8Array };

function derive(passphrase: string, salt: Uint8Array, opsLimit: number, memLimit: number): Uint8Array {
  return sodium.crypto_pwhash(
    sodium.crypto_secretbox_KEYBYTES,
    passphrase.normalize('NFC'),
    salt,
    opsLimit,
    memLimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
}

/** New keys for a passphrase. Slow on purpose (Argon2id, ~0.3–1 s): run it off the main thread. */
export function createKeys(
  passphrase: string,
  now: Date,
  limits = { opsLimit: 3, memLimit: 64 * 1024 * 1024 },
): BackupKeys {
  const pair = sodium.crypto_box_keypair();
  const salt = sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES);
  const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);
  const key = derive(passphrase, salt, limits.opsLimit, limits.memLimit);
  const sealed = sodium.crypto_secretbox_easy(pair.privateKey, nonce, key);
  sodium.memzero(key);
  sodium.memzero(pair.privateKey);
  return {
    version: 1,
    kdf: 'argon2id13',
    ...limits,
    salt: b64(salt),
    publicKey: b64(pair.publicKey),
    nonce: b64(nonce),
    sealedSecretKey: b64(sealed),
    poolKey: b64(sodium.randombytes_buf(32)),
    createdAt: now.toISOString(),
  };
}

/** The key pair behind `keys`, or a clear refusal when the passphrase is wrong. */
export function openKeys(keys: BackupKeys, passphrase: string): KeyPair {
  const key = derive(passphrase, bytes(keys.salt), keys.opsLimit, keys.memLimit);
  try {
    const secretKey = sodium.crypto_secretbox_open_easy(bytes(keys.sealedSecretKey), bytes(keys.nonce), key);
    return { publicKey: bytes(keys.publicKey), secretKey };
  } catch {
    throw new AppError('forbidden', 'backup_wrong_passphrase');
  } finally {
    sodium.memzero(key);
  }
}

/** The name an attachment copy has in an encrypted backup: keyed, so it does not reveal the file's hash. */
export const poolName = (sha256: string, keys: BackupKeys | null): string =>
  keys ? sodium.crypto_generichash(32, sha256, bytes(keys.poolKey), 'hex') : sha256;

export const newFileKey = (): Uint8Array => sodium.crypto_secretstream_xchacha20poly1305_keygen();

function readChunks(path: string, size: number, each: (chunk: Uint8Array, last: boolean) => void): void {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(size);
    let pending: Buffer | null = null;
    for (;;) {
      const read = readSync(fd, buffer, 0, size, null);
      if (read === 0) break;
      if (pending) each(new Uint8Array(pending), false);
      pending = Buffer.from(buffer.subarray(0, read));
    }
    each(new Uint8Array(pending ?? Buffer.alloc(0)), true);
  } finally {
    closeSync(fd);
  }
}

/** Encrypts `source` through `write` (into the open file): magic, sealed file key, stream header, chunks (the last one FINAL). */
export function encryptInto(
  source: string,
  write: (chunk: Uint8Array) => void,
  publicKey: Uint8Array,
  fileKey: Uint8Array,
): void {
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(fileKey);
  write(MAGIC);
  write(sodium.crypto_box_seal(fileKey, publicKey));
  write(header);
  readChunks(source, CHUNK, (chunk, last) => {
    const tag = last
      ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
      : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    write(sodium.crypto_secretstream_xchacha20poly1305_push(state, chunk, null, tag));
  });
}

const damaged = (file: string) => new AppError('integrity', 'backup_decrypt_failed', { file });

/**
 * Decrypts `source`, handing each plain chunk to `sink`. The file key comes from the key pair (restore) or is
 * known (verifying what was just written). Any change to the file, a cut-off end or a wrong key is refused.
 */
export function decryptFile(
  source: string,
  key: { pair: KeyPair } | { fileKey: Uint8Array },
  sink: (plain: Uint8Array) => void,
  shownName: string,
): void {
  const sealedBytes = sodium.crypto_box_SEALBYTES + sodium.crypto_secretstream_xchacha20poly1305_KEYBYTES;
  const headerBytes = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES;
  const cipherChunk = CHUNK + sodium.crypto_secretstream_xchacha20poly1305_ABYTES;
  const fd = openSync(source, 'r');
  try {
    const prefix = Buffer.alloc(MAGIC.length + sealedBytes + headerBytes);
    if (
      readSync(fd, prefix, 0, prefix.length, null) !== prefix.length ||
      !prefix.subarray(0, MAGIC.length).equals(MAGIC)
    )
      throw damaged(shownName);
    const sealed = new Uint8Array(prefix.subarray(MAGIC.length, MAGIC.length + sealedBytes));
    let fileKey: Uint8Array;
    if ('fileKey' in key) fileKey = key.fileKey;
    else {
      try {
        fileKey = sodium.crypto_box_seal_open(sealed, key.pair.publicKey, key.pair.secretKey);
      } catch {
        throw damaged(shownName);
      }
    }
    const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(
      new Uint8Array(prefix.subarray(MAGIC.length + sealedBytes)),
      fileKey,
    );
    const buffer = Buffer.alloc(cipherChunk);
    let finished = false;
    for (;;) {
      const read = readSync(fd, buffer, 0, cipherChunk, null);
      if (read === 0) break;
      if (finished) throw damaged(shownName);
      const opened = sodium.crypto_secretstream_xchacha20poly1305_pull(
        state,
        new Uint8Array(buffer.subarray(0, read)),
        null,
      );
      if (!opened) throw damaged(shownName);
      sink(opened.message);
      if (opened.tag === sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL) finished = true;
    }
    if (!finished) throw damaged(shownName);
  } finally {
    closeSync(fd);
  }
}
