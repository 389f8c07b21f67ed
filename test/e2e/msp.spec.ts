import { fileServerTicket, networkProvider } from '../support/tickets';
import { expect, openApp, screenshotPath, test } from './fixtures';

const text = {
  de: {
    waitingMsp: 'Wartet auf Dienstleister',
    findings: 'Wird geschwärzt',
    password: 'Passwort',
    reference: 'Ticketnummer des Dienstleisters',
  },
  en: {
    waitingMsp: 'Waiting on MSP',
    findings: 'Will be redacted',
    password: 'Password',
    reference: "Provider's ticket number",
  },
};

test('forward the Monday P1 ticket: preview with redactions, build, MSP reference, waiting on MSP with its clock', async ({
  page,
  host,
  lang,
}) => {
  const L = text[lang];
  await host.api('msp.providers.save', { provider: networkProvider });
  const ticket = (await host.api('tickets.create', fileServerTicket)) as { id: number; number: string };
  await host.api('tickets.addNote', {
    id: ticket.id,
    kind: 'note',
    body: 'Admin-Zugang FS01: Benutzer administrator, Passwort: Fs01!Admin2026 – Rückruf Hausmeister 0151 23456789',
  });
  await host.api('tickets.attach', {
    id: ticket.id,
    fileName: 'ups-log.txt',
    contentBase64: Buffer.from('07:58 on battery').toString('base64'),
  });
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host);
  await page.goto(`${host.url}/#/tickets/${ticket.id}`);
  await expect(page.locator('.detail-title h1')).toHaveText('Dateiserver nicht erreichbar');
  await page.keyboard.press('e');
  const dialog = page.getByTestId('forward-dialog');
  await dialog.getByTestId('msp-question').fill('Bitte USV und FS01 prüfen; Techniker vor Ort möglich?');
  await expect(dialog.getByTestId('findings')).toContainText(L.password);
  await expect(dialog.getByTestId('forward-text')).not.toContainText('Fs01!Admin2026');
  await expect(dialog.getByTestId('forward-text')).not.toContainText('0151 23456789');
  await expect(dialog.getByTestId('forward-text')).toContainText('Bitte USV und FS01 prüfen');
  await page.screenshot({ path: screenshotPath(lang, 'forward') });
  const download = page.waitForEvent('download');
  await dialog.getByTestId('forward-build').click();
  expect((await download).suggestedFilename()).toMatch(new RegExp(`^LS-${ticket.number}-.*\\.eml$`));
  await expect(page.locator('.detail-title .status')).toHaveText(L.waitingMsp);
  await page.getByTestId('msp-reference-input').fill('84211');
  await page.getByTestId('msp-reference-input').press('Enter');
  await expect(page.getByTestId('msp-reference')).toContainText('84211');
  await expect(page.getByTestId('msp-clock')).toBeVisible();
  // Their reply arrives as a mail; read into the history.
  await page.getByTestId('reply-file').setInputFiles({
    name: 'AW Ticket 84211.eml',
    mimeType: 'message/rfc822',
    buffer: Buffer.from(
      `From: support@netzwerk-partner.example\r\nSubject: AW: [Ticket#84211] [LS-${ticket.number}] Dateiserver\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nTechniker ist um 10:00 vor Ort.\r\n`,
    ),
  });
  await expect(page.getByTestId('timeline')).toContainText('Techniker ist um 10:00 vor Ort.');
  await page.getByTestId('msp-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath(lang, 'msp-ticket') });
  await page.keyboard.press('Control+2');
  await expect(page.getByTestId('cell-P1-waiting')).toContainText('MSP');
  const { escalations } = (await host.api('escalations.forTicket', { ticketId: ticket.id })) as {
    escalations: { reference: string; packetSha256: string }[];
  };
  expect(escalations[0]).toMatchObject({ reference: '84211' });
  expect(await host.api('audit.verify', {})).toMatchObject({ ok: true });
});

test('an empty provider form says at each field what is missing, in plain words, with the focus on the first', async ({
  page,
  host,
  lang,
}) => {
  await openApp(page, host);
  await page.goto(`${host.url}/#/settings`);
  await page.getByRole('button', { name: lang === 'de' ? '+ Dienstleister' : '+ Provider' }).click();
  const form = page.locator('.provider-form');
  await form
    .getByRole('textbox', { name: lang === 'de' ? 'Ticket-Adresse (E-Mail)' : 'Ticket intake address (e-mail)' })
    .fill('x');
  await form.getByRole('button', { name: lang === 'de' ? 'Speichern' : 'Save' }).click();
  const name = form.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();
  await expect(form).toContainText(lang === 'de' ? 'darf nicht leer sein' : 'must not be empty');
  await expect(form).toContainText(
    lang === 'de' ? 'ist keine gültige E-Mail-Adresse' : 'is not a valid e-mail address',
  );
  // No developer text: no field ids, patterns or zod wording.
  await expect(form).not.toContainText('provider.id');
  await expect(form).not.toContainText('Muster');
  await expect(form).not.toContainText('pattern');
  await page.screenshot({ path: screenshotPath(lang, 'provider-errors') });
  expect(((await host.api('msp.providers.list', {})) as { providers: unknown[] }).providers).toHaveLength(0);
});
