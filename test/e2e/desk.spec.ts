import { expect, openApp, screenshotPath, test } from './fixtures';

const outage = {
  title: 'Dateiserver nicht erreichbar',
  channel: 'phone',
  requester: { name: 'Thomas Krüger', department: 'Buchhaltung' },
  firstContact: { affectedScope: 'company', businessCritical: true, impairment: 'stopped' },
  category: 'server',
};

test('attachments by file picker, refused when too large, with a clear message', async ({ page, host, lang }) => {
  const ticket = (await host.api('tickets.create', outage)) as { id: number };
  await host.api('settings.update', { patch: { attachmentMaxBytes: 2048 } });
  await openApp(page, host);
  await page.goto(`${host.url}/#/tickets/${ticket.id}`);
  await page
    .getByTestId('attach-input')
    .setInputFiles({ name: 'ping.txt', mimeType: 'text/plain', buffer: Buffer.from('Request timed out.') });
  await expect(page.getByTestId('attachments')).toContainText('ping.txt');
  await page
    .getByTestId('attach-input')
    .setInputFiles({ name: 'dump.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(4096, 7) });
  await expect(page.getByRole('alert')).toContainText(lang === 'de' ? 'ist zu groß' : 'is too large');
  await expect(page.getByTestId('attachments')).not.toContainText('dump.bin');
  await expect(page.getByTestId('timeline')).toContainText('ping.txt');
});

test('the column layout is remembered across reloads', async ({ page, host, lang }) => {
  await host.api('tickets.create', outage);
  await openApp(page, host);
  const header = page.getByRole('columnheader', { name: lang === 'de' ? 'Abteilung' : 'Department' });
  await expect(header).toBeVisible();
  await page.getByText(lang === 'de' ? 'Spalten' : 'Columns', { exact: true }).click();
  await page.getByRole('checkbox', { name: lang === 'de' ? 'Abteilung' : 'Department' }).uncheck();
  await expect(header).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('ticket-row')).toHaveCount(1);
  await expect(header).toHaveCount(0);
});

test('settings show the triage rules and switch the language', async ({ page, host, lang }) => {
  await openApp(page, host);
  await page.keyboard.press('Control+,');
  await expect(page.getByTestId('priority-matrix')).toBeVisible();
  const subject = page
    .getByTestId('templates-editor')
    .getByRole('textbox', { name: lang === 'de' ? 'Betreff' : 'Subject' });
  await subject.fill('[{{number}}] Eingang bestätigt: {{title}}');
  await page.getByRole('button', { name: lang === 'de' ? 'Vorlagen speichern' : 'Save templates' }).click();
  await expect
    .poll(
      async () =>
        ((await host.api('messages.templates.get', {})) as { de: { received: { subject: string } } }).de.received
          .subject,
    )
    .toBe('[{{number}}] Eingang bestätigt: {{title}}');
  await page.screenshot({ path: screenshotPath(lang, 'settings') });
  const other = lang === 'de' ? 'en' : 'de';
  await page.getByTestId('language-select').selectOption(other);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(other === 'de' ? 'Einstellungen' : 'Settings');
});

test('a status message, rendered in German and English, is recorded as a reply and stops the first-response clock', async ({
  page,
  host,
  lang,
}) => {
  const ticket = (await host.api('tickets.create', {
    ...outage,
    requester: { ...outage.requester, email: 'thomas.krueger@example.de' },
  })) as { id: number };
  await openApp(page, host);
  await page.goto(`${host.url}/#/tickets/${ticket.id}`);
  await expect(page.locator('.detail-title h1')).toHaveText('Dateiserver nicht erreichbar');
  await page.keyboard.press('m');
  const composer = page.getByTestId('message-composer');
  await composer.getByTestId('choice-messageKind').locator('input').first().focus();
  await page.keyboard.press('3');
  await composer
    .getByRole('textbox', {
      name: lang === 'de' ? 'Was wird vom Melder gebraucht?' : 'What is needed from the requester?',
    })
    .fill('ein Foto der Fehlermeldung');
  await composer.getByRole('button', { name: 'DE', exact: true }).click();
  await expect(page.getByTestId('message-body')).toHaveValue(/brauchen wir von Ihnen:\nein Foto der Fehlermeldung/);
  await expect(page.getByTestId('message-subject')).toHaveValue(/^\[\d{4}-0001\] Wir brauchen Ihre Hilfe/);
  if (lang === 'de') await page.screenshot({ path: screenshotPath(lang, 'message') });
  await composer.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('message-body')).toHaveValue(/we need from you:\nein Foto der Fehlermeldung/);
  if (lang === 'en') await page.screenshot({ path: screenshotPath(lang, 'message') });
  await composer.getByRole('button', { name: lang === 'de' ? 'Kopieren' : 'Copy' }).click();
  await expect(page.getByTestId('message-composer')).toHaveCount(0);
  await expect(page.getByTestId('timeline')).toContainText('we need from you');
  await expect(page.getByTestId('sla')).toContainText(lang === 'de' ? 'eingehalten' : 'met');
});

