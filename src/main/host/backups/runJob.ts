import { makeKeys, restoreBackup, runBackup, verifyBackup } from './job';
import type { Job } from './types';

/** Runs one job by its kind (in the job thread, or in-process in tests and tools). */
export function runJob(job: Job): Promise<unknown> {
  switch (job.kind) {
    case 'backup':
      return runBackup(job);
    case 'verify':
      return verifyBackup(job);
    case 'restore':
      return restoreBackup(job);
    case 'keys':
      return makeKeys(job);
  }
}
