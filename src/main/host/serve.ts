import { enableCompileCache } from 'node:module';

// `npm run serve -- --data DIR [--port N]`: the headless host. V8's compiled code of the bundles is kept on disk
// (Node's compile cache, in the system's temporary folder): every start after the first skips compiling them, a
// third of the time to the first answer. Everything else loads after the cache is on.
enableCompileCache?.();
void import('./serveMain').then(({ serve }) => serve(__dirname));
