import { migration001 } from './001-initial';
import type { Migration } from './types';

/** Append-only: a released migration is never edited, only followed by a new one. */
export const migrations: readonly Migration[] = [migration001];
export const latestSchemaVersion = migrations.length;
