import { request, type IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methodNames } from '../../../src/shared/contract';
import { testHttpHost } from '../../support/http';
import { outlookTicket } from '../../support/store';

let h: Awaited<ReturnType<typeof testHttpHost>>;
beforeEach(async () => {
  h = await testHttpHost();
});
afterEach(() => h.close());

/** A raw request, so that Host and Origin can be set to anything. */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { port } = new URL(h.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP API', () => {
  it('answers a call with ok and value', async () => {
    const res = await h.post('tickets.create', outlookTicket);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; value: { number: string } };
    expect(body).toMatchObject({ ok: true, value: { number: '2026-0001' } });
  });

  it('answers errors with a status, a code and a message in the requested language', async () => {
    const res = await h.post('tickets.get', { id: 42 }, { 'accept-language': 'en-GB,en;q=0.8' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'not_found', message: 'Ticket 42 not found.' } });
    const german = await h.post('tickets.get', { id: 42 });
    expect(((await german.json()) as { error: { message: string } }).error.message).toBe('Ticket 42 nicht gefunden.');
  });

  it('refuses a missing or wrong token with 401', async () => {
    const missing = await fetch(`${h.url}/api/settings.get`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(401);
    const wrong = await h.post('settings.get', {}, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('refuses a Host or Origin that is not loopback with 403', async () => {
    const auth = { authorization: `Bearer ${h.token}` };
    const port = new URL(h.url).port;
    expect((await rawGet('/api', { ...auth, host: `evil.example:${port}` })).status).toBe(403);
    expect((await rawGet('/api', { ...auth, host: `127.0.0.1:${port}`, origin: 'https://evil.example' })).status).toBe(
      403,
    );
    expect(
      (await rawGet('/api', { ...auth, host: `localhost:${port}`, origin: `http://localhost:${port}` })).status,
    ).toBe(200);
  });

  it('accepts only its own origin: another loopback port is another site', async () => {
    const auth = { authorization: `Bearer ${h.token}` };
    const port = Number(new URL(h.url).port);
    const other = port === 65535 ? port - 1 : port + 1;
    expect(
      (await rawGet('/api', { ...auth, host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${other}` })).status,
    ).toBe(403);
    expect(
      (await rawGet('/api', { ...auth, host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` })).status,
    ).toBe(200);
  });

  it('answers an undecodable address with 400, never 500', async () => {
    for (const path of ['/%', '/%zz', '/assets/%E0%A4%A']) {
      const res = await rawGet(path, { host: `127.0.0.1:${new URL(h.url).port}` });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('refuses a body that is not application/json with 415 and writes nothing', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await h.post('tickets.create', outlookTicket, { 'content-type': type });
      expect(res.status).toBe(415);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unsupported_media_type' } });
    }
    expect(
      (await h.post('tickets.create', outlookTicket, { 'content-type': 'application/json; charset=utf-8' })).status,
    ).toBe(200);
    expect((await (await h.post('tickets.list', {})).json()).value.total).toBe(1);
  });

  it('takes every body up to the size its contract allows (a 10 MB reply mail), and refuses larger ones', async () => {
    const { contract } = await import('../../../src/shared/contract');
    const { z } = await import('zod');
    for (const name of methodNames) {
      const schema = JSON.stringify(z.toJSONSchema(contract[name].input, { unrepresentable: 'any' }));
      const longest = Math.max(0, ...[...schema.matchAll(/"maxLength":(\d+)/g)].map((m) => Number(m[1])));
      const limit = contract[name].maxBodyBytes ?? 1024 * 1024;
      // A field's largest allowed value (ASCII, e.g. base64) must fit into the body the transport accepts.
      expect({ name, fits: limit >= longest }).toEqual({ name, fits: true });
    }
  });

  it('answers in the language the caller weighs highest (q-values)', async () => {
    const message = async (acceptLanguage: string) =>
      (
        (await (await h.post('tickets.get', { id: 999 }, { 'accept-language': acceptLanguage })).json()) as {
          error: { message: string };
        }
      ).error.message;
    expect(await message('en;q=0.4, de;q=0.9')).toContain('nicht gefunden');
    expect(await message('de;q=0.1, en')).toContain('not found');
    expect(await message('fr, en;q=0.8, de;q=0.7')).toContain('not found');
  });

  it('refuses an oversized body with 413 and writes nothing', async () => {
    const res = await h.post('tickets.create', { ...outlookTicket, description: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    const list = await (await h.post('tickets.list', {})).json();
    expect(list).toMatchObject({ value: { total: 0 } });
  });

  it('refuses a body that is not JSON with invalid_input', async () => {
    const res = await h.post('tickets.create', '{"title": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Der Inhalt der Anfrage ist kein gültiges JSON.' },
    });
  });

  it('lists every method with JSON Schemas of input and output', async () => {
    const res = await fetch(`${h.url}/api`, { headers: { authorization: `Bearer ${h.token}` } });
    const body = (await res.json()) as { methods: { name: string; input: { type: string }; output: object }[] };
    expect(body.methods.map((m) => m.name).sort()).toEqual([...methodNames].sort());
    const create = body.methods.find((m) => m.name === 'tickets.create');
    expect(create?.input).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: expect.arrayContaining(['title', 'channel']),
    });
  });

  it('pushes committed changes over server-sent events', async () => {
    const controller = new AbortController();
    const res = await fetch(`${h.url}/api/events`, {
      headers: { authorization: `Bearer ${h.token}` },
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    await h.post('tickets.create', outlookTicket);
    let text = '';
    while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toBe('event: change\ndata: {"entity":"ticket","ids":[1]}\n\n');
    controller.abort();
  });
});

describe('event stream under a client that stops reading', () => {
  it('drops the client once its queue passes the bound, instead of piling up memory', async () => {
    const { createHttpHost, MAX_STREAM_BUFFER_BYTES } = await import('../../../src/main/transports/http');
    const listeners = new Set<(change: never) => void>();
    const token = 'stream-token-0123456789';
    const { server } = createHttpHost({
      dispatch: async () => ({ ok: true, json: 'null' }),
      onChange: (listener) => {
        listeners.add(listener as (change: never) => void);
        return () => listeners.delete(listener as (change: never) => void);
      },
      token,
      language: () => 'de',
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const response = await new Promise<IncomingMessage>((resolve) =>
      request(
        { host: '127.0.0.1', port, path: '/api/events', headers: { authorization: `Bearer ${token}` } },
        resolve,
      ).end(),
    );
    response.pause(); // reads nothing more
    expect(listeners.size).toBe(1);
    const big = { entity: 'ticket', ids: Array.from({ length: 20_000 }, (_, i) => i) } as never;
    for (let i = 0; i < 400 && listeners.size > 0; i += 1) {
      for (const listener of listeners) listener(big);
      await new Promise((r) => setTimeout(r, 5));
    }
    // Dropped: its listener is gone, so nothing more is queued for it (it reconnects when it reads again).
    expect(listeners.size).toBe(0);
    expect(MAX_STREAM_BUFFER_BYTES).toBeLessThanOrEqual(1024 * 1024);
    response.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
});
