import { startDovecot, type Dovecot } from '../support/dovecot';
import { startSmtp } from '../support/smtp';
import { outlookMsg } from '../support/msg';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openApp, screenshotPath, test } from './fixtures';

const text = {
  de: {
    add: 'Postfach hinzufügen',
    save: 'Speichern',
    test: 'Verbindung testen',
    needsTriage: 'Triage offen',
    suggestion: 'Vorschlag',
    apply: 'Übernehmen',
    complete: 'Triage abschließen',
    message: 'Statusnachricht an Melder',
    send: 'Per E-Mail senden',
    sent: 'gesendet',
    answer: 'E-Mail eingegangen',
  },
  en: {
    add: 'Add mailbox',
    save: 'Save',
    test: 'Test connection',
    needsTriage: 'Needs triage',
    suggestion: 'Suggestion',
    apply: 'Apply',
    complete: 'Complete triage',
    message: 'Status message to requester',
    send: 'Send by e-mail',
    sent: 'sent',
    answer: 'E-mail received',
  },
};

let dovecot: Dovecot;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
test.beforeAll(async () => {
  [dovecot, smtp] = await Promise.all([startDovecot(), startSmtp()]);
});
test.afterAll(async () => {
  await Promise.all([dovecot?.stop(), smtp?.stop()]);
});

