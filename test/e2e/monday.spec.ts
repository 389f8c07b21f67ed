import { choose, expect, field, openApp, screenshotPath, test } from './fixtures';

const text = {
  de: {
    name: 'Name',
    title: 'Kurzbeschreibung',
    department: 'Abteilung',
    affectedSystems: 'Welche Systeme?',
    reasonP1: 'P1: mehrere Abteilungen oder ganze Firma betroffen, geschäftskritisch, Arbeit steht ohne Workaround',
    reasonP4: 'P4: eine Person betroffen, Workaround vorhanden',
    inProgress: 'In Bearbeitung',
    note: 'Interne Notiz',
    restored: 'Entwurf wiederhergestellt',
    total2: '2 Tickets',
    firstResponse: 'Erste Rückmeldung',
    serverDown: 'Server oder Dateifreigabe ausgefallen',
  },
  en: {
    name: 'Name',
    title: 'Summary',
    department: 'Department',
    affectedSystems: 'Which systems?',
    reasonP1: 'P1: several departments or whole company affected, business-critical, work stopped without workaround',
    reasonP4: 'P4: one person affected, workaround exists',
    inProgress: 'In progress',
    note: 'Internal note',
    restored: 'Draft restored',
    total2: '2 tickets',
    firstResponse: 'First response',
    serverDown: 'Server or file share down',
  },
};

test('Monday 08:15: two requests filed at the desk, the outage on top at P1', async ({ page, host, lang }) => {
  const L = text[lang];
  await openApp(page, host);

  // Anna walks in: Outlook does not open.
  await page.keyboard.press('Control+n');
  await field(page, L.name).fill('Anna Becker');
  await field(page, L.department).fill('Vertrieb');
  await field(page, L.title).fill('Outlook startet nicht');
  await choose(page, 'affectedScope', 1);
  await choose(page, 'since', 3);
  await choose(page, 'impairment', 3);
  await choose(page, 'category', 3);
  await expect(page.getByTestId('triage-preview')).toContainText(L.reasonP4);
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.detail-title')).toContainText('2026-0001'.slice(0, 5));

  // The phone rings: the file server is down for accounting and sales.
  await page.keyboard.press('Control+n');
  await field(page, L.name).fill('Thomas Krüger');
  await field(page, L.department).fill('Buchhaltung');
  await choose(page, 'channel', 2);
  await field(page, L.title).fill('Dateiserver nicht erreichbar');
  await choose(page, 'affectedScope', 4);
  await field(page, L.affectedSystems).fill('FS01, Laufwerk S:');
  await choose(page, 'businessCritical', 2);
  await choose(page, 'since', 1);
  await choose(page, 'impairment', 1);
  await choose(page, 'category', 7);
  await expect(page.getByTestId('triage-preview')).toContainText(L.reasonP1);
  // The fitting runbook is offered at intake and starts with the ticket.
  await page.getByTestId('intake-runbooks').getByRole('button', { name: L.serverDown }).click();
  await page.screenshot({ path: screenshotPath(lang, 'intake') });
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.detail-title h1')).toHaveText('Dateiserver nicht erreichbar');
  await expect(page.getByTestId('run-server-share-down')).toBeVisible();

  // The list puts the outage first, at P1.
  await page.keyboard.press('Control+1');
  await expect(page.getByTestId('list-total')).toHaveText(L.total2);
  const rows = page.getByTestId('ticket-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('P1');
  await expect(rows.first()).toContainText('Dateiserver nicht erreichbar');
  await expect(rows.nth(1)).toContainText('P4');
  await page.screenshot({ path: screenshotPath(lang, 'list') });

  // Open it by keyboard, note what was found, start working on it.
  await expect(page.getByTestId('ticket-grid')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.detail-title h1')).toHaveText('Dateiserver nicht erreichbar');
  await page.keyboard.press('i');
  await page.keyboard.type('FS01 antwortet nicht auf Ping; USV meldet Stromausfall im Serverraum.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('timeline')).toContainText('FS01 antwortet nicht auf Ping');
  await page.keyboard.press('1');
  await expect(page.locator('.detail-title .status')).toHaveText(L.inProgress);
  await expect(page.getByTestId('triage-box')).toContainText(L.reasonP1);
  await expect(page.getByTestId('sla')).toContainText(L.firstResponse);

  // After a reload everything is still there.
  await page.reload();
  await expect(page.locator('.detail-title .status')).toHaveText(L.inProgress);
  await expect(page.getByTestId('timeline')).toContainText('FS01 antwortet nicht auf Ping');
  await expect(page.getByTestId('timeline')).toContainText(L.note);
  await page.screenshot({ path: screenshotPath(lang, 'detail') });

  // The black box holds.
  expect(await host.api('audit.verify', {})).toMatchObject({ ok: true, checked: 5 });
});

test('an intake draft survives a reload and is gone only after saving', async ({ page, host, lang }) => {
  const L = text[lang];
  await openApp(page, host);
  await page.keyboard.press('Control+n');
  await field(page, L.name).fill('Jonas Weber');
  await field(page, L.title).fill('Drucker im 2. OG druckt nicht');
  await choose(page, 'affectedScope', 3);
  await page.waitForTimeout(400); // the draft is written 150 ms after the last keystroke
  await page.reload();
  await expect(page.getByTestId('draft-restored')).toContainText(L.restored);
  await expect(field(page, L.name)).toHaveValue('Jonas Weber');
  await expect(field(page, L.title)).toHaveValue('Drucker im 2. OG druckt nicht');
  await expect(page.getByTestId('choice-affectedScope').locator('input:checked')).toHaveValue('department');
  await choose(page, 'impairment', 2);
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.detail-title h1')).toHaveText('Drucker im 2. OG druckt nicht');
  await page.keyboard.press('Control+n');
  await expect(field(page, L.name)).toHaveValue('');
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
});

test('a change made elsewhere appears without reload', async ({ page, host }) => {
  await openApp(page, host);
  await expect(page.getByTestId('ticket-row')).toHaveCount(0);
  await host.api('tickets.create', {
    title: 'VPN bricht ab',
    channel: 'email',
    requester: { name: 'Eva Lang' },
    firstContact: { affectedScope: 'team', impairment: 'severe' },
  });
  await expect(page.getByTestId('ticket-row')).toHaveCount(1);
  await expect(page.getByTestId('ticket-row').first()).toContainText('VPN bricht ab');
});
