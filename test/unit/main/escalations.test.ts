import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import PostalMime from 'postal-mime';
import { afterEach, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { packetSchema } from '../../../src/shared/domain/packet';
import { referenceFromSubject, packetFileName } from '../../../src/shared/domain/msp';
import { fileServerTicket, handClock, networkProvider, testStore } from '../../support/store';
import { seededSecrets } from '../../support/secrets';

let t: ReturnType<typeof testStore> | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Every entry of a ZIP, decompressed, by name. */
function unzip(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

async function mondayEscalation(
  extra: { description?: string; notes?: string[]; attachments?: [string, string][]; question?: string } = {},
) {
  t = testStore(handClock('2026-11-23T07:30:00Z').now);
  await t!.call('msp.providers.save', { provider: networkProvider });
  const ticket = await t!.call('tickets.create', {
    ...fileServerTicket,
    description: extra.description ?? fileServerTicket.description!,
  });
  const run = await t!.call('checklists.runs.start', { ticketId: ticket.id, key: 'server-share-down', language: 'de' });
  await t!.call('checklists.runs.setStep', {
    runId: run.id,
    stepId: 'umfang',
    state: 'done',
    note: extra.notes?.[0] ?? 'Buchhaltung und Vertrieb',
  });
  for (const body of extra.notes?.slice(1) ?? [])
    await t!.call('tickets.addNote', { id: ticket.id, kind: 'note', body });
  const attachmentIds: number[] = [];
  for (const [name, content] of extra.attachments ?? [['ups-log.txt', 'UPS on battery 07:58']]) {
    const a = await t!.call('tickets.attach', {
      id: ticket.id,
      fileName: name,
      contentBase64: Buffer.from(content).toString('base64'),
    });
    attachmentIds.push(a.id);
  }
  const choice = {
    ticketId: ticket.id,
    providerId: networkProvider.id,
    language: 'de' as const,
    attachmentIds,
    question: extra.question ?? 'Bitte USV und FS01 prüfen.',
  };
  return { ticket, choice };
}

describe('escalation packet', () => {
  it('is the exact file set, schema-valid, verified by its manifest, with a safe summary and a draft mail', async () => {
    const { ticket, choice } = await mondayEscalation();
    const built = await t!.call('escalations.build', choice);
    const files = await unzip(built.zipFile);
    expect([...files.keys()].sort()).toEqual(
      [
        'attachments/ups-log.txt',
        'checklists/01-Server-oder-Dateifreigabe-ausgefallen.md',
        'manifest.sha256',
        'packet.json',
        'schema.json',
        'summary.html',
      ].sort(),
    );
    const packet = packetSchema.parse(JSON.parse(files.get('packet.json')!.toString('utf8')));
    expect(packet).toMatchObject({
      schemaVersion: 1,
      kind: 'initial',
      ticket: { number: ticket.number, priority: 'P1' },
      question: 'Bitte USV und FS01 prüfen.',
    });
    for (const line of files.get('manifest.sha256')!.toString('utf8').trim().split('\n')) {
      const [hash, name] = line.split('  ') as [string, string];
      expect(createHash('sha256').update(files.get(name)!).digest('hex'), name).toBe(hash);
    }
    const html = files.get('summary.html')!.toString('utf8');
    expect(html).not.toMatch(/<script|javascript:|src=|href=|@import|url\(/i);
    expect(html).toContain('Bitte USV und FS01 prüfen.');

    const mail = await PostalMime.parse(readFileSync(built.emlFile));
    expect(mail.subject).toBe(`[LS-${ticket.number}] Dateiserver nicht erreichbar (P1)`);
    expect(mail.to?.[0]?.address).toBe('support@netzwerk-partner.example');
    expect(mail.headers.find((h) => h.key === 'x-unsent')?.value).toBe('1');
    expect(mail.text).toContain('Bitte USV und FS01 prüfen.');
    expect(mail.attachments.map((a) => a.filename)).toEqual([`${built.zipFile.split('/').pop()}`]);
    expect(createHash('sha256').update(readFileSync(built.zipFile)).digest('hex')).toBe(built.escalation.packetSha256);

    // Recorded: waiting on the MSP, tier MSP, the escalation in the log, the MSP clock running.
    const after = (await t!.call('tickets.get', { id: ticket.id })).ticket;
    expect([after.status, after.tier]).toEqual(['waitingMsp', 'msp']);
    const { escalations } = await t!.call('escalations.forTicket', { ticketId: ticket.id });
    expect(escalations[0]).toMatchObject({
      providerName: 'NetzWerk Partner GmbH',
      reference: null,
      clock: { reaction: { dueAt: '2026-11-23T08:30:00.000Z', met: null, overdue: false } },
    });
    expect((await t!.call('audit.verify', {})).ok).toBe(true);
  });

  it('leaves none of the 32 seeded secrets in the ZIP or the mail, wherever they were typed', async () => {
    const secrets = seededSecrets.map(([, text]) => text);
    const { choice } = await mondayEscalation({
      description: secrets.slice(0, 10).join('\n'),
      notes: [secrets.slice(10, 18).join('\n'), secrets.slice(18, 26).join('\n'), secrets.slice(26).join('\n')],
      attachments: [
        ['Passwort: Sommer2024!.txt', 'log'],
        ['petra.hahn@firma-kunde.de.pdf', 'pdf'],
      ],
      question: secrets[24]!,
    });
    const preview = await t!.call('escalations.preview', choice);
    expect(preview.findings.length).toBeGreaterThanOrEqual(32);
    const built = await t!.call('escalations.build', choice);
    const zipText = [...(await unzip(built.zipFile)).entries()]
      .map(([name, body]) => `${name}\n${body.toString('utf8')}`)
      .join('\n');
    const mail = await PostalMime.parse(readFileSync(built.emlFile));
    const mailText = `${mail.subject}\n${mail.text}\n${mail.html}`;
    const leaked = seededSecrets.filter(([, , secret]) => zipText.includes(secret) || mailText.includes(secret));
    expect(leaked.map(([name]) => name)).toEqual([]);
  });

  it('lets a single finding through when the coordinator releases it with a reason, and logs that', async () => {
    const { ticket, choice } = await mondayEscalation({ question: 'Bitte Rückruf an petra.hahn@firma-kunde.de' });
    const preview = await t!.call('escalations.preview', choice);
    const email = preview.findings.find((f) => f.kind === 'email' && f.field === 'question')!;
    const built = await t!.call('escalations.build', {
      ...choice,
      released: [{ findingId: email.id, reason: 'Ansprechpartnerin beim Kunden' }],
    });
    const packet = JSON.parse((await unzip(built.zipFile)).get('packet.json')!.toString('utf8'));
    expect(packet.question).toBe('Bitte Rückruf an petra.hahn@firma-kunde.de');
    const sent = (await t!.call('tickets.timeline', { id: ticket.id })).events.find(
      (e) => e.kind === 'escalation.sent',
    )!;
    expect(sent.data.released).toEqual([{ findingId: email.id, reason: 'Ansprechpartnerin beim Kunden' }]);
  });

  it('records the MSP reference; the next packet is an update carrying their tag', async () => {
    const { ticket, choice } = await mondayEscalation();
    const first = await t!.call('escalations.build', choice);
    const recorded = await t!.call('escalations.recordReference', {
      escalationId: first.escalation.id,
      reference: '84211',
    });
    expect(recorded).toMatchObject({ reference: '84211', clock: { reaction: { met: true } } });
    const update = await t!.call('escalations.build', { ...choice, question: 'USV getauscht, FS01 bootet nicht.' });
    const mail = await PostalMime.parse(readFileSync(update.emlFile));
    expect(mail.subject).toBe(
      `[LS-${ticket.number}] [Ticket#84211] Aktualisierung zu Ihrem Ticket: Dateiserver nicht erreichbar (P1)`,
    );
    expect(referenceFromSubject(`AW: ${mail.subject}`, networkProvider.subjectTag)).toBe('84211');
  });
});

describe('packet file names', () => {
  it.each([
    ['../../etc/passwd', 'etc_passwd'],
    ['..\\..\\windows\\system32\\evil.dll', 'windows_system32_evil.dll'],
    ['CON', 'file_CON'],
    ['nul.txt', 'file_nul.txt'],
    ['rechnung\u202Egnp.exe', 'rechnunggnp.exe'],
    ['bild\u0000.png', 'bild.png'],
    ['a'.repeat(300) + '.pdf', 'a'.repeat(96) + '.pdf'],
  ])('%s → safe', (name, expected) => {
    const result = packetFileName(name, new Set());
    expect(result).toBe(expected);
    expect(result).not.toMatch(/[\\/:\u0000-\u001f\u202a-\u202e]/);
  });
  it('renames duplicates', () => {
    const taken = new Set<string>();
    expect([packetFileName('log.txt', taken), packetFileName('LOG.txt', taken)]).toEqual(['log.txt', 'LOG (2).txt']);
  });
});

describe('reply from the provider', () => {
  const mail = (subject: string, body: string, extraHeaders = 'Content-Type: text/plain; charset=utf-8') =>
    Buffer.from(
      `From: support@netzwerk-partner.example\r\nSubject: ${subject}\r\n${extraHeaders}\r\n\r\n${body}\r\n`,
    ).toString('base64');

  it('takes the reference from the subject and puts the text into the log', async () => {
    const { ticket, choice } = await mondayEscalation();
    await t!.call('escalations.build', choice);
    const result = await t!.call('escalations.importReply', {
      ticketId: ticket.id,
      contentBase64: mail(`AW: [Ticket#84211] [LS-${ticket.number}] Dateiserver`, 'Techniker ist um 10:00 vor Ort.'),
    });
    expect(result.reference).toBe('84211');
    const { escalations } = await t!.call('escalations.forTicket', { ticketId: ticket.id });
    expect(escalations[0]).toMatchObject({ reference: '84211', clock: { reaction: { met: true } } });
    const notes = (await t!.call('tickets.get', { id: ticket.id })).notes;
    expect(notes.at(-1)!.body).toContain('Techniker ist um 10:00 vor Ort.');
  });

  it('reads hostile mail with bounded effort: deep nesting, thousands of parts, traversal names, script in HTML', async () => {
    const { ticket, choice } = await mondayEscalation();
    await t!.call('escalations.build', choice);
    let nested = 'Content-Type: text/plain\r\n\r\ninnen\r\n';
    for (let i = 0; i < 60; i += 1)
      nested = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${nested}\r\n--b${i}--\r\n`;
    const deep = Buffer.from(`From: a@b.example\r\nSubject: tief\r\n${nested}`).toString('base64');
    const outcome = await t!.dispatch('escalations.importReply', { ticketId: ticket.id, contentBase64: deep }, 'de');
    expect(outcome.ok ? 'ok' : outcome.error.code).toMatch(/^(ok|invalid_input)$/);

    const parts = Array.from(
      { length: 3000 },
      (_, i) =>
        `--x\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename="../../${i}.txt"\r\n\r\nx\r\n`,
    ).join('');
    const many = Buffer.from(
      `From: a@b.example\r\nSubject: viele\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n${parts}--x--\r\n`,
    ).toString('base64');
    const started = performance.now();
    const manyResult = await t!.call('escalations.importReply', { ticketId: ticket.id, contentBase64: many });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(manyResult.attachments).toHaveLength(100);
    expect(manyResult.attachments.every((name) => !name.includes('/') && !name.startsWith('.'))).toBe(true);

    const html = Buffer.from(
      'From: a@b.example\r\nSubject: html\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hallo</p><script>alert(1)</script><img src=x onerror=alert(2)>Gruß\r\n',
    ).toString('base64');
    await t!.call('escalations.importReply', { ticketId: ticket.id, contentBase64: html });
    const body = (await t!.call('tickets.get', { id: ticket.id })).notes.at(-1)!.body;
    expect(body).toContain('Hallo');
    expect(body).not.toMatch(/<script|onerror|<img/);
  });

  it('refuses what is not a mail, and a reply to a ticket never forwarded', async () => {
    t = testStore();
    const ticket = await t.call('tickets.create', fileServerTicket);
    const junk = await t.dispatch(
      'escalations.importReply',
      { ticketId: ticket.id, contentBase64: Buffer.from('\u0000\u0001garbage').toString('base64') },
      'de',
    );
    expect(junk.ok ? '' : junk.error.message).toMatch(/lässt sich nicht lesen/);
    const early = await t.dispatch(
      'escalations.importReply',
      { ticketId: ticket.id, contentBase64: mail('Hallo', 'x') },
      'de',
    );
    expect(early.ok ? '' : early.error.message).toMatch(/noch an keinen Dienstleister übergeben/);
  });
});

describe("the provider's clock", () => {
  it('reminds once when the provider has not reacted in time, once when it is past its resolution time; the card shows it', async () => {
    const clock = handClock('2026-11-23T07:30:00Z');
    t = testStore(clock.now);
    await t.call('msp.providers.save', { provider: networkProvider });
    const ticket = await t.call('tickets.create', fileServerTicket);
    await t.call('escalations.build', { ticketId: ticket.id, providerId: networkProvider.id, language: 'de' });
    const msp = async (iso: string) => {
      clock.set(iso);
      return (await t!.call('sla.check', {})).warnings.filter((w) => w.clock.startsWith('msp')).map((w) => w.clock);
    };
    expect(await msp('2026-11-23T08:29:00Z')).toEqual([]);
    expect(await msp('2026-11-23T08:31:00Z')).toEqual(['mspReaction']);
    expect(await msp('2026-11-23T09:00:00Z')).toEqual([]);
    const card = (await t.call('board.get', {})).cells.flatMap((c) => c.cards).find((c) => c.id === ticket.id);
    expect(card).toMatchObject({ msp: true, mspClock: { reference: null, late: true } });
    // Support hours 08–18 Berlin: 8 business hours from 08:30 Berlin is 16:30 Berlin (15:30 UTC).
    expect(await msp('2026-11-23T15:29:00Z')).toEqual([]);
    expect(await msp('2026-11-23T15:31:00Z')).toEqual(['mspResolution']);
    expect(await msp('2026-11-24T09:00:00Z')).toEqual([]);
  });
});

describe('attachments in the packet', () => {
  const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('latin1');

  it('scans the content of text attachments and sends a redacted copy; an image leaves only when released', async () => {
    const { choice } = await mondayEscalation({
      attachments: [
        ['.env', `DB_PASSWORD=Erp!2024prod\nSSH_KEY="${key}"\n`],
        ['screenshot.png', png],
      ],
    });
    const preview = await t!.call('escalations.preview', choice);
    const kinds = preview.findings.map((f) => `${f.field.replace(/\d+/g, 'N')} ${f.kind}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'attachment:N:content password',
        'attachment:N:content privateKey',
        'attachment:N:content unchecked',
      ]),
    );
    expect(preview.files).not.toContain('attachments/screenshot.png');
    const built = await t!.call('escalations.build', choice);
    const files = await unzip(built.zipFile);
    const envName = [...files.keys()].find((name) => name.endsWith('env'))!;
    const env = files.get(envName)!.toString('utf8');
    expect(env).not.toContain('Erp!2024prod');
    expect(env).not.toContain('b3BlbnNzaC1rZXktdjEAAAAA');
    expect(env).toContain('DB_PASSWORD=');
    expect(files.has('attachments/screenshot.png')).toBe(false);
    const packet = packetSchema.parse(JSON.parse(files.get('packet.json')!.toString('utf8')));
    const listed = packet.attachments.find((a) => a.file === envName)!;
    expect(listed.sha256).toBe(createHash('sha256').update(files.get(envName)!).digest('hex'));

    // Released deliberately, with a reason: the image goes along as it is.
    const unchecked = preview.findings.find((f) => f.kind === 'unchecked')!;
    const again = await t!.call('escalations.build', {
      ...choice,
      released: [{ findingId: unchecked.id, reason: 'Screenshot zeigt nur die Fehlermeldung' }],
    });
    expect((await unzip(again.zipFile)).has('attachments/screenshot.png')).toBe(true);
  });
});