test('a status message is never sent with the text of the previous occasion, however quick the click', async ({
  page,
  host,
  lang,
}) => {
  const ticket = (await host.api('tickets.create', outage)) as { id: number };
  await openApp(page, host);
  await page.goto(`${host.url}/#/tickets/${ticket.id}`);
  await expect(page.locator('.detail-title h1')).toHaveText('Dateiserver nicht erreichbar');
  await page.keyboard.press('m');
  const composer = page.getByTestId('message-composer');
  await expect(page.getByTestId('message-subject')).toHaveValue(lang === 'de' ? /eingegangen/ : /received/);
  // The host answers slowly from now on: the text for the new occasion arrives late.
  await page.route('**/api/messages.render', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await composer.getByTestId('choice-messageKind').locator('input').first().focus();
  await page.keyboard.press('2');
  await expect(page.getByTestId('message-copy')).toBeDisabled();
  await page.getByTestId('message-copy').click({ force: true });
  // The click on a stale text did nothing; once the right text is there, it is what gets recorded.
  await expect(page.getByTestId('message-copy')).toBeEnabled();
  await expect(page.getByTestId('message-subject')).toHaveValue(lang === 'de' ? /In Bearbeitung/ : /In progress/);
  await page.getByTestId('message-copy').click();
  await expect(page.getByTestId('message-composer')).toHaveCount(0);
  const { notes } = (await host.api('tickets.get', { id: ticket.id })) as { notes: { kind: string; body: string }[] };
  expect(notes.filter((n) => n.kind === 'reply').map((n) => n.body.split('\n')[0])).toEqual([
    expect.stringMatching(lang === 'de' ? /In Bearbeitung/ : /In progress/),
  ]);
});

test('a double key press never parks a P1; a status move is taken back with Ctrl+Z', async ({ page, host, lang }) => {
  const ticket = (await host.api('tickets.create', outage)) as { id: number };
  await openApp(page, host);
  await page.goto(`${host.url}/#/tickets/${ticket.id}`);
  await expect(page.locator('.detail-title h1')).toHaveText('Dateiserver nicht erreichbar');
  const status = page.locator('.detail-title .status');
  const inProgress = lang === 'de' ? 'In Bearbeitung' : 'In progress';
  await page.keyboard.press('1');
  await expect(status).toHaveText(inProgress);
  // The same key again: "in progress" is where it is, so nothing happens (it used to mean "waiting on requester").
  await page.keyboard.press('1');
  await page.waitForTimeout(300);
  await expect(status).toHaveText(inProgress);
  await expect(page.getByTestId('status-actions')).toContainText('2');
  // Waiting on the requester by its own key, then taken back.
  await page.keyboard.press('2');
  await expect(status).toHaveText(lang === 'de' ? 'Wartet auf Melder' : 'Waiting on requester');
  await expect(
    page.getByRole('button', { name: lang === 'de' ? 'Rückgängig (Strg+Z)' : 'Undo (Ctrl+Z)' }),
  ).toBeVisible();
  await page.screenshot({ path: screenshotPath(lang, 'undo-toast') });
  await page.keyboard.press('Control+z');
  await expect(status).toHaveText(inProgress);
  const { events } = (await host.api('tickets.timeline', { id: ticket.id })) as {
    events: { kind: string; data: { undoOf?: number } }[];
  };
  expect(events.at(-1)).toMatchObject({ kind: 'ticket.transitioned', data: { undoOf: expect.any(Number) } });
});
