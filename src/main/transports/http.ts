import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { contract, isMethodName, type ChangeEvent } from '../../shared/contract';
import type { Language } from '../../shared/domain/enums';
import { AppError } from '../../shared/errors';
import { failure, type Dispatch } from '../dispatcher';
import { languageFromHeader } from '../i18n';
import { describeApi } from './apiDescription';
import { CONTENT_SECURITY_POLICY } from './csp';
import { drain, heartbeatLimiter, heartbeatRefusal, heartbeatSecret } from './heartbeatRoute';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export type HttpHostOptions = {
  dispatch: Dispatch;
  onChange: (listener: (change: ChangeEvent) => void) => () => void;
  token: string;
  /** Folder of the built renderer; absent: API only. */
  staticDir?: string;
  language: () => Language;
  port?: number;
};

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Blocks DNS rebinding and cross-site pages: Host must name this machine, and an Origin (when sent) must be this
 * host's own, port included: another local web app on another port is another site.
 */
export function isLoopbackRequest(req: IncomingMessage, ownPort?: number): boolean {
  const host = req.headers.host ?? '';
  const hostName = host.replace(/:\d+$/, '');
  if (!loopbackHosts.has(hostName)) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    const port = Number(url.port || 80);
    return (
      url.protocol === 'http:' &&
      loopbackHosts.has(url.hostname === '::1' ? '[::1]' : url.hostname) &&
      (ownPort === undefined || port === ownPort)
    );
  } catch {
    return false;
  }
}

function tokenMatches(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendJsonText(res, status, JSON.stringify(body));
}

function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: AppError, language: Language): void {
  const outcome = failure(error, language);
  sendJson(res, outcome.status, { ok: false, error: outcome.error });
}

/** Reads the body up to `limit` bytes; past it, stops reading and answers null. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handleCall(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  options: HttpHostOptions,
  language: Language,
) {
  const limit = (isMethodName(method) ? contract[method].maxBodyBytes : undefined) ?? DEFAULT_MAX_BODY_BYTES;
  const body = await readBody(req, limit);
  if (body === null) {
    res.setHeader('connection', 'close');
    return sendError(
      res,
      new AppError('payload_too_large', 'payload_too_large', { limit: `${Math.round(limit / 1024)} KB` }),
      language,
    );
  }
  let input: unknown = {};
  if (body.length > 0) {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json')
      return sendError(res, new AppError('unsupported_media_type', 'unsupported_media_type'), language);
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      return sendError(res, new AppError('invalid_input', 'invalid_json'), language);
    }
  }
  const outcome = await options.dispatch(method, input, language);
  if (outcome.ok) sendJsonText(res, 200, `{"ok":true,"value":${outcome.json}}`);
  else sendJson(res, outcome.status, { ok: false, error: outcome.error });
}

/** A client that stops reading gets dropped once this much is queued for it; its EventSource reconnects. */
export const MAX_STREAM_BUFFER_BYTES = 256 * 1024;

function handleEvents(
  req: IncomingMessage,
  res: ServerResponse,
  options: HttpHostOptions,
  streams: Set<ServerResponse>,
) {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  streams.add(res);
  const send = (text: string) => {
    if (res.writableLength > MAX_STREAM_BUFFER_BYTES) return res.destroy();
    res.write(text);
  };
  send(': connected\n\n');
  const unsubscribe = options.onChange((change) => send(`event: change\ndata: ${JSON.stringify(change)}\n\n`));
  const heartbeat = setInterval(() => send(': keep-alive\n\n'), 20_000);
  res.on('close', () => {
    streams.delete(res);
    clearInterval(heartbeat);
    unsubscribe();
  });
}

async function serveStatic(res: ServerResponse, staticDir: string, urlPath: string): Promise<boolean> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return false;
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const file = join(staticDir, relative === '' ? 'index.html' : relative);
  if (!file.startsWith(staticDir + sep) && file !== staticDir) return false;
  try {
    const content = await readFile(file);
    const isIndex = file.endsWith('index.html');
    res.writeHead(200, {
      'content-type': mimeTypes[extname(file)] ?? 'application/octet-stream',
      'content-length': content.length,
      'content-security-policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': isIndex ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    res.end(content);
    return true;
  } catch {
    return false;
  }
}

export type HttpHost = {
  server: Server;
  /** Ends every event stream (a stop: they never end by themselves). */ closeStreams: () => void;
};

export function createHttpHost(options: HttpHostOptions): HttpHost {
  const streams = new Set<ServerResponse>();
  const allowHeartbeat = heartbeatLimiter();
  const server = createServer((req, res) => {
    const language = languageFromHeader(req.headers['accept-language'], options.language());
    const route = async () => {
      const address = server.address();
      const ownPort = address && typeof address === 'object' ? address.port : undefined;
      if (!isLoopbackRequest(req, ownPort))
        return sendError(res, new AppError('forbidden', 'forbidden_host'), language);
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://127.0.0.1');
      } catch {
        return sendError(res, new AppError('invalid_input', 'invalid_url'), language);
      }
      // A job's heartbeat (monitoring): no token, the check's secret in the path; POST, tiny, rate-limited.
      if (url.pathname.startsWith('/heartbeat/')) {
        const secret = heartbeatSecret(url.pathname);
        const refusal = heartbeatRefusal(req, secret, allowHeartbeat);
        drain(req, res);
        if (refusal || !secret)
          return sendError(res, refusal ?? new AppError('not_found', 'not_found_route'), language);
        const outcome = await options.dispatch('monitoring.heartbeat', { secret }, language);
        if (outcome.ok) return sendJsonText(res, 200, `{"ok":true,"value":${outcome.json}}`);
        return sendJson(res, outcome.status, { ok: false, error: outcome.error });
      }
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
        if (!tokenMatches(req, options.token))
          return sendError(res, new AppError('unauthorized', 'unauthorized'), language);
        if (req.method === 'GET' && url.pathname === '/api') return sendJson(res, 200, describeApi());
        if (req.method === 'GET' && url.pathname === '/api/events') return handleEvents(req, res, options, streams);
        if (req.method === 'POST') return handleCall(req, res, url.pathname.slice('/api/'.length), options, language);
        return sendError(res, new AppError('not_found', 'not_found_route'), language);
      }
      if (!isDecodable(url.pathname)) return sendError(res, new AppError('invalid_input', 'invalid_url'), language);
      if (req.method === 'GET' && options.staticDir && (await serveStatic(res, options.staticDir, url.pathname)))
        return;
      return sendError(res, new AppError('not_found', 'not_found_route'), language);
    };
    route().catch((error: unknown) => {
      console.error('[leitstand] http', error);
      if (!res.headersSent) sendError(res, new AppError('internal', 'internal'), language);
      else res.end();
    });
  });
  return {
    server,
    closeStreams: () => {
      for (const stream of streams) stream.end();
    },
  };
}

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
