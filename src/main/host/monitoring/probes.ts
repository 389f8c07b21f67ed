import { execFile } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { readdir, stat } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as netConnect, isIP } from 'node:net';
import { join } from 'node:path';
import { checkServerIdentity, connect as tlsConnect, type PeerCertificate, type TLSSocket } from 'node:tls';
import type { Check, CheckTarget, Sample } from '../../../shared/domain/monitoring';
import { cleanText } from '../../../shared/domain/textPolicy';

/** What one probe saw; the runner stamps the time. */
export type ProbeResult = Omit<Sample, 'at'>;
type Target<K extends CheckTarget['kind']> = Extract<CheckTarget, { kind: K }>;

/** Only this much of a body is read (for the keyword); a 10 GB answer costs one megabyte. */
export const MAX_BODY_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 5;
const DAY = 86_400_000;

/** What a target answered is outside text: made one clean line (the text policy) before it is stored. */
export const cleanMessage = (message: string): string => cleanText(message, true).slice(0, 500);
const failed = (message: string, latencyMs: number | null = null): ProbeResult => ({
  outcome: 'failed',
  latencyMs,
  message: cleanMessage(message),
  certExpiresAt: null,
});
const elapsed = (start: number) => Math.max(0, Math.round(performance.now() - start));
const certEnd = (cert: PeerCertificate | undefined) =>
  cert?.valid_to ? new Date(Date.parse(cert.valid_to)).toISOString() : null;
const reason = (error: unknown) => {
  const e = error as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'name not found',
    EAI_AGAIN: 'name lookup failed',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    CERT_HAS_EXPIRED: 'certificate expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
    SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in chain',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificate chain incomplete',
    ERR_TLS_CERT_ALTNAME_INVALID: 'certificate does not match the host name',
  };
  return (e.code && Object.hasOwn(known, e.code) ? known[e.code] : undefined) ?? e.message ?? String(error);
};

/** Runs `work` until it settles or `ms` pass; the signal tells it to tear its sockets down. */
function withTimeout<T>(ms: number, work: (signal: AbortSignal) => Promise<T>, onTimeout: () => T): Promise<T> {
  const controller = new AbortController();
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => {
      controller.abort();
      resolve(onTimeout());
    }, ms);
    work(controller.signal).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve(failed(reason(error)) as T);
      },
    );
  });
}

/** Reads up to MAX_BODY_BYTES and whether the keyword is in it; stops reading as soon as it is found. */
function bodyContains(response: IncomingMessage, keyword: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    let seen = '';
    let size = 0;
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      size += Buffer.byteLength(chunk);
      // Keep only what a keyword spanning two chunks needs.
      seen = (seen + chunk).slice(-(keyword.length + chunk.length));
      if (seen.includes(keyword)) {
        response.destroy();
        resolve(true);
      } else if (size >= MAX_BODY_BYTES) {
        response.destroy();
        resolve(false);
      }
    });
    response.on('end', () => resolve(seen.includes(keyword)));
    response.on('error', reject);
  });
}

async function probeHttp(target: Target<'http'>, signal: AbortSignal): Promise<ProbeResult> {
  const start = performance.now();
  let url = new URL(target.url);
  for (let hop = 0; ; hop += 1) {
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
        method: 'GET',
        signal,
        headers: { 'user-agent': 'Leitstand-Monitoring/1', accept: '*/*' },
      });
      request.on('response', resolve);
      request.on('error', reject);
      request.end();
    });
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    const cert = url.protocol === 'https:' ? certEnd((response.socket as TLSSocket).getPeerCertificate?.()) : null;
    if (target.followRedirects && status >= 300 && status < 400 && location) {
      response.destroy();
      if (hop >= MAX_REDIRECTS) return failed(`more than ${MAX_REDIRECTS} redirects`, elapsed(start));
      url = new URL(location, url);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return failed(`redirect to ${url.protocol}`);
      continue;
    }
    const latencyMs = elapsed(start);
    if (status < target.statusMin || status > target.statusMax) {
      response.destroy();
      return { ...failed(`HTTP ${status}`, latencyMs), certExpiresAt: cert };
    }
    if (target.keyword && !(await bodyContains(response, target.keyword)))
      return { ...failed(`HTTP ${status}, "${target.keyword}" not in the answer`, latencyMs), certExpiresAt: cert };
    response.destroy();
    const slow = target.slowMs > 0 && latencyMs > target.slowMs;
    return {
      outcome: slow ? 'degraded' : 'ok',
      latencyMs,
      message: slow ? `HTTP ${status}, slow: ${latencyMs} ms > ${target.slowMs} ms` : `HTTP ${status}`,
      certExpiresAt: cert,
    };
  }
}

function probeTcp(target: Target<'tcp'>, signal: AbortSignal): Promise<ProbeResult> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: target.host, port: target.port, signal });
    socket.once('connect', () => {
      socket.destroy();
      resolve({ outcome: 'ok', latencyMs: elapsed(start), message: `port ${target.port} open`, certExpiresAt: null });
    });
    socket.once('error', reject);
  });
}

