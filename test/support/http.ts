import type { AddressInfo } from 'node:net';
import { createHttpHost } from '../../src/main/transports/http';
import { testStore } from './store';

/** The HTTP transport over an in-process store, on a free loopback port. */
export async function testHttpHost() {
  const t = testStore();
  const token = 'test-token-0123456789';
  const { server } = createHttpHost({ dispatch: t.dispatch, onChange: t.store.onChange, token, language: () => 'de' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    ...t,
    url,
    token,
    post,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    },
  };
}
