import { fileServerTicket, networkProvider } from '../support/tickets';
import { expect, openApp, screenshotPath, test } from './fixtures';

test('composers open in view; keys are named as the keyboard says; a resolved ticket offers the resolved message', async ({
  page,
  host,
  lang,
}) => {
  await host.api('msp.providers.save', { provider: networkProvider });
  const ticket = (await host.api('tickets.create', fileServerTicket)) as { id: number };
  await host.api('escalations.build', { ticketId: ticket.id, providerId: networkProvider.id, language: lang });
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host);
  await page.goto(`${host.url}/#/tickets/${ticket.id}`);
  await expect(page.locator('.detail-title h1')).toHaveText('Dateiserver nicht erreichbar');
  // German keyboards say "Strg".
  await expect(page.locator('.sidebar, nav').first()).toContainText(lang === 'de' ? 'Strg+N' : 'Ctrl+N');
  if (lang === 'de') await expect(page.locator('body')).not.toContainText('Ctrl+');
  // The timeline names the provider and counts in words.
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toContainText(`${networkProvider.name}:`);
  await expect(timeline).toContainText(
    lang === 'de' ? '4 Dateien, 0 Stellen geschwärzt' : '4 files, 0 findings redacted',
  );
  // Business time says it is business time.
  await expect(page.getByTestId('sla')).toContainText(lang === 'de' ? 'Geschäftsstd.' : 'business h');

  await page.keyboard.press('m');
  const composer = page.getByTestId('message-composer');
  await expect(composer).toBeInViewport();
  await expect(composer.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');

  // Resolve by its key: the requester was never told, so the "resolved" message is offered at once.
  await page.keyboard.press('5');
  await page.keyboard.type('USV getauscht, FS01 neu gestartet');
  await page.keyboard.press('Control+Enter');
  await expect(composer).toBeVisible();
  await expect(page.getByTestId('message-subject')).toHaveValue(lang === 'de' ? /Gelöst/ : /Resolved/);
  await expect(composer).toBeInViewport();
  // A resolved ticket offers no runbook and no forwarding any more.
  await expect(page.getByTestId('forward-open')).toHaveCount(0);
  await expect(page.getByTestId('suggestions')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath(lang, 'resolved-message') });
});

test('? lists the shortcuts of the view the user is in, with the checklist and forward keys in a ticket', async ({
  page,
  host,
  lang,
}) => {
  const ticket = (await host.api('tickets.create', fileServerTicket)) as { id: number };
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host);
  await page.goto(`${host.url}/#/tickets/${ticket.id}`);
  await expect(page.locator('.detail-title h1')).toHaveText('Dateiserver nicht erreichbar');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog');
  await expect(help).toContainText(lang === 'de' ? 'In dieser Ansicht' : 'In this view');
  await expect(help).toContainText(lang === 'de' ? 'An den Dienstleister übergeben' : 'Forward to the provider');
  await expect(help).toContainText(lang === 'de' ? 'Frage beantworten' : 'Answer a question');
  await expect(help).not.toContainText(lang === 'de' ? 'Karte wählen' : 'Select a card');
  await page.screenshot({ path: screenshotPath(lang, 'shortcuts-ticket') });
  await page.keyboard.press('Escape');
  await page.goto(`${host.url}/#/new`);
  await page.keyboard.press('Control+Enter').catch(() => undefined);
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toContainText(lang === 'de' ? 'Schnellauswahl' : 'quick-choice');
});

