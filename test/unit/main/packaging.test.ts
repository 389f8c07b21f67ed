import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, matchesGlob, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { updateFeed, startUpdates } from '../../../src/main/electron/updates';

// The installers need Electron downloaded, which this machine cannot; the configuration itself is tested here,
// against electron-builder's own loader and schema, so `npm run dist` on a machine with internet builds what we mean.
const root = join(__dirname, '../../..');
const loadConfig = () => getConfig(root, null, null);

/** electron-builder's file patterns: included when a positive pattern matches and no later negation does. */
function packaged(files: readonly string[], patterns: readonly string[]): string[] {
  return files.filter((file) => {
    let included = false;
    for (const pattern of patterns) {
      if (pattern.startsWith('!')) {
        if (matchesGlob(file, pattern.slice(1))) included = false;
      } else if (matchesGlob(file, pattern)) included = true;
    }
    return included;
  });
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [relative(root, join(dir, entry.name))],
  );
}

/** The files an entry point loads, following its relative requires. */
function loadedBy(entry: string, seen = new Set<string>()): Set<string> {
  seen.add(entry);
  const source = readFileSync(join(root, entry), 'utf8');
  for (const [, target] of source.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) {
    const file = relative(root, join(root, dirname(entry), target!));
    if (!seen.has(file)) loadedBy(file, seen);
  }
  return seen;
}

describe('packaging configuration', () => {
  it('is valid for electron-builder itself', async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.appId).toBe('de.leitstand.desk');
    expect(config.productName).toBe('Leitstand');
  });

  it('sets the fuses: no Node mode, no NODE_OPTIONS or --inspect, asar integrity and only asar, cookie encryption', async () => {
    const { electronFuses, asar } = await loadConfig();
    expect(asar).toBe(true);
    expect(electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds NSIS (per user or per machine) and MSI for Windows, AppImage and deb, and a dmg', async () => {
    const config: Configuration = await loadConfig();
    const targets = (value: unknown) =>
      (value as (string | { target: string })[]).map((item) => (typeof item === 'string' ? item : item.target));
    expect(targets(config.win?.target)).toEqual(['nsis', 'msi']);
    expect(targets(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(targets(config.mac?.target)).toEqual(['dmg']);
    // oneClick off and perMachine off: the installer asks "only for me" or "for all users".
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    // The MSI installs for all users without questions: what group policy and Intune deploy.
    expect(config.msi).toMatchObject({ perMachine: true, oneClick: true, runAfterFinish: false });
    expect(config.msi?.upgradeCode).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  });

  it('publishes nowhere by default; `npm run dist` never uploads', async () => {
    const config = await loadConfig();
    expect(config.publish).toBeNull();
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.dist).toMatch(/electron-vite build && electron-builder .*--publish never/);
  });

  it('packs the built app and nothing of the sources, tests, tools or maps', async () => {
    expect(existsSync(join(root, 'out/main/index.js')), 'run electron-vite build first').toBe(true);
    const [{ filter: patterns }] = (await loadConfig()).files as [{ filter: string[] }];
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    const candidates = [...tracked, ...walk(join(root, 'out'))];
    const inside = new Set(packaged(candidates, patterns));
    for (const file of inside) {
      expect(file, file).toMatch(/^(package\.json|out\/(main|preload|renderer)\/)/);
      expect(file, file).not.toMatch(/\.(ts|tsx|map)$|^out\/main\/(serve|launch|seed|bench|crash)\.js$/);
    }
    expect(tracked.filter((file) => inside.has(file))).toEqual(['package.json']);
    // Everything the app loads at run time is inside.
    const needed = [
      ...loadedBy('out/main/index.js'),
      ...loadedBy('out/main/storeWorker.js'),
      'out/preload/index.js',
      'out/renderer/index.html',
      ...walk(join(root, 'out/renderer/assets')),
    ];
    expect(needed.filter((file) => !inside.has(file))).toEqual([]);
  });
});

describe('updates', () => {
  it('are off unless an https feed is configured', async () => {
    expect(updateFeed({})).toBeNull();
    expect(updateFeed({ LEITSTAND_UPDATE_FEED: '  ' })).toBeNull();
    for (const refused of ['http://updates.example.de/', 'file:///share/updates', 'https://u:p@x.de/', 'nonsense']) {
      expect(updateFeed({ LEITSTAND_UPDATE_FEED: refused }), refused).toBeNull();
    }
    expect(updateFeed({ LEITSTAND_UPDATE_FEED: 'https://updates.example.de/leitstand' })).toBe(
      'https://updates.example.de/leitstand',
    );
    let loaded = 0;
    const load = async () => {
      loaded += 1;
      throw new Error('must not load');
    };
    expect(await startUpdates(null, load, () => {})).toBe(false);
    expect(loaded).toBe(0);
  });

  it('checks a configured feed as a generic provider and survives an unreachable one', async () => {
    const calls: unknown[] = [];
    const updater = {
      autoDownload: false,
      setFeedURL: (options: unknown) => calls.push(options),
      checkForUpdatesAndNotify: async () => {
        throw new Error('ENOTFOUND');
      },
    };
    const logged: string[] = [];
    expect(
      await startUpdates(
        'https://u.example.de/',
        async () => updater,
        (m) => logged.push(m),
      ),
    ).toBe(true);
    expect(calls).toEqual([{ provider: 'generic', url: 'https://u.example.de/' }]);
    expect(logged).toHaveLength(1);
  });
});
