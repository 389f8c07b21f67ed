import { readdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { outlookTicket } from '../support/tickets';
import { expect, openApp, screenshotPath, test } from './fixtures';

const text = {
  de: {
    runNow: 'Jetzt sichern',
    verified: 'vollständig in Ordnung',
    restored: 'Wiederhergestellt in',
    inPlace: 'ist jetzt der Stand',
    heading: 'Datensicherung',
  },
  en: {
    runNow: 'Back up now',
    verified: 'all in order',
    restored: 'Restored into',
    inPlace: 'is now the desk',
    heading: 'Backups',
  },
};

test('backups: run one, see it verified, restore it into a new folder', async ({ page, host, lang }) => {
  const L = text[lang];
  await page.setViewportSize({ width: 1366, height: 768 });
  await host.api('tickets.create', outlookTicket);
  await openApp(page, host);
  await page.goto(`${host.url}/#/settings`);
  const panel = page.getByTestId('backups-panel');
  await expect(page.getByRole('heading', { name: L.heading })).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await panel.getByRole('button', { name: L.runNow }).click();
  await expect(page.getByTestId('backup-verification').first()).toContainText(L.verified);
  await page.getByRole('heading', { name: L.heading }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath(lang, 'backups-verified') });

  await page.getByTestId('backup-restore').first().click();
  const form = page.getByTestId('restore-form');
  await expect(form).toBeVisible();
  const to = await form.getByRole('textbox').first().inputValue();
  expect(dirname(to)).toBe(dirname(host.dataDir));
  await page.screenshot({ path: screenshotPath(lang, 'backups-restore') });
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByText(new RegExp(`^${L.restored} `))).toBeVisible();
  await page.screenshot({ path: screenshotPath(lang, 'backups-restored') });
  expect(readdirSync(to)).toContain('leitstand.sqlite');
  rmSync(to, { recursive: true, force: true });
});

test('backups: restore in place of the current desk; the desk goes on with the backup', async ({
  page,
  host,
  lang,
}) => {
  const L = text[lang];
  await page.setViewportSize({ width: 1366, height: 768 });
  await host.api('tickets.create', { ...outlookTicket, title: 'Drucker im Backup' });
  await openApp(page, host);
  await page.goto(`${host.url}/#/settings`);
  const panel = page.getByTestId('backups-panel');
  await panel.scrollIntoViewIfNeeded();
  await panel.getByRole('button', { name: L.runNow }).click();
  await expect(page.getByTestId('backup-verification').first()).toContainText(L.verified);
  await host.api('tickets.create', { ...outlookTicket, title: 'Nach der Sicherung angelegt' });

  await page.getByTestId('backup-restore').first().click();
  await page.locator('label', { has: page.getByTestId('restore-in-place') }).click();
  await expect(page.getByTestId('restore-in-place')).toBeChecked();
  await expect(page.getByTestId('restore-form').getByRole('textbox')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath(lang, 'backups-restore-in-place') });
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByText(L.inPlace)).toBeVisible();
  // The open window goes on with the restored desk without a reload.
  await page.goto(`${host.url}/#/board`);
  await expect(page.getByText('Drucker im Backup')).toBeVisible();
  await expect(page.getByText('Nach der Sicherung angelegt')).toHaveCount(0);
  expect(readdirSync(host.dataDir).some((name) => name.startsWith('before-restore-'))).toBe(true);
});

const privacyText = {
  de: {
    find: 'Suchen',
    erase: 'Pseudonymisieren …',
    confirm: 'Endgültig pseudonymisieren',
    erased: 'Pseudonymisiert als',
  },
  en: { find: 'Find', erase: 'Pseudonymise …', confirm: 'Pseudonymise for good', erased: 'Pseudonymised as' },
};

test('privacy: find a person, erase them, and see the ticket pseudonymised', async ({ page, host, lang }) => {
  const L = privacyText[lang];
  await page.setViewportSize({ width: 1366, height: 768 });
  const ticket = (await host.api('tickets.create', {
    ...outlookTicket,
    requester: { name: 'Erika Beispiel', email: 'erika.beispiel@example.de', department: 'Vertrieb' },
  })) as { id: number; number: string };
  await host.api('tickets.transition', { id: ticket.id, to: 'inProgress' });
  await host.api('tickets.transition', { id: ticket.id, to: 'resolved', resolution: 'Profil neu angelegt' });
  await openApp(page, host);
  await page.goto(`${host.url}/#/settings`);
  const panel = page.getByTestId('privacy-panel');
  await panel.scrollIntoViewIfNeeded();
  await page.getByTestId('privacy-name').fill('Erika Beispiel');
  await panel.getByRole('button', { name: L.find }).click();
  await expect(page.getByTestId('privacy-found')).toContainText(ticket.number);
  await page.getByTestId('privacy-erase').click();
  await expect(page.getByTestId('erase-form')).toBeVisible();
  await page.getByTestId('erase-form').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath(lang, 'privacy-erase') });
  await page.getByTestId('erase-confirm').click();
  await expect(page.getByText(new RegExp(`^${L.erased} `))).toBeVisible();
  await expect(page.getByTestId('erasure-log')).toContainText(/Person [0-9a-f]{4}/);
  await page.getByTestId('erasure-log').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath(lang, 'privacy-erased') });

  await page.goto(`${host.url}/#/tickets/${ticket.id}`);
  await expect(page.locator('main')).toContainText(/Person [0-9a-f]{4}/);
  await expect(page.locator('main')).not.toContainText('Erika Beispiel');
  await page.screenshot({ path: screenshotPath(lang, 'privacy-ticket') });
});