test('a started runbook takes the keyboard; a question says how to answer it, in the user language', async ({
  page,
  host,
  lang,
}) => {
  const ticket = (await host.api('tickets.create', fileServerTicket)) as { id: number };
  await openApp(page, host);
  await page.goto(`${host.url}/#/tickets/${ticket.id}`);
  await page.getByTestId('suggest-server-share-down').click();
  const steps = page.getByTestId('run-steps');
  await expect(steps).toBeFocused();
  // Two plain steps, then the question.
  await page.keyboard.press('d');
  await page.getByTestId('step-note').fill('Buchhaltung und Vertrieb');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step-umfang')).toHaveAttribute('data-state', 'done');
  await page.keyboard.press('d');
  await expect(page.getByTestId('step-info-alle')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('run-keys')).toContainText(lang === 'de' ? 'j ja · n nein' : 'y yes · n no');
  await page.keyboard.press('d');
  await expect(page.locator('.toasts')).toContainText(lang === 'de' ? 'mit j (ja) oder n (nein)' : 'y (yes) or n (no)');
  await page.keyboard.press(lang === 'de' ? 'j' : 'y');
  await expect(page.getByTestId('step-erreichbar')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('step-speicher')).toBeVisible();
});

test('a search from / shows in the address; among open tickets it says how many more the resolved ones hold', async ({
  page,
  host,
  lang,
}) => {
  for (const title of ['Drucker im 2. OG druckt nicht', 'Drucker zeigt Papierstau']) {
    const ticket = (await host.api('tickets.create', { ...fileServerTicket, title })) as { id: number };
    await host.api('tickets.transition', { id: ticket.id, to: 'resolved', resolution: 'Treiber neu' });
  }
  await host.api('tickets.create', fileServerTicket);
  await openApp(page, host);
  await page.goto(`${host.url}/#/tickets`);
  await page.getByRole('button', { name: lang === 'de' ? 'Offen' : 'Open', exact: true }).click();
  await page.locator('body').click({ position: { x: 700, y: 700 } });
  await page.keyboard.press('/');
  await page.keyboard.type('Drucker');
  await expect(page).toHaveURL(/#\/tickets\?q=Drucker$/);
  const hint = page.getByTestId('more-elsewhere');
  await expect(hint).toContainText(lang === 'de' ? '2 weitere in gelösten Tickets' : '2 more in resolved tickets');
  await page.screenshot({ path: screenshotPath(lang, 'search-elsewhere') });
  await hint.getByRole('button').click();
  await expect(page.locator('[role="row"]').filter({ hasText: 'Papierstau' })).toHaveCount(1);
  // The address carries the search: a reload (or a bookmark) comes back to it.
  await page.reload();
  await expect(page.getByRole('searchbox')).toHaveValue('Drucker');
});

test('the list at 1366 px: whole status chips, the deadline that counts, and a counter instead of silent cutting', async ({
  page,
  host,
  lang,
}) => {
  const ticket = (await host.api('tickets.create', fileServerTicket)) as { id: number };
  await host.api('tickets.transition', { id: ticket.id, to: 'waitingMsp' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host);
  await page.goto(`${host.url}/#/tickets`);
  const row = page.locator('[role="row"]').filter({ hasText: 'Dateiserver nicht erreichbar' });
  await expect(row).toHaveCount(1);
  const chip = row.locator('.status');
  await expect(chip).toHaveText(lang === 'de' ? 'Wartet auf Dienstleister' : 'Waiting on MSP');
  const cut = await chip.evaluate(
    (el) =>
      el.scrollWidth > el.clientWidth ||
      el.getBoundingClientRect().right > el.parentElement!.getBoundingClientRect().right + 1,
  );
  expect(cut).toBe(false);
  await expect(row.locator('.sla-due')).toBeVisible();
  await page.screenshot({ path: screenshotPath(lang, 'list-1366') });
  // A title near its limit shows the count; past it, it says what to do instead of cutting.
  await page.goto(`${host.url}/#/new`);
  const title = page.getByRole('textbox', { name: lang === 'de' ? /Kurzbeschreibung/ : /Summary/ });
  await title.fill('x'.repeat(210));
  await expect(title).toHaveValue('x'.repeat(210));
  await expect(page.getByTestId('length-counter')).toContainText(
    lang === 'de' ? '210/200 Zeichen – zu lang' : '210/200 characters – too long',
  );
});
