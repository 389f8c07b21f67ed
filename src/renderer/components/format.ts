import i18next from 'i18next';

const locale = () => (i18next.language === 'de' ? 'de-DE' : 'en-GB');

/** Intl formatters are slow to build and cells render many times a second while scrolling: build each once. */
const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: (locale: string) => T,
): T {
  const id = `${locale()}|${key}`;
  let found = cache.get(id) as T | undefined;
  if (!found) {
    found = make(locale());
    cache.set(id, found);
  }
  return found;
}
const dateTime = () =>
  formatter('dateTime', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' }));
const date = () => formatter('date', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium' }));
const relative = () =>
  formatter('relative', (l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto', style: 'short' }));

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  return dateTime().format(new Date(iso));
}

/** "vor 5 Min." / "5 min ago": how long a request has waited, at a glance. */
export function formatAge(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return relative().format(seconds, 'second');
  if (abs < 3600) return relative().format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return relative().format(Math.round(seconds / 3600), 'hour');
  if (abs < 86_400 * 30) return relative().format(Math.round(seconds / 86_400), 'day');
  return date().format(new Date(iso));
}

const due = () =>
  formatter(
    'due',
    (l) =>
      new Intl.DateTimeFormat(l, {
        weekday: 'short',
        day: '2-digit',
        month: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      }),
  );

/** A deadline, short: "Di., 02.12., 09:00" / "Wed 02/12, 09:00". */
export function formatDue(iso: string): string {
  return due().format(new Date(iso));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A calendar day ("2026-12-03") as the user reads dates; no time zone shift (it is a day, not an instant). */
export function formatDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return date().format(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}
