import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';

/**
 * The one way Leitstand writes a file that a row will refer to (attachments, packets, exports, backups, mail):
 * a temporary name in the target directory, the data fsynced, renamed, the directory fsynced (and every directory
 * created on the way), and only then may the row commit. After a power cut the file is either complete under its
 * name or absent, never a committed row pointing at nothing or at zero bytes. Files are 0600, folders 0700: the
 * desk holds personal data and typed-in passwords.
 */

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;
/** Temporary files end so; start-up removes those older than the process (see removeStaleTemporaries). */
export const TEMP_SUFFIX = '.tmp';

/** The calls the primitive makes, so a test can record their order. */
export type DurableFs = Pick<
  typeof nodeFs,
  | 'openSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'closeSync'
  | 'renameSync'
  | 'linkSync'
  | 'unlinkSync'
  | 'mkdirSync'
  | 'existsSync'
>;

export const realFs: DurableFs = nodeFs;

const temporaryName = (target: string) =>
  join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);

/** Makes a directory's entries durable. Windows cannot open a directory; NTFS journals its metadata itself. */
export function fsyncDir(dir: string, fs: DurableFs = realFs): void {
  let fd: number;
  try {
    fd = fs.openSync(dir, 'r');
  } catch (error) {
    if (process.platform === 'win32') return;
    throw error;
  }
  try {
    fs.fsyncSync(fd);
  } catch (error) {
    // Some file systems (and Windows) refuse fsync on a directory handle; they do not need it.
    if (!['EINVAL', 'EPERM', 'EISDIR', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    fs.closeSync(fd);
  }
}

/** Creates `dir` and every missing parent (0700), fsyncing each new entry into its parent. */
export function ensureDirDurably(dir: string, fs: DurableFs = realFs): void {
  if (fs.existsSync(dir)) return;
  const missing: string[] = [];
  for (let at = dir; !fs.existsSync(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const created of missing) {
    try {
      fs.mkdirSync(created, { mode: DIR_MODE });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    fsyncDir(created, fs);
    fsyncDir(dirname(created), fs);
  }
}

/**
 * Moves the finished temporary file to its name. `noClobber`: an existing file is never replaced (a packet is
 * evidence); the link fails with EEXIST instead, which the caller turns into a new name or a clean refusal.
 */
function publish(temp: string, target: string, noClobber: boolean, fs: DurableFs): void {
  if (noClobber) {
    try {
      fs.linkSync(temp, target);
      fs.unlinkSync(temp);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      // File systems without hard links (FAT sticks, some shares): look, then rename.
      if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'].includes(code) || fs.existsSync(target)) {
        fs.unlinkSync(temp);
        throw error;
      }
      fs.renameSync(temp, target);
    }
  } else {
    fs.renameSync(temp, target);
  }
  fsyncDir(dirname(target), fs);
}

export type DurableWriteOptions = { noClobber?: boolean; fs?: DurableFs };

/** Writes `content` to `target` durably (see above). Synchronous: for content already in memory. */
export function writeFileDurably(target: string, content: Buffer | string, options: DurableWriteOptions = {}): void {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  writeFileDurablyWith(
    target,
    (fd, fs) => {
      for (let offset = 0; offset < data.length;) offset += fs.writeSync(fd, data, offset, data.length - offset);
    },
    options,
  );
}

/** The same for content written in pieces (a copy, an encryption): `write` writes into the open temporary file. */
export function writeFileDurablyWith(
  target: string,
  write: (fd: number, fs: DurableFs) => void,
  options: DurableWriteOptions = {},
): void {
  const fs = options.fs ?? realFs;
  ensureDirDurably(dirname(target), fs);
  const temp = temporaryName(target);
  const fd = fs.openSync(temp, 'wx', FILE_MODE);
  try {
    write(fd, fs);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.unlinkSync(temp);
    throw error;
  }
  fs.closeSync(fd);
  publish(temp, target, options.noClobber ?? false, fs);
}

/**
 * Streams into `target` durably: `produce` writes into the stream it is given and resolves when it has ended it.
 * The fsync of a large file runs on libuv's pool, so the store worker keeps answering meanwhile.
 */
export async function streamFileDurably(
  target: string,
  produce: (out: Writable) => Promise<void>,
  options: { noClobber?: boolean } = {},
): Promise<void> {
  ensureDirDurably(dirname(target));
  const temp = temporaryName(target);
  try {
    await produce(nodeFs.createWriteStream(temp, { flags: 'wx', mode: FILE_MODE }));
    // fsync works on the file, not the descriptor: a second handle flushes what the stream wrote.
    const handle = await nodeFs.promises.open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    nodeFs.rmSync(temp, { force: true });
    throw error;
  }
  publish(temp, target, options.noClobber ?? false, realFs);
}

/**
 * Removes temporary files left by an earlier process that died mid-write (older than this process), below
 * `dirs`. Returns what it removed, for the log.
 */
export function removeStaleTemporaries(dirs: readonly string[], startedAt: number): string[] {
  const removed: string[] = [];
  const visit = (dir: string) => {
    let entries: nodeFs.Dirent[];
    try {
      entries = nodeFs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() && (entry.name.endsWith(TEMP_SUFFIX) || entry.name.endsWith('.part'))) {
        try {
          if (nodeFs.statSync(path).mtimeMs < startedAt) {
            nodeFs.unlinkSync(path);
            removed.push(path);
          }
        } catch {
          // Gone meanwhile: nothing to remove.
        }
      }
    }
  };
  dirs.forEach(visit);
  return removed;
}
