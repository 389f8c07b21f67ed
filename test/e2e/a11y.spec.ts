import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { TicketCreateInput } from '../../src/shared/contract/tickets';
import { fileServerTicket, networkProvider, outlookTicket } from '../support/tickets';
import { expect, openApp, screenshotPath, test, type Host } from './fixtures';

// WCAG 2.1 A and AA as axe-core checks them, plus the structure rules (one main, one h1, content in landmarks, a
// way to skip the navigation), over every view and dialog in both languages.
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const STRUCTURE = ['landmark-one-main', 'page-has-heading-one', 'region', 'bypass', 'landmark-no-duplicate-main'];

type Violation = { view: string; rule: string; impact: string | null | undefined; targets: string[] };

async function audit(page: Page, view: string): Promise<Violation[]> {
  // One run at a time: axe refuses a second run in the same page.
  const wcag = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const structure = await new AxeBuilder({ page }).withRules(STRUCTURE).analyze();
  return [...wcag.violations, ...structure.violations].map((v) => ({
    view,
    rule: v.id,
    impact: v.impact,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}

const titles = {
  de: { board: 'Tafel – Leitstand', settings: 'Einstellungen – Leitstand', updates: 'Monatliche Update-Runde' },
  en: { board: 'Board – Leitstand', settings: 'Settings – Leitstand', updates: 'Monthly update round' },
};

async function desk(host: Host) {
  await host.api('msp.providers.save', { provider: networkProvider });
  const create = (input: TicketCreateInput) =>
    host.api('tickets.create', input) as Promise<{ id: number; number: string }>;
  const server = await create(fileServerTicket);
  const outlook = await create(outlookTicket);
  // Enough cards in one cell that it scrolls.
  for (let i = 0; i < 7; i += 1) await create({ ...outlookTicket, title: `Outlook-Profil ${i + 1} neu anlegen` });
  await host.api('tickets.addNote', { id: server.id, kind: 'note', body: 'USV meldet Batteriebetrieb' });
  const person = (await host.api('directory.people.save', {
    person: { name: 'Anna Müller', department: 'Vertrieb', email: 'anna@example.de', vip: true },
  })) as { id: number };
  const system = (await host.api('directory.systems.save', {
    system: { name: 'ERP', kind: 'application', criticality: 'critical' },
  })) as { id: number };
  await host.api('directory.departments.save', { department: { name: 'Vertrieb', head: 'Anna Müller' } });
  await create({
    ...outlookTicket,
    requester: { name: 'Anna Müller', personId: person.id },
    firstContact: { ...outlookTicket.firstContact, systemIds: [system.id] },
  });
  return { server, outlook, person, system };
}

test('every view and dialog: no WCAG 2.1 A/AA violation, one h1, a main landmark, a title', async ({
  page,
  host,
  lang,
}) => {
  test.setTimeout(120_000);
  const { server, outlook, person, system } = await desk(host);
  const { problem } = (await host.api('problems.save', {
    content: { title: 'Dateiserver fällt wiederholt aus' },
    ticketIds: [server.id],
  })) as { problem: { id: number } };
  // A watched system with a few runs, one failed: the cockpit and the check's page have something to show.
  const { check: watched } = (await host.api('monitoring.checks.save', {
    check: { systemId: system.id, name: 'ERP-Port', target: { kind: 'tcp', host: '127.0.0.1', port: 1 } },
  })) as { check: { id: number } };
  for (const [minutes, outcome] of [
    [30, 'ok'],
    [20, 'failed'],
    [10, 'ok'],
  ] as const)
    await host.api('monitoring.results.record', {
      checkId: watched.id,
      sample: {
        at: new Date(Date.now() - minutes * 60_000).toISOString(),
        outcome,
        latencyMs: outcome === 'ok' ? 12 : null,
        message: outcome === 'ok' ? 'port 1 open' : 'connection refused',
      },
    });
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host);
  const found: Violation[] = [];
  const counts: Record<string, number> = {};
  const check = async (view: string) => {
    await expect(page.locator('h1')).toHaveCount(1);
    const violations = await audit(page, view);
    counts[view] = violations.length;
    found.push(...violations);
  };
  const go = async (hash: string) => {
    await page.goto(`${host.url}/${hash}`);
    await page.locator('main h1').waitFor({ state: 'attached' });
  };

  for (const view of [
    '#/tickets',
    `#/tickets/${server.id}`,
    '#/new',
    '#/board',
    '#/next',
    '#/requests',
    '#/directory/people',
    '#/directory/systems',
    '#/directory/departments',
    `#/directory/people/${person.id}`,
    `#/directory/systems/${system.id}`,
    '#/kb',
    '#/problems',
    '#/problems/new',
    `#/problems/${problem.id}`,
    '#/reports',
    '#/monitoring',
    `#/monitoring/checks/${watched.id}`,
  ]) {
    await go(view);
    await check(view);
  }
  await go('#/settings');
  await expect(page).toHaveTitle(titles[lang].settings);
  await check('#/settings');
  await go('#/checklists');
  await page.getByTestId('library-list').getByRole('button', { name: titles[lang].updates }).click();
  await check('#/checklists');

  // Dialogs.
  await go(`#/tickets/${server.id}`);
  await expect(page).toHaveTitle(new RegExp(`^${server.number} Dateiserver nicht erreichbar – Leitstand$`));
  await page.keyboard.press('e');
  await page.getByTestId('forward-text').waitFor();
  await check('forward dialog');
  await page.keyboard.press('Escape');
  await go('#/tickets');
  await page.keyboard.press('?');
  await page.getByTestId('shortcut-table').first().waitFor();
  await check('shortcut help');
  await page.screenshot({ path: screenshotPath(lang, 'shortcut-help') });
  await page.keyboard.press('Escape');
  await go('#/board');
  await expect(page).toHaveTitle(titles[lang].board);
  await page.getByTestId(`card-${outlook.number}`).click();
  await page.keyboard.press('Shift+ArrowUp');
  await page.getByTestId('move-reason').waitFor();
  await check('move dialog');
  await page.keyboard.press('Escape');
  await go('#/checklists');
  await page.getByTestId('library-list').getByRole('button', { name: titles[lang].updates }).click();
  await page.getByTestId('template-preview').getByRole('link').first().click();
  await expect(page.getByTestId('external-url')).toHaveText('https://learn.microsoft.com/windows/release-health/');
  await check('external link');
  await page.screenshot({ path: screenshotPath(lang, 'external-link') });

  await page.keyboard.press('Escape');
  await go('#/directory/people');
  await page.getByTestId('directory-import').click();
  await page.getByTestId('import-file').setInputFiles({
    name: 'p.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Name;E-Mail\r\nLea Vogt;lea@example.de\r\n;kaputt\r\n'),
  });
  await page.getByTestId('import-counts').waitFor();
  await check('import dialog');
  await page.keyboard.press('Escape');
  await go('#/directory/people');
  await page.getByRole('button', { name: /Bearbeiten: Anna|Edit: Anna/ }).click();
  await page.getByTestId('person-form').waitFor();
  await check('person form');
  await go('#/monitoring');
  await page.getByTestId('check-new').click();
  await page.getByTestId('check-editor').waitFor();
  await check('check editor');
  await page.keyboard.press('Escape');
  await page.getByTestId('maintenance-open').click();
  await page.getByTestId('maintenance-dialog').waitFor();
  await check('maintenance dialog');

  console.log(`axe violations per view (${lang}): ${JSON.stringify(counts)}`);
  expect(found).toEqual([]);
});

const focusedTestId = (page: Page) =>
  page.evaluate(
    () =>
      document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? document.activeElement?.tagName,
  );

test('dialogs are modal: focus moves in, stays in, Esc closes from any control, focus returns', async ({
  page,
  host,
}) => {
  const { server } = await desk(host);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host);
  await page.goto(`${host.url}/#/tickets/${server.id}`);
  await page.locator('main h1').waitFor();
  // Open the forward dialog from its button, so the focus has somewhere to return to.
  const opener = page.getByTestId('forward-open');
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('forward-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('msp-question')).toBeFocused();
  // Thirty Tabs never leave the dialog.
  for (let i = 0; i < 30; i += 1) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => {
      const active = document.activeElement;
      return !active || active === document.body || Boolean(active.closest('dialog[open]'));
    });
    expect(inside).toBe(true);
  }
  // Esc from a select (which keeps keys for itself in many widgets) still closes the dialog.
  await dialog.locator('select').first().focus();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  // The page itself is unchanged: Escape in the dialog did not also leave the ticket.
  await expect(page.locator('.detail-title h1')).toHaveText('Dateiserver nicht erreichbar');

  // The shortcut help has a close button, and Tab + Esc closes it too.
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcut-help');
  await expect(help).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await page.keyboard.press('?');
  await help.getByRole('button', { name: /Schließen|Close/ }).click();
  await expect(help).toHaveCount(0);
  expect(await focusedTestId(page)).not.toBe('BODY');
});
