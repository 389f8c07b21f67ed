import { readdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { outlookTicket } from '../support/tickets';
import { expect, openApp, screenshotPath, test } from './fixtures';

const text = {
  de: {
    runNow: 'Jetzt sichern',
    verified: 'vollständig in Ordnung',
    restored: 'Wiederhergestellt in',
    heading: 'Datensicherung',
  },
  en: { runNow: 'Back up now', verified: 'all in order', restored: 'Restored into', heading: 'Backups' },
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
  const to = await form.locator('input').first().inputValue();
  expect(dirname(to)).toBe(dirname(host.dataDir));
  await page.screenshot({ path: screenshotPath(lang, 'backups-restore') });
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByText(new RegExp(`^${L.restored} `))).toBeVisible();
  await page.screenshot({ path: screenshotPath(lang, 'backups-restored') });
  expect(readdirSync(to)).toContain('leitstand.sqlite');
  rmSync(to, { recursive: true, force: true });
});
