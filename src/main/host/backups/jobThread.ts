import { Worker } from 'node:worker_threads';
import { deserializeError } from '../../app/errors';
import type { SerializedError } from '../../app/protocol';
import type { JobRunner } from './service';
import type { Job } from './types';

export type JobMessage = { type: 'job'; ok: true; json: string } | { type: 'job'; ok: false; error: SerializedError };

/**
 * Each job in a thread of its own (the store worker's file in `job` mode): copying, encrypting and checking a
 * 350 MB database takes seconds of CPU and disk that neither the store's thread nor the UI's may wait for.
 */
export function threadJobRunner(workerFile: string): JobRunner {
  return ((job: Job) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerFile, { workerData: { mode: 'job', job } });
      let settled = false;
      worker.once('message', (message: JobMessage) => {
        settled = true;
        if (message.ok) resolve(JSON.parse(message.json));
        else reject(deserializeError(message.error));
      });
      worker.once('error', (error) => {
        settled = true;
        reject(error);
      });
      worker.once('exit', (code) => {
        if (!settled) reject(new Error(`backup job ended with code ${code}`));
      });
    })) as JobRunner;
}

/** The same jobs in this thread: for tests and the command-line restore. */
export function inProcessJobRunner(): JobRunner {
  return (async (job: Job) => {
    const { runJob } = await import('./runJob');
    return JSON.parse(JSON.stringify(await runJob(job)));
  }) as JobRunner;
}
