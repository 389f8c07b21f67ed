import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outlookTicket } from '../support/tickets';
import { choose, expect, openApp, screenshotPath, test } from './fixtures';

const text = {
  de: {
    import: 'Importieren …',
    apply: 'Übernehmen',
    counts: '3 neu · 0 geändert · 0 unverändert · 0 fehlerhaft',
    title: 'Kurzbeschreibung',
    name: 'Name',
    department: 'Abteilung',
    erpCritical: 'ERP ist geschäftskritisch',
    systemsTab: 'Systeme',
    otherTickets: 'Weitere Tickets von',
  },
  en: {
    import: 'Import …',
    apply: 'Apply',
    counts: '3 new · 0 changed · 0 unchanged · 0 invalid',
    title: 'Summary',
    name: 'Name',
    department: 'Department',
    erpCritical: 'ERP is business-critical',
    systemsTab: 'Systems',
    otherTickets: 'More tickets of',
  },
};

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/directory', name));

test('the directory: import the M365 list, take a walk-in by picking the person and the ERP, see the raise and the history', async ({
  page,
  host,
  lang,
}) => {
  const L = text[lang];
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host);

  // Import the company's Microsoft 365 user list: a dry run first, then apply.
  await page.keyboard.press('Control+0');
  await expect(page.locator('main h1')).toBeVisible();
  await page.getByTestId('directory-import').click();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'Users.csv', mimeType: 'text/csv', buffer: fixture('m365-active-users.csv') });
  await expect(page.getByTestId('import-counts')).toHaveText(L.counts);
  await page.screenshot({ path: screenshotPath(lang, 'directory-import') });
  await page.getByTestId('import-dialog').getByRole('button', { name: L.apply }).click();
  await expect(page.getByTestId('people-table')).toContainText('Anna Müller');
  await expect(page.getByTestId('people-table')).toContainText('Thomas Krüger');
  await page.screenshot({ path: screenshotPath(lang, 'directory-people') });

  // The ERP is business-critical; Anna called last week already.
  const erp = (await host.api('directory.systems.save', {
    system: {
      name: 'ERP',
      kind: 'application',
      criticality: 'critical',
      location: 'https://erp.example.de',
      departments: ['Buchhaltung', 'Vertrieb'],
    },
  })) as { id: number };
  const { people } = (await host.api('directory.people.list', { q: 'anna' })) as { people: { id: number }[] };
  const anna = people[0]!;
  const earlier = (await host.api('tickets.create', {
    ...outlookTicket,
    requester: { name: 'Anna Müller', personId: anna.id },
  })) as { number: string };
  await page.getByRole('tab', { name: L.systemsTab }).click();
  await expect(page.getByTestId('systems-table')).toContainText('ERP');
  await page.screenshot({ path: screenshotPath(lang, 'directory-systems') });

  // Walk-in: typing "Muller" offers Anna Müller; Enter takes her, with her department.
  await page.keyboard.press('Control+n');
  const name = page.getByRole('combobox', { name: L.name });
  await name.fill('Muller');
  await expect(page.getByRole('option', { name: /Anna Müller/ })).toBeVisible();
  await page.screenshot({ path: screenshotPath(lang, 'intake-typeahead') });
  await name.press('Enter');
  await expect(name).toHaveValue('Anna Müller');
  await expect(page.getByRole('textbox', { name: L.department })).toHaveValue('Vertrieb');
  await expect(page.getByTestId('requester-linked')).toBeVisible();
  await page.getByRole('textbox', { name: L.title }).fill('ERP-Rechnungslauf bricht ab');
  const systems = page.getByTestId('systems-picker');
  await systems.fill('erp');
  await expect(page.getByRole('option', { name: /ERP/ })).toBeVisible();
  await systems.press('Enter');
  await expect(page.getByTestId('picked-systems')).toContainText('ERP');
  await choose(page, 'affectedScope', 1);
  await choose(page, 'impairment', 3);
  // One person with a workaround would be P4; the critical ERP raises the impact and says why.
  await expect(page.getByTestId('triage-preview')).toContainText(L.erpCritical);
  await expect(page.getByTestId('triage-preview')).toContainText('P3');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.detail-title h1')).toHaveText('ERP-Rechnungslauf bricht ab');

  // The ticket shows Anna's earlier ticket and links to her page and the ERP's.
  const panel = page.getByTestId('directory-panel');
  await expect(panel).toContainText(L.otherTickets);
  await expect(panel.getByTestId('person-recent')).toContainText(earlier.number);
  await page.screenshot({ path: screenshotPath(lang, 'ticket-directory') });
  await panel.getByRole('link', { name: 'Anna Müller' }).click();
  await expect(page.getByTestId('person-page')).toContainText('Vertriebsleitung');
  await expect(page.getByTestId('person-tickets')).toContainText('ERP-Rechnungslauf bricht ab');
  await expect(page).toHaveTitle(/^Anna Müller – Leitstand$/);
  await page.screenshot({ path: screenshotPath(lang, 'person-page') });
  await page.goto(`${host.url}/#/directory/systems/${erp.id}`);
  await expect(page.getByTestId('system-open-tickets')).toContainText('ERP-Rechnungslauf bricht ab');
  await page.screenshot({ path: screenshotPath(lang, 'system-page') });
});
