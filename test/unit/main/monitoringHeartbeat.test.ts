import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { erp } from '../../support/directory';
import { testHttpHost } from '../../support/http';

let h: Awaited<ReturnType<typeof testHttpHost>>;
let path: string;
beforeEach(async () => {
  h = await testHttpHost();
  await h.call('directory.systems.save', { system: erp });
  const saved = await h.call('monitoring.checks.save', {
    check: { systemId: 1, name: 'Nachtsicherung', target: { kind: 'heartbeat', periodMinutes: 1440 } },
  });
  path = saved.heartbeatPath!;
});
afterEach(() => h.close());

describe('POST /heartbeat/<secret>', () => {
  it('takes a beat without a token, by the secret alone, and the check knows when', async () => {
    const response = await fetch(`${h.url}${path}`, { method: 'POST' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; value: { checkId: number; at: string } };
    expect(body.ok).toBe(true);
    const plan = await h.call('monitoring.plan', {});
    expect(plan.entries[0]?.lastBeatAt).toBe(body.value.at);
  });
  it('refuses GET, an unknown secret, a large body and a second beat within the second', async () => {
    expect((await fetch(`${h.url}${path}`)).status).toBe(405);
    const unknown = await fetch(`${h.url}/heartbeat/AAAAAAAAAAAAAAAAAAAAAAAA`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe(
      'Diesen Heartbeat-Schlüssel kennt keine Prüfung.',
    );
    // A path that leaves /heartbeat/ is an API call like any other: it needs the token.
    expect((await fetch(`${h.url}/heartbeat/../api/monitoring.status`, { method: 'POST' })).status).toBe(401);
    const large = await fetch(`${h.url}${path}`, { method: 'POST', body: 'x'.repeat(4096) });
    expect(large.status).toBe(413);
    expect((await fetch(`${h.url}${path}`, { method: 'POST' })).status).toBe(200);
    expect((await fetch(`${h.url}${path}`, { method: 'POST' })).status).toBe(429);
  });
  it('holds back someone trying secrets: at most 20 tries a second reach the store', async () => {
    const tries = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        fetch(`${h.url}/heartbeat/guess${String(i).padStart(16, '0')}`, { method: 'POST' }).then((r) => r.status),
      ),
    );
    expect(tries.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
    expect(tries.filter((s) => s === 404).length).toBeLessThanOrEqual(20);
  });
});

describe('the desktop app’s heartbeat listener', () => {
  it('takes heartbeats on its own loopback port and steps aside when the port is taken', async () => {
    const { startHeartbeatListener } = await import('../../../src/main/host/heartbeatListener');
    const listener = await startHeartbeatListener(h.dispatch, () => 'en', 0);
    expect(listener).not.toBeNull();
    const beat = await fetch(`http://127.0.0.1:${listener!.port}${path}`, { method: 'POST' });
    expect(beat.status).toBe(200);
    // Its API is closed: the token is random and nobody has it.
    const api = await fetch(`http://127.0.0.1:${listener!.port}/api/monitoring.status`, { method: 'POST' });
    expect(api.status).toBe(401);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await startHeartbeatListener(h.dispatch, () => 'en', listener!.port)).toBeNull();
    warn.mockRestore();
    await listener!.close();
  });
});
