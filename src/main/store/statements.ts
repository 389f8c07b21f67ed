import type { StatementSync } from 'node:sqlite';
import type { Db } from './database';

const MAX_CACHED = 256;
const caches = new WeakMap<Db, Map<string, StatementSync>>();

/**
 * A prepared statement for `sql`, prepared once per connection. Preparing costs more than running most
 * of our queries, so every query module goes through here. Least recently used statements fall out.
 */
export function sql(db: Db, text: string): StatementSync {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(text);
  if (hit) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const statement = db.prepare(text);
  cache.set(text, statement);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  return statement;
}
