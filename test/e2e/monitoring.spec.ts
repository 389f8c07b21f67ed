import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, openApp, screenshotPath, test } from './fixtures';

const text = {
  de: {
    newCheck: 'Neue Prüfung',
    name: 'Name der Prüfung',
    url: 'Adresse (URL)',
    advanced: 'Zeitplan und Flatterschutz',
    downAfter: 'Ausgefallen nach Fehlläufen',
    save: 'Prüfung speichern',
    runNow: 'Jetzt prüfen',
    up: 'Erreichbar',
    down: 'Ausgefallen',
    band: 'ERP ausgefallen seit',
    ticket: 'ERP: Webseite ausgefallen',
    history: 'Antwortzeit und Ausfälle',
    resolved: 'Gelöst',
  },
  en: {
    newCheck: 'New check',
    name: 'Check name',
    url: 'Address (URL)',
    advanced: 'Schedule and flap control',
    downAfter: 'Down after failed runs',
    save: 'Save check',
    runNow: 'Check now',
    up: 'Up',
    down: 'Down',
    band: 'ERP down since',
    ticket: 'ERP: Webseite down',
    history: 'Response time and failures',
    resolved: 'Resolved',
  },
};

/** The company's web shop, as a server the test starts and stops on a loopback port. */
function webShop(port = 0): Promise<Server> {
  const server = createServer((_req, res) => res.end('<html>Shop – Anmeldung</html>'));
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
const stop = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

test('monitoring: a check of a local server goes down, the incident opens on the board with its reason, and resolves when the server is back', async ({
  page,
  host,
  lang,
}) => {
  const L = text[lang];
  await page.setViewportSize({ width: 1366, height: 768 });
  await host.api('settings.update', { patch: { language: lang } });
  await host.api('directory.systems.save', {
    system: { name: 'ERP', kind: 'application', criticality: 'critical', departments: ['Buchhaltung', 'Vertrieb'] },
  });
  let server = await webShop();
  const port = (server.address() as AddressInfo).port;
  await openApp(page, host);
  await page.keyboard.press('Control+6');
  await expect(page.getByRole('heading', { level: 1, name: 'Monitoring' })).toBeVisible();

  await page.getByRole('button', { name: L.newCheck }).click();
  const editor = page.getByTestId('check-editor');
  await editor.getByRole('textbox', { name: L.name }).fill('Webseite');
  await editor.getByRole('textbox', { name: L.url }).fill(`http://127.0.0.1:${port}/`);
  await editor.getByText(L.advanced).click();
  await editor.getByRole('spinbutton', { name: L.downAfter }).fill('1');
  await page.screenshot({ path: screenshotPath(lang, 'monitoring-editor') });
  await editor.getByRole('button', { name: L.save }).click();
  await expect(editor).toBeHidden();

  const row = page.locator('[data-testid^="check-row-"]').first();
  await row.getByRole('button', { name: L.runNow }).click();
  await expect(row).toHaveAttribute('data-state', 'up');
  await expect(row.locator('.state-badge')).toContainText(L.up);

  // The shop stops: the next run finds it down, a ticket opens, the red band is on every view.
  await stop(server);
  await row.getByRole('button', { name: L.runNow }).click();
  await expect(row).toHaveAttribute('data-state', 'down');
  await expect(row.locator('.state-badge')).toContainText(L.down);
  await expect(page.getByTestId('monitoring-band')).toContainText(L.band);
  await expect(row.getByText('connection refused')).toBeVisible();
  await page.screenshot({ path: screenshotPath(lang, 'monitoring-cockpit') });

  await page.keyboard.press('Control+2');
  const card = page.locator('main').getByText(L.ticket, { exact: true });
  await expect(card).toBeVisible();
  await expect(page.getByTestId('monitoring-band')).toBeVisible();
  await card.click();
  await expect(page.getByText('connection refused').first()).toBeVisible();

  // Back up: recovery notes it on the ticket and resolves it (nobody touched it).
  server = await webShop(port);
  await page.keyboard.press('Control+6');
  await row.getByRole('button', { name: L.runNow }).click();
  await expect(row).toHaveAttribute('data-state', 'up');
  await expect(row.locator('.state-badge')).toContainText(L.up);
  await expect(page.getByTestId('monitoring-band')).toBeHidden();
  const tickets = (await host.api('tickets.list', { filter: { channel: ['monitoring'] } })) as {
    items: { id: number; status: string }[];
  };
  expect(tickets.items.map((t) => t.status)).toEqual(['resolved']);

  await row.getByRole('button', { name: 'Webseite' }).click();
  await expect(page.getByText(L.history)).toBeVisible();
  await expect(page.getByTestId('history-chart')).toBeVisible();
  await page.screenshot({ path: screenshotPath(lang, 'monitoring-check') });
  await stop(server);
});
