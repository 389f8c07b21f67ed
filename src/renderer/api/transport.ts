import type { ChangeEvent, ShellCommand } from '../../shared/contract';

export type CallAnswer =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; details?: unknown } };
export type { ShellCommand };

export type Transport = {
  kind: 'ipc' | 'http';
  invoke: (method: string, input: unknown, language: string) => Promise<CallAnswer>;
  /**
   * Committed changes and shell commands pushed by main; `onResync` when the push channel came back after a break,
   * so views fetch again what they may have missed.
   */
  subscribe: (
    onChange: (change: ChangeEvent) => void,
    onCommand: (command: ShellCommand) => void,
    onResync: () => void,
  ) => () => void;
};

type Bridge = {
  invoke: (method: string, input: unknown) => Promise<CallAnswer>;
  subscribe: (
    listener: (message: { type: 'change'; change: ChangeEvent } | { type: 'command'; command: ShellCommand }) => void,
  ) => () => void;
};

declare global {
  // oxlint-disable-next-line typescript/consistent-type-definitions -- a global augmentation must be an interface
  interface Window {
    leitstand?: Bridge;
  }
}

function ipcTransport(bridge: Bridge): Transport {
  return {
    kind: 'ipc',
    invoke: (method, input) => bridge.invoke(method, input),
    subscribe: (onChange, onCommand) =>
      bridge.subscribe((message) =>
        message.type === 'change' ? onChange(message.change) : onCommand(message.command),
      ),
  };
}

const TOKEN_KEY = 'leitstand.token';

/** The headless host hands the token over in the URL fragment once; it then lives in this tab's session. */
export function takeTokenFromLocation(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', `${window.location.pathname}#/tickets`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Reads server-sent events through fetch, so the token travels in a header and never in a URL. */
async function readEvents(
  token: string,
  signal: AbortSignal,
  onChange: (change: ChangeEvent) => void,
  onOpen: () => void,
): Promise<void> {
  const response = await fetch('/api/events', { headers: { authorization: `Bearer ${token}` }, signal });
  if (!response.ok || !response.body) return;
  onOpen();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').find((line) => line.startsWith('data: '));
      if (data) onChange(JSON.parse(data.slice(6)) as ChangeEvent);
      end = buffer.indexOf('\n\n');
    }
  }
}

function httpTransport(token: string): Transport {
  return {
    kind: 'http',
    invoke: async (method, input, language) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': language },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as CallAnswer;
    },
    subscribe: (onChange, _onCommand, onResync) => {
      const controller = new AbortController();
      const FIRST_DELAY = 500;
      let connectedBefore = false;
      const connect = (delay: number) => {
        let next = Math.min(delay * 2, 10_000);
        const opened = () => {
          // A good connection resets the backoff; after a break, views refetch what a dropped stream missed.
          next = FIRST_DELAY;
          if (connectedBefore) onResync();
          connectedBefore = true;
        };
        readEvents(token, controller.signal, onChange, opened)
          .catch(() => undefined)
          .finally(() => {
            if (!controller.signal.aborted) setTimeout(() => connect(next), next === FIRST_DELAY ? FIRST_DELAY : delay);
          });
      };
      connect(FIRST_DELAY);
      return () => controller.abort();
    },
  };
}

export function createTransport(): Transport | null {
  if (window.leitstand) return ipcTransport(window.leitstand);
  const token = takeTokenFromLocation();
  return token ? httpTransport(token) : null;
}
