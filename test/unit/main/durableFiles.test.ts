import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type DurableFs, removeStaleTemporaries, writeFileDurably } from '../../../src/main/files/durableFile';
import { blobPath } from '../../../src/main/services/ticketAttachments';
import { startWorkerStore } from '../../../src/main/app/client';
import { createDispatcher } from '../../../src/main/dispatcher';
import { startInProcessStore } from '../../../src/main/app/inProcessStore';
import { fileServerTicket, networkProvider, outlookTicket, tempDir, testStore } from '../../support/store';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const dir = () => {
  const t = tempDir();
  cleanups.push(t.remove);
  return t.dir;
};

/** Records every call of the primitive in order, passing it on to the real file system. */
function recordingFs(): { fs: DurableFs; calls: string[] } {
  const calls: string[] = [];
  const fds = new Map<number, string>();
  const name = (path: unknown) =>
    String(path)
      .replace(/.*\//, '')
      .replace(/\.\d+\.[0-9a-f]+\.tmp$/, '.TMP');
  const fs: DurableFs = {
    existsSync: (path) => nodeFs.existsSync(path),
    mkdirSync: ((path: string, options?: nodeFs.MakeDirectoryOptions) => {
      calls.push(`mkdir ${name(path)}`);
      return nodeFs.mkdirSync(path, options);
    }) as DurableFs['mkdirSync'],
    openSync: ((path: string, flags: string, mode?: number) => {
      const fd = nodeFs.openSync(path, flags, mode);
      fds.set(fd, name(path));
      calls.push(`open ${name(path)}`);
      return fd;
    }) as DurableFs['openSync'],
    writeSync: ((fd: number, ...rest: unknown[]) => {
      calls.push(`write ${fds.get(fd)}`);
      return (nodeFs.writeSync as (...args: unknown[]) => number)(fd, ...rest);
    }) as DurableFs['writeSync'],
    fsyncSync: (fd) => {
      calls.push(`fsync ${fds.get(fd)}`);
      nodeFs.fsyncSync(fd);
    },
    closeSync: (fd) => {
      calls.push(`close ${fds.get(fd)}`);
      nodeFs.closeSync(fd);
    },
    renameSync: (from, to) => {
      calls.push(`rename ${name(from)} -> ${name(to)}`);
      nodeFs.renameSync(from, to);
    },
    linkSync: (from, to) => {
      calls.push(`link ${name(from)} -> ${name(to)}`);
      nodeFs.linkSync(from, to);
    },
    unlinkSync: (path) => {
      calls.push(`unlink ${name(path)}`);
      nodeFs.unlinkSync(path);
    },
  };
  return { fs, calls };
}

describe('the durable-file primitive', () => {
  it('writes a temporary file, fsyncs it, renames it and fsyncs every directory it created, in that order', () => {
    const base = dir();
    const { fs, calls } = recordingFs();
    writeFileDurably(join(base, 'attachments', 'ab', 'abcdef'), Buffer.from('hello'), { fs });
    expect(calls).toEqual([
      'mkdir attachments',
      'open attachments',
      'fsync attachments',
      'close attachments',
      `open ${base.replace(/.*\//, '')}`,
      `fsync ${base.replace(/.*\//, '')}`,
      `close ${base.replace(/.*\//, '')}`,
      'mkdir ab',
      'open ab',
      'fsync ab',
      'close ab',
      'open attachments',
      'fsync attachments',
      'close attachments',
      'open .abcdef.TMP',
      'write .abcdef.TMP',
      'fsync .abcdef.TMP',
      'close .abcdef.TMP',
      'rename .abcdef.TMP -> abcdef',
      'open ab',
      'fsync ab',
      'close ab',
    ]);
    expect(nodeFs.readFileSync(join(base, 'attachments', 'ab', 'abcdef'), 'utf8')).toBe('hello');
    expect(statSync(join(base, 'attachments', 'ab', 'abcdef')).mode & 0o777).toBe(0o600);
    expect(statSync(join(base, 'attachments')).mode & 0o777).toBe(0o700);
  });

  it('never replaces an existing file when asked not to, and leaves no temporary file behind', () => {
    const base = dir();
    const target = join(base, 'packet.zip');
    writeFileDurably(target, 'first', { noClobber: true });
    expect(() => writeFileDurably(target, 'second', { noClobber: true })).toThrow(/EEXIST/);
    expect(nodeFs.readFileSync(target, 'utf8')).toBe('first');
    expect(readdirSync(base)).toEqual(['packet.zip']);
  });

  it('removes temporary files older than the process, and only those', () => {
    const base = dir();
    mkdirSync(join(base, 'ab'));
    const stale = join(base, 'ab', '.x.123.aa.tmp');
    const fresh = join(base, 'ab', '.y.123.bb.tmp');
    const kept = join(base, 'ab', 'abcdef');
    for (const file of [stale, fresh, kept]) writeFileSync(file, 'x');
    utimesSync(stale, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    expect(removeStaleTemporaries([base], Date.now() - 60_000)).toEqual([stale]);
    expect([existsSync(stale), existsSync(fresh), existsSync(kept)]).toEqual([false, true, true]);
  });
});

describe('reads verify what they serve', () => {
  async function withFiles() {
    const t = testStore();
    cleanups.push(() => t.close());
    await t.call('msp.providers.save', { provider: networkProvider });
    const ticket = await t.call('tickets.create', fileServerTicket);
    const attachment = await t.call('tickets.attach', {
      id: ticket.id,
      fileName: 'usv.log',
      contentBase64: Buffer.from('UPS on battery').toString('base64'),
    });
    const built = await t.call('escalations.build', {
      ticketId: ticket.id,
      providerId: networkProvider.id,
      language: 'de',
      attachmentIds: [attachment.id],
    });
    return { t, attachment, built };
  }

  it.each([
    ['deleted', (path: string) => rmSync(path)],
    ['emptied', (path: string) => writeFileSync(path, '')],
    ['changed', (path: string) => writeFileSync(path, 'UPS on mains!')],
  ])(
    'refuses a %s attachment or packet with an integrity error naming the file, never 200 or 500',
    async (_, damage) => {
      const { t, attachment, built } = await withFiles();
      damage(blobPath(t.dir, attachment.sha256));
      damage(built.zipFile);
      const read = await t.dispatch('tickets.attachment', { attachmentId: attachment.id }, 'de');
      expect(read).toMatchObject({ ok: false, status: 422, error: { code: 'integrity' } });
      if (!read.ok) expect(read.error.message).toContain('usv.log');
      const packet = await t.dispatch('escalations.download', { escalationId: built.escalation.id, file: 'zip' }, 'en');
      expect(packet).toMatchObject({ ok: false, status: 422, error: { code: 'integrity' } });
      if (!packet.ok) expect(packet.error.message).toContain('.zip');
      // The mail draft is untouched and still served.
      expect(
        await t.dispatch('escalations.download', { escalationId: built.escalation.id, file: 'eml' }, 'en'),
      ).toMatchObject({ ok: true });
    },
  );

  it('serves every packet and attachment from a data directory moved to another path', async () => {
    const { t, attachment, built } = await withFiles();
    await t.store.close();
    const moved = join(dir(), 'moved');
    cpSync(t.dir, moved, { recursive: true });
    rmSync(t.dir, { recursive: true, force: true });
    const store = startInProcessStore({ dataDir: moved });
    cleanups.push(() => store.close());
    const dispatch = createDispatcher(store, { log: () => {} });
    expect(await dispatch('tickets.attachment', { attachmentId: attachment.id }, 'de')).toMatchObject({ ok: true });
    for (const file of ['zip', 'eml'] as const)
      expect(await dispatch('escalations.download', { escalationId: built.escalation.id, file }, 'de')).toMatchObject({
        ok: true,
      });
  });

  it('gives every packet its own file, also when built in parallel within one second', async () => {
    const t = testStore(() => new Date('2026-11-23T08:00:00.000Z'));
    cleanups.push(() => t.close());
    await t.call('msp.providers.save', { provider: networkProvider });
    const ticket = await t.call('tickets.create', fileServerTicket);
    const choice = { ticketId: ticket.id, providerId: networkProvider.id, language: 'de' as const };
    const built = await Promise.all(Array.from({ length: 8 }, () => t.call('escalations.build', choice)));
    expect(new Set(built.map((b) => b.zipFile)).size).toBe(8);
    for (const b of built) {
      const download = await t.call('escalations.download', { escalationId: b.escalation.id, file: 'zip' });
      expect(download.fileName).toBe(b.zipFile.replace(/.*\//, ''));
    }
    expect(readdirSync(join(t.dir, 'escalations')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('one host per data directory', () => {
  const workerFile = join(__dirname, '../../../out/main/storeWorker.js');

  it('refuses a second store on a directory a live one holds, naming it; takes it once the first stopped', async () => {
    const data = dir();
    const first = await startWorkerStore(workerFile, data);
    let caught: unknown;
    try {
      await startWorkerStore(workerFile, data);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      code: 'store_unavailable',
      messageKey: 'store_in_use',
      params: { pid: process.pid },
    });
    await first.call(
      'tickets.create',
      (await import('../../../src/shared/contract/tickets')).ticketCreateInput.parse(outlookTicket),
    );
    await first.close();
    const second = await startWorkerStore(workerFile, data);
    await second.close();
    expect(statSync(data).mode & 0o777).toBe(0o700);
    expect(statSync(join(data, 'leitstand.sqlite')).mode & 0o777).toBe(0o600);
  });
});
