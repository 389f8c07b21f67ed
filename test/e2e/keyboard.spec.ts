import type { Page } from '@playwright/test';
import { expect, openApp, screenshotPath, test } from './fixtures';

// The Monday story with the keyboard alone: no click, no focus() — the test only presses keys and reads where
// the focus is, as a keyboard or screen-reader user would.
const text = {
  de: {
    name: 'Name',
    title: 'Kurzbeschreibung',
    department: 'Abteilung',
    reasonP1: 'P1: mehrere Abteilungen oder ganze Firma betroffen',
    board: 'Tafel – Leitstand',
    inProgress: 'In Bearbeitung',
    skip: 'Zum Inhalt springen',
    next: 'Als Nächstes',
  },
  en: {
    name: 'Name',
    title: 'Summary',
    department: 'Department',
    reasonP1: 'P1: several departments or whole company affected',
    board: 'Board – Leitstand',
    inProgress: 'In progress',
    skip: 'Skip to content',
    next: 'Next up',
  },
};

/** What the focused element is called (its label, its name attribute for a radio group, or its test id). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    const input = el as HTMLInputElement;
    if (input.type === 'radio') return `radio:${input.name}`;
    const label = input.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? '';
    return `${el.tagName.toLowerCase()}:${label.replace('*', '').trim() || el.dataset.testid || el.textContent?.trim()}`;
  });

/** Tab (or Shift+Tab) until the focus is on `target`; fails if it is not reached within `limit` presses. */
async function tabTo(page: Page, target: RegExp, limit = 25, key = 'Tab') {
  for (let i = 0; i < limit; i += 1) {
    if (target.test(await focused(page))) return;
    await page.keyboard.press(key);
  }
  throw new Error(`focus never reached ${target} (stuck at ${await focused(page)})`);
}

test('Monday by keyboard alone: skip link, intake, list, ticket, board, forward dialog', async ({
  page,
  host,
  lang,
}) => {
  const L = text[lang];
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host);

  // A view change puts the focus in the view; before the navigation sits the skip link, which jumps back.
  await page.keyboard.press('Control+,');
  await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
  await tabTo(page, new RegExp(`^a:${L.skip}$`), 15, 'Shift+Tab');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);

  // The phone rings: the file server is down.
  await page.keyboard.press('Control+n');
  // The name box is a combobox over the directory (its label holds the suggestions too).
  await expect(page.getByRole('combobox', { name: L.name })).toBeFocused();
  await page.keyboard.type('Thomas Krüger');
  // Not in the directory: the next Tab offers to add her, the one after it is the department.
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('button:requester-save');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe(`input:${L.department}`);
  await page.keyboard.type('Buchhaltung');
  await tabTo(page, new RegExp(`^input:${L.title}$`));
  await page.keyboard.type('Dateiserver nicht erreichbar');
  await tabTo(page, /^radio:affectedScope$/);
  await page.keyboard.press('4');
  await tabTo(page, /^radio:businessCritical$/);
  await page.keyboard.press('2');
  await tabTo(page, /^radio:since$/);
  await page.keyboard.press('1');
  await tabTo(page, /^radio:impairment$/);
  await page.keyboard.press('1');
  await tabTo(page, /^radio:category$/);
  await page.keyboard.press('7');
  await expect(page.getByTestId('triage-preview')).toContainText(L.reasonP1);
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.detail-title h1')).toHaveText('Dateiserver nicht erreichbar');
  await expect(page).toHaveTitle(/Dateiserver nicht erreichbar – Leitstand$/);

  // The list takes the keys; Enter opens the selected row, announced as selected.
  await page.keyboard.press('Control+1');
  await expect(page.getByTestId('ticket-grid')).toBeFocused();
  await expect(page.getByTestId('ticket-row').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.locator('.detail-title h1')).toHaveText('Dateiserver nicht erreichbar');
  await page.keyboard.press('1');
  await expect(page.locator('.detail-title .status')).toHaveText(L.inProgress);

  // The forward dialog: focus inside at once, Esc closes, focus back on the page, not lost.
  await page.keyboard.press('e');
  await expect(page.getByTestId('forward-dialog')).toBeVisible();
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]')))).toBe(true);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('forward-dialog')).toHaveCount(0);
  expect(await focused(page)).not.toBe('body');

  // The board is reached by Tab; Enter on a focused sidebar button goes to that view, never opens a card.
  await page.keyboard.press('Control+2');
  await expect(page).toHaveTitle(L.board);
  await tabTo(page, /^div:card-/);
  await expect(page.locator('[data-card]:focus')).toContainText('Dateiserver nicht erreichbar');
  // An arrow selects the card: from now on Enter on the board would open it.
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-card][aria-current="true"]')).toHaveCount(1);
  await tabTo(page, new RegExp(`^button:${L.next}`), 25, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('next-up')).toBeFocused();
  await expect(page).toHaveTitle(new RegExp(`^${L.next} – Leitstand$`));
  await expect(page.getByTestId('next-up').locator('[aria-selected="true"]')).toContainText('Dateiserver');
  await page.keyboard.press('Enter');
  await expect(page.locator('.detail-title h1')).toHaveText('Dateiserver nicht erreichbar');
  await page.screenshot({ path: screenshotPath(lang, 'keyboard') });
});
