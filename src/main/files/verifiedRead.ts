import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { AppError } from '../../shared/errors';

export type FileExpectation = { sha256: string; size?: number };
export type FileProblem = 'missing' | 'size' | 'hash';

/** What is wrong with a stored file against its row, or null when it is what the row says. */
export function fileProblem(path: string, expected: FileExpectation): FileProblem | null {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return 'missing';
  }
  if (expected.size !== undefined && size !== expected.size) return 'size';
  const actual = createHash('sha256').update(readFileSync(path)).digest('hex');
  return actual === expected.sha256 ? null : 'hash';
}

/**
 * Reads a stored file only if it is exactly what its row recorded: a missing, emptied or changed file is refused
 * with an `integrity` error naming it, never served with wrong bytes.
 */
export function readVerified(path: string, expected: FileExpectation, shownName: string): Buffer {
  let content: Buffer;
  try {
    content = readFileSync(path);
  } catch {
    throw new AppError('integrity', 'file_missing', { file: shownName });
  }
  const actual = createHash('sha256').update(content).digest('hex');
  if ((expected.size !== undefined && content.length !== expected.size) || actual !== expected.sha256)
    throw new AppError('integrity', 'file_changed', { file: shownName });
  return content;
}
