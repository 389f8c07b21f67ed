import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { de } from '../../../src/renderer/i18n/de';
import { en } from '../../../src/renderer/i18n/en';

const root = join(__dirname, '../../..');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}
const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('layering', () => {
  it('src/shared imports nothing from Electron, Node, the DOM, React or src/main', () => {
    const bad = files(join(root, 'src/shared')).flatMap((file) =>
      importsOf(file)
        .filter(
          (spec) =>
            /^(electron|node:|fs$|path$|react|react-dom)/.test(spec) ||
            spec.includes('/main/') ||
            spec.includes('/renderer/'),
        )
        .map((spec) => `${relative(root, file)}: ${spec}`),
    );
    expect(bad).toEqual([]);
    const domUse = files(join(root, 'src/shared')).filter((file) =>
      // A global, not a property of that name (a maintenance window's `m.window.kind`).
      /(?<![.\w])(window|document|localStorage)\.[a-zA-Z]/.test(readFileSync(file, 'utf8')),
    );
    expect(domUse).toEqual([]);
  });

  it('in src/main every arrow points down: the store knows no service, a service no composition', () => {
    const layer = (file: string) => relative(join(root, 'src/main'), file).split(/[\\/]/)[0]!;
    // Lower layers may not import from higher ones; app/ composes the services and sits above them.
    const above: Record<string, readonly string[]> = {
      store: ['services', 'queries', 'app', 'host', 'transports', 'electron', 'tools'],
      files: ['services', 'queries', 'app', 'host', 'transports', 'electron', 'tools', 'store'],
      queries: ['services', 'app', 'host', 'transports', 'electron', 'tools'],
      services: ['app', 'host', 'transports', 'electron', 'tools'],
    };
    const bad = files(join(root, 'src/main')).flatMap((file) => {
      const forbidden = above[layer(file)] ?? [];
      return importsOf(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => relative(join(root, 'src/main'), join(file, '..', spec)).split(/[\\/]/)[0]!)
        .filter((target) => forbidden.includes(target))
        .map((target) => `${relative(root, file)} → ${target}`);
    });
    expect(bad).toEqual([]);
  });

  it('src/renderer imports nothing from Electron, Node built-ins or src/main', () => {
    const bad = files(join(root, 'src/renderer')).flatMap((file) =>
      importsOf(file)
        .filter(
          (spec) => /^(electron|node:|fs$|path$|child_process|worker_threads)/.test(spec) || spec.includes('/main/'),
        )
        .map((spec) => `${relative(root, file)}: ${spec}`),
    );
    expect(bad).toEqual([]);
  });
});

type Tree = { [key: string]: string | Tree };
const has = (tree: Tree, key: string): boolean => {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return false;
    node = node[part] ?? node[`${part}_one`];
  }
  return node !== undefined;
};

describe('renderer texts', () => {
  it('every literal t() key used in the renderer exists in German and English', () => {
    const keys = new Set(
      files(join(root, 'src/renderer')).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z_.]+)'/g)].map((m) => m[1]!),
      ),
    );
    expect(keys.size).toBeGreaterThan(50);
    const missing = [...keys].filter((key) => !has(de as Tree, key) || !has(en as Tree, key));
    expect(missing).toEqual([]);
  });
});
