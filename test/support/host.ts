import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** The built headless host on `dataDir`: the whole desk in its own process, as it runs for real. */
export async function startHost(dataDir: string, env: Record<string, string> = {}) {
  const child: ChildProcess = spawn(process.execPath, [join(root, 'out/main/serve.js'), '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  const { url, token } = await new Promise<{ url: string; token: string }>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`host did not start: ${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Leitstand listening on (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        done({ url: match[1], token: match[2] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const response = await fetch(`${url}/api/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!response.ok) throw new Error(`${method}: ${JSON.stringify(body)}`);
    return (body as { value?: T }).value ?? (body as T);
  };
  const kill = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });
  return { call, kill };
}