function probeTls(target: Target<'tls'>, signal: AbortSignal, now: number): Promise<ProbeResult> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({
      host: target.host,
      port: target.port,
      ...(isIP(target.host) ? {} : { servername: target.host }),
      // Judged below, so an expired or self-signed certificate is reported as such, not as a refused connection.
      rejectUnauthorized: false,
    });
    signal.addEventListener('abort', () => socket.destroy(), { once: true });
    socket.once('secureConnect', () => {
      const latencyMs = elapsed(start);
      const cert = socket.getPeerCertificate();
      const authorizationError = socket.authorizationError;
      socket.destroy();
      const expiresAt = certEnd(cert);
      const days = expiresAt ? Math.floor((Date.parse(expiresAt) - now) / DAY) : null;
      const withCert = (result: ProbeResult): ProbeResult => ({ ...result, certExpiresAt: expiresAt });
      if (expiresAt && Date.parse(expiresAt) <= now) return resolve(withCert(failed('certificate expired', latencyMs)));
      if (authorizationError)
        return resolve(
          withCert(
            failed(reason({ code: String(authorizationError), message: String(authorizationError) }), latencyMs),
          ),
        );
      const mismatch = checkServerIdentity(target.host, cert);
      if (mismatch) return resolve(withCert(failed('certificate does not match the host name', latencyMs)));
      if (days !== null && days <= target.warnDays)
        return resolve(
          withCert({
            outcome: 'degraded',
            latencyMs,
            message: `certificate expires in ${days} days`,
            certExpiresAt: null,
          }),
        );
      resolve(
        withCert({ outcome: 'ok', latencyMs, message: `certificate valid for ${days} days`, certExpiresAt: null }),
      );
    });
    socket.once('error', reject);
  });
}

async function probeDns(target: Target<'dns'>): Promise<ProbeResult> {
  const start = performance.now();
  const addresses = (await lookup(target.name, { all: true })).map((a) => a.address);
  const latencyMs = elapsed(start);
  if (target.expect && !addresses.includes(target.expect))
    return failed(`resolves to ${addresses.join(', ')}, not ${target.expect}`, latencyMs);
  return { outcome: 'ok', latencyMs, message: `resolves to ${addresses.join(', ')}`, certExpiresAt: null };
}

function probePing(target: Target<'ping'>, timeoutSeconds: number, signal: AbortSignal): Promise<ProbeResult> {
  return new Promise((resolve) => {
    execFile(
      'ping',
      ['-c', '1', '-W', String(timeoutSeconds), '-n', target.host],
      { signal, timeout: timeoutSeconds * 1000 + 500, maxBuffer: 64 * 1024 },
      (error, stdout) => {
        const time = /time[=<]([\d.]+)\s*ms/.exec(stdout);
        const latencyMs = time ? Math.round(Number(time[1])) : null;
        if (!error) return resolve({ outcome: 'ok', latencyMs, message: 'ping answered', certExpiresAt: null });
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EACCES') return resolve(failed('ping is not available on this computer'));
        resolve(failed('no answer to ping'));
      },
    );
  });
}

async function probeFile(target: Target<'file'>, now: number): Promise<ProbeResult> {
  const start = performance.now();
  let names: string[];
  try {
    names = await readdir(target.folder);
  } catch (error) {
    return failed(`folder not readable: ${reason(error)}`);
  }
  let newest = 0;
  for (const name of names) {
    if (target.nameContains && !name.toLowerCase().includes(target.nameContains.toLowerCase())) continue;
    const info = await stat(join(target.folder, name)).catch(() => null);
    if (info?.isFile()) newest = Math.max(newest, info.mtimeMs);
  }
  const latencyMs = elapsed(start);
  if (newest === 0) return failed('no matching file in the folder', latencyMs);
  const hours = Math.floor((now - newest) / 3_600_000);
  if (now - newest > target.maxAgeHours * 3_600_000)
    return failed(`newest file is ${hours} h old (at most ${target.maxAgeHours} h)`, latencyMs);
  return { outcome: 'ok', latencyMs, message: `newest file is ${hours} h old`, certExpiresAt: null };
}

/** A heartbeat is judged, not fetched: silence longer than period + grace fails. Null: no beat expected yet. */
export function judgeHeartbeat(target: Target<'heartbeat'>, lastBeatAt: string | null, since: number, now: number) {
  const limit = (target.periodMinutes + target.graceMinutes) * 60_000;
  const last = lastBeatAt ? Date.parse(lastBeatAt) : null;
  if (last === null && now - since <= limit) return null;
  const age = now - (last ?? since);
  const minutes = Math.floor(age / 60_000);
  if (age > limit) return failed(last === null ? 'no heartbeat received yet' : `no heartbeat for ${minutes} min`);
  return {
    outcome: 'ok',
    latencyMs: null,
    message: `last heartbeat ${minutes} min ago`,
    certExpiresAt: null,
  } satisfies ProbeResult;
}

/** One run of a check (without heartbeats, which are judged): ends at its timeout whatever the target does. */
export function probe(check: Check, now = Date.now()): Promise<ProbeResult> {
  const ms = check.timeoutSeconds * 1000;
  const timedOut = () => failed(`no answer within ${check.timeoutSeconds} s`, ms);
  const t = check.target;
  switch (t.kind) {
    case 'http':
      return withTimeout(ms, (signal) => probeHttp(t, signal), timedOut);
    case 'tcp':
      return withTimeout(ms, (signal) => probeTcp(t, signal), timedOut);
    case 'tls':
      return withTimeout(ms, (signal) => probeTls(t, signal, now), timedOut);
    case 'dns':
      return withTimeout(ms, () => probeDns(t), timedOut);
    case 'ping':
      return withTimeout(ms, (signal) => probePing(t, check.timeoutSeconds, signal), timedOut);
    case 'file':
      return withTimeout(ms, () => probeFile(t, now), timedOut);
    case 'heartbeat':
      return Promise.resolve(failed('a heartbeat is not probed'));
  }
}