test('mail: a mail in the IT mailbox becomes a ticket in "needs triage", is triaged, answered over SMTP, and the answer threads in', async ({
  page,
  host,
  lang,
}) => {
  test.setTimeout(90_000);
  const L = text[lang];
  await page.setViewportSize({ width: 1366, height: 768 });
  await host.api('settings.update', { patch: { language: lang } });
  await openApp(page, host);

  // Settings → E-mail: the mailbox is set up in the form, the password goes to the keychain.
  await page.keyboard.press('Control+,');
  const panel = page.getByTestId('mail-settings');
  await panel.scrollIntoViewIfNeeded();
  await panel.getByRole('button', { name: L.add }).click();
  const form = page.getByTestId('mail-account-form');
  await form.getByTestId('mail-address').fill('it@firma.test');
  await form.getByTestId('mail-imapHost').fill('127.0.0.1');
  await form.getByTestId('mail-imapPort').fill(String(dovecot.port));
  await form.getByTestId('mail-imapSecurity').selectOption('none');
  await form.getByTestId('mail-username').fill(dovecot.user);
  await form.getByTestId('mail-password').fill(dovecot.password);
  await form.getByTestId('mail-smtpHost').fill('127.0.0.1');
  await form.getByTestId('mail-smtpPort').fill(String(smtp.port));
  await form.getByTestId('mail-smtpSecurity').selectOption('none');
  await form.getByTestId('mail-pollSeconds').fill('15');
  await form.getByRole('button', { name: L.save }).click();
  await expect(form).toBeHidden();
  await panel.getByRole('button', { name: L.test }).click();
  await expect(panel.getByTestId('mail-probe')).toContainText('UIDVALIDITY');
  await page.screenshot({ path: screenshotPath(lang, 'mail-settings') });

  // A mail arrives: the ticket appears live, marked "needs triage".
  await page.keyboard.press('Control+1');
  await dovecot.append(
    [
      'From: Jürgen Müller <juergen.mueller@example.de>',
      'To: it@firma.test',
      `Subject: Drucker im 2. OG (${lang})`,
      `Message-ID: <e2e-${lang}@example.de>`,
      `Date: ${new Date().toUTCString()}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hallo, der Drucker im 2. OG druckt nicht mehr. Niemand kann arbeiten, die ganze Abteilung wartet.',
      '',
    ].join('\r\n'),
  );
  const row = page.locator('main').getByText(`Drucker im 2. OG (${lang})`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('Control+2');
  await expect(page.locator('main').getByTestId('needs-triage').first()).toBeVisible();
  await page.screenshot({ path: screenshotPath(lang, 'mail-board') });
  await page.locator('main').getByText(`Drucker im 2. OG (${lang})`).click();
  await page.locator('main').getByText(`Drucker im 2. OG (${lang})`).dblclick();

  // The intake panel: the words of the mail suggest answers; taken, the triage settles the priority.
  const triage = page.getByTestId('mail-triage');
  await expect(triage).toBeVisible();
  await expect(triage.getByTestId('suggest-impairment')).toContainText('niemand kann arbeiten');
  await page.screenshot({ path: screenshotPath(lang, 'mail-triage') });
  await triage.getByTestId('suggest-scope').getByRole('button', { name: L.apply }).click();
  await triage.getByTestId('suggest-impairment').getByRole('button', { name: L.apply }).click();
  await triage.getByRole('button', { name: L.complete }).click();
  await expect(triage).toBeHidden();
  await expect(page.getByTestId('needs-triage')).toBeHidden();
  const [ticket] = (
    (await host.api('tickets.list', {})) as { items: { id: number; number: string; priority: string }[] }
  ).items;
  expect(ticket?.priority).toBe('P1');

  // Reply over SMTP: the server receives it with our tag; the outbox shows it sent.
  await page.getByRole('button', { name: L.message }).click();
  await expect(page.getByTestId('message-send')).toBeEnabled();
  await page.getByTestId('message-send').click();
  const reply = () =>
    smtp.received.find(
      (m) =>
        m.mail.subject?.includes(`[LS-${ticket!.number}]`) &&
        m.to[0] === 'juergen.mueller@example.de' &&
        !m.mail.headers.some((h) => h.key === 'auto-submitted'),
    );
  await expect.poll(() => reply() !== undefined, { timeout: 15_000 }).toBe(true);
  const received = reply();
  await expect(page.getByTestId('ticket-mail').locator('[data-state="sent"]')).toHaveCount(2);

  // The requester answers: the mail threads into the ticket (by In-Reply-To, without our tag).
  await dovecot.append(
    [
      'From: Jürgen Müller <juergen.mueller@example.de>',
      'To: it@firma.test',
      'Subject: Re: Drucker',
      `Message-ID: <e2e-answer-${lang}@example.de>`,
      `In-Reply-To: ${received!.mail.messageId}`,
      `Date: ${new Date().toUTCString()}`,
      '',
      'Danke, der Drucker läuft wieder!',
      '',
    ].join('\r\n'),
  );
  await expect(page.getByTestId('timeline')).toContainText('Danke, der Drucker läuft wieder!', { timeout: 20_000 });
  await expect(page.getByTestId('timeline')).toContainText(L.answer);
  await page.screenshot({ path: screenshotPath(lang, 'mail-ticket'), fullPage: true });
});

test('mail: Outlook .msg and .eml files picked in the ticket list become tickets, each said', async ({
  page,
  host,
  lang,
}) => {
  await host.api('settings.update', { patch: { language: lang } });
  await openApp(page, host);
  await page.keyboard.press('Control+1');
  const msg = outlookMsg({
    subject: 'Monitor flackert',
    senderName: 'Jürgen Müller',
    senderEmail: 'juergen.mueller@example.de',
    body: 'Mein Monitor flackert seit heute.\r\n',
    headers: `Message-ID: <e2e-msg-${lang}@example.de>\r\nDate: ${new Date().toUTCString()}\r\n`,
  });
  await page.getByTestId('mail-import-input').setInputFiles([
    { name: 'Monitor flackert.msg', mimeType: 'application/vnd.ms-outlook', buffer: msg },
    {
      name: 'VPN.eml',
      mimeType: 'message/rfc822',
      buffer: readFileSync(join(__dirname, '../fixtures/mail/gmail-inline-image.eml')),
    },
  ]);
  // Each a ticket of its own, marked as waiting for triage in the list.
  for (const title of ['Monitor flackert', 'VPN verbindet nicht'])
    await expect(page.getByRole('row', { name: new RegExp(title) }).getByTestId('needs-triage')).toBeVisible();
  await expect(page.getByText(lang === 'de' ? '2 E-Mails übernommen' : '2 e-mails taken in')).toBeVisible();
  await page.screenshot({ path: screenshotPath(lang, 'mail-import') });
  const tickets = (await host.api('tickets.list', {})) as { items: { channel: string }[] };
  expect(tickets.items.map((t) => t.channel)).toEqual(['email', 'email']);
});
