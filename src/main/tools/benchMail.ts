import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contract, type MethodName } from '../../shared/contract';
import { createEngine } from '../app/engine';
import { parseMailFile } from '../host/mail/parse';
import { stats, type Stats } from './benchStats';

export type MailResults = {
  mails: number;
  totalMs: number;
  perMail: Stats;
  outcomes: Record<string, number>;
  bomb: { mails: number; held: number; totalMs: number };
};

/** A mail as a client writes it: some new requests, some answers to our tag, some out-of-office replies. */
function mailOf(i: number, numbers: string[]): string {
  const sender = `person${i % 200}@example.de`;
  const kind = i % 20 === 7 ? 'auto' : i % 5 === 3 && numbers.length ? 'answer' : 'new';
  const subject =
    kind === 'answer'
      ? `AW: [LS-${numbers[i % numbers.length]}] Rückfrage`
      : kind === 'auto'
        ? 'Automatische Antwort: Ihre Meldung'
        : `Anfrage ${i}: Drucker im ${i % 4}. OG`;
  return [
    `From: Person ${i % 200} <${sender}>`,
    'To: it@firma.test',
    `Subject: ${subject}`,
    `Message-ID: <bench-${i}@example.de>`,
    `Date: ${new Date(Date.now() - (1000 - i) * 60_000).toUTCString()}`,
    ...(kind === 'auto' ? ['Auto-Submitted: auto-replied'] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Hallo, der Drucker druckt seit heute nicht mehr (${i}). Grüße`,
    '',
    `Am ${new Date().toLocaleDateString('de-DE')} schrieb IT <it@firma.test>:`,
    '> Ihre Meldung ist eingegangen.',
    '',
  ].join('\r\n');
}

/** Takes 1,000 mails in as files (parse + ingest, each its own transaction), then a mail bomb of 1,000. */
export async function mailBench(count = 1000): Promise<MailResults> {
  const dir = mkdtempSync(join(tmpdir(), 'leitstand-mail-'));
  const engine = createEngine({ dataDir: dir });
  try {
    engine.applyCheck('quick', []);
    const run = async <T>(method: MethodName, input: unknown) =>
      (await engine.execute(method, contract[method].input.parse(input) as never).value) as T;
    // The sender limit is lifted for the first part: 200 senders writing five mails each is no bomb.
    await run('mail.settings.update', { settings: { reopenDays: 14, holdCount: 10_000, holdMinutes: 10 } });
    const numbers: string[] = [];
    const outcomes: Record<string, number> = {};
    const times: number[] = [];
    const started = performance.now();
    for (let i = 0; i < count; i += 1) {
      const at = performance.now();
      const mail = await parseMailFile(Buffer.from(mailOf(i, numbers)), `bench-${i}.eml`);
      const result = await run<{ outcome: string; ticketNumber: string | null }>('mail.ingest', {
        mail,
        source: { kind: 'file', fileName: `bench-${i}.eml` },
      });
      times.push(performance.now() - at);
      outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
      if (result.outcome === 'ticket' && result.ticketNumber) numbers.push(result.ticketNumber);
    }
    const totalMs = performance.now() - started;
    await run('mail.settings.update', { settings: { reopenDays: 14, holdCount: 10, holdMinutes: 10 } });
    const bombStart = performance.now();
    let held = 0;
    for (let i = 0; i < count; i += 1) {
      const raw = `From: loop@other-ticketsystem.example\r\nSubject: Ticket ${i} updated\r\nMessage-ID: <bomb-${i}@x>\r\n\r\nupdate ${i}\r\n`;
      const mail = await parseMailFile(Buffer.from(raw), 'bomb.eml');
      const result = await run<{ outcome: string }>('mail.ingest', {
        mail,
        source: { kind: 'file', fileName: 'bomb.eml' },
      });
      if (result.outcome === 'held') held += 1;
    }
    return {
      mails: count,
      totalMs,
      perMail: stats(times),
      outcomes,
      bomb: { mails: count, held, totalMs: performance.now() - bombStart },
    };
  } finally {
    engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
