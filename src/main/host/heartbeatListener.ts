import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Language } from '../../shared/domain/enums';
import type { Dispatch } from '../dispatcher';
import { createHttpHost } from '../transports/http';

/**
 * The desktop app speaks IPC, not HTTP; a job's heartbeat needs an address. This listener on 127.0.0.1 serves the
 * heartbeat route (its API answers nobody: the token is random and never given out). A port in use is reported,
 * not fatal: the desk works without it.
 */
export async function startHeartbeatListener(
  dispatch: Dispatch,
  language: () => Language,
  port: number,
): Promise<{ port: number; close: () => Promise<void> } | null> {
  const { server } = createHttpHost({
    dispatch,
    onChange: () => () => {},
    token: randomBytes(24).toString('base64url'),
    language,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    console.warn(`[leitstand] heartbeat port ${port} not available`, error);
    return null;
  }
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
