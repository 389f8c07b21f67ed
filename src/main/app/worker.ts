import { enableCompileCache } from 'node:module';

// The store worker's entry: the compile cache first (see host/serve.ts), then the worker itself.
enableCompileCache?.();
void import('./workerMain');
