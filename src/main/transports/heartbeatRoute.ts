import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../../shared/errors';

/** A heartbeat is tiny: anything larger is refused unread. */
export const HEARTBEAT_MAX_BODY_BYTES = 1024;
/** Per secret one beat a second; all secrets together (guessing included) 20 a second. */
const PER_SECRET_MS = 1000;
const ALL_PER_SECOND = 20;

/**
 * Rate limits of the heartbeat route: a job that loops, or someone trying secrets, is answered 429 without
 * reaching the store.
 */
export function heartbeatLimiter(now: () => number = Date.now) {
  const lastBySecret = new Map<string, number>();
  let windowStart = 0;
  let inWindow = 0;
  return (secret: string): boolean => {
    const at = now();
    if (at - windowStart >= 1000) {
      windowStart = at;
      inWindow = 0;
      // Forgotten after a minute, so the map stays small.
      for (const [key, last] of lastBySecret) if (at - last > 60_000) lastBySecret.delete(key);
    }
    inWindow += 1;
    if (inWindow > ALL_PER_SECOND) return false;
    const last = lastBySecret.get(secret);
    if (last !== undefined && at - last < PER_SECRET_MS) return false;
    lastBySecret.set(secret, at);
    return true;
  };
}

/** The secret of a heartbeat path (/heartbeat/<secret>), or null. */
export function heartbeatSecret(pathname: string): string | null {
  const match = /^\/heartbeat\/([A-Za-z0-9_-]{16,64})\/?$/.exec(pathname);
  return match ? match[1]! : null;
}

/** Whether the request may reach the store: POST, a tiny body, within the rate. */
export function heartbeatRefusal(
  req: IncomingMessage,
  secret: string | null,
  allowed: (secret: string) => boolean,
): AppError | null {
  if (req.method !== 'POST') return new AppError('method_not_allowed', 'heartbeat_method');
  if (!secret) return new AppError('not_found', 'monitoring_heartbeat_unknown');
  if (Number(req.headers['content-length'] ?? 0) > HEARTBEAT_MAX_BODY_BYTES || req.headers['transfer-encoding'])
    return new AppError('payload_too_large', 'payload_too_large', { limit: '1 KB' });
  if (!allowed(secret)) return new AppError('rate_limited', 'monitoring_heartbeat_rate');
  return null;
}

export const drain = (req: IncomingMessage, res: ServerResponse) => {
  res.setHeader('connection', 'close');
  req.resume();
};
