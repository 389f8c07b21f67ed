import { fileServerTicket } from '../support/tickets';
import { expect, openApp, screenshotPath, test } from './fixtures';

const text = {
  de: {
    serverDown: 'Server oder Dateifreigabe ausgefallen',
    evidence: 'Buchhaltung und Vertrieb, Laufwerke S: und T:, seit 08:05',
    name: 'Name',
    start: 'Erster Arbeitstag',
    department: 'Abteilung',
    requester: 'Angefragt von',
    create: 'Anlegen und Checkliste starten',
    library: 'Checklisten-Bibliothek',
  },
  en: {
    serverDown: 'Server or file share down',
    evidence: 'Accounting and sales, drives S: and T:, since 08:05',
    name: 'Name',
    start: 'First working day',
    department: 'Department',
    requester: 'Requested by',
    create: 'Create and start the checklist',
    library: 'Checklist library',
  },
};

test('the server-down runbook on the Monday P1 ticket: three steps by keyboard, reload, continue', async ({
  page,
  host,
  lang,
}) => {
  const L = text[lang];
  const ticket = (await host.api('tickets.create', fileServerTicket)) as { id: number };
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host);
  await page.goto(`${host.url}/#/tickets/${ticket.id}`);
  await page.getByRole('button', { name: `▶ ${L.serverDown}` }).click();
  const steps = page.getByTestId('run-steps');
  await expect(steps).toBeVisible();
  await steps.focus();
  // 1: needs evidence – "d" asks for it in place, Enter saves.
  await page.keyboard.press('d');
  await page.getByTestId('step-note').fill(L.evidence);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step-umfang')).toHaveAttribute('data-state', 'done');
  // 2: plain step.
  await page.keyboard.press('d');
  await expect(page.getByTestId('step-info-alle')).toHaveAttribute('data-state', 'done');
  // 3: a question – "n" answers no and opens the branch for an unreachable server.
  await page.keyboard.press('n');
  await expect(page.getByTestId('step-erreichbar')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('step-strom-netz')).toBeVisible();
  await expect(page.getByTestId('step-speicher')).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('step-umfang')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('step-umfang')).toContainText(L.evidence);
  await page.getByTestId('run-steps').focus();
  // The cursor starts on the first open step; block it with a note.
  await page.keyboard.press('b');
  await page.getByTestId('step-note').fill('Serverraum abgeschlossen, Schlüssel beim Hausmeister');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step-strom-netz')).toHaveAttribute('data-state', 'blocked');
  await page.getByTestId('checklists').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath(lang, 'run') });
  const run = (await host.api('checklists.runs.forTicket', { ticketId: ticket.id })) as {
    runs: { progress: { done: number } }[];
  };
  expect(run.runs[0]!.progress.done).toBe(3);
  expect(await host.api('audit.verify', {})).toMatchObject({ ok: true });
});

test('an onboarding for a new employee shows the due dates of its steps', async ({ page, host, lang }) => {
  const L = text[lang];
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host);
  await page.keyboard.press('Control+5');
  const form = page.getByTestId('request-form');
  await form.getByRole('combobox').selectOption('onboarding');
  await form.getByLabel(L.name).fill('Eva Klein');
  await form.getByLabel(L.start).fill('2026-12-07');
  await form.getByLabel(L.department).first().fill('Vertrieb');
  await form.getByLabel(L.requester).fill('Sabine Roth');
  await form.getByRole('button', { name: L.create }).click();
  await expect(page.locator('.detail-title h1')).toContainText('Eva Klein');
  await expect(page.getByTestId('step-geraet-bestellen')).toContainText('2026-11-26');
  await expect(page.getByTestId('step-uebergabe')).toContainText('2026-12-07');
  await page.getByTestId('checklists').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath(lang, 'onboarding') });
  await page.keyboard.press('Control+5');
  await expect(page.getByTestId('requests')).toContainText('2026-12-07');
  await page.screenshot({ path: screenshotPath(lang, 'requests') });
  await page.keyboard.press('Control+4');
  await expect(page.getByRole('heading', { name: L.library })).toBeVisible();
  await expect(page.getByTestId('template-preview')).toBeVisible();
  await page.screenshot({ path: screenshotPath(lang, 'library') });
});

test('a runbook is edited in the library: a step added and moved up, saved as a new version', async ({
  page,
  host,
  lang,
}) => {
  const edit = lang === 'de' ? 'Bearbeiten' : 'Edit';
  const save = lang === 'de' ? 'Als neue Version speichern' : 'Save as new version';
  const stepLabel = lang === 'de' ? 'Schritt' : 'Step';
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host);
  await page.keyboard.press('Control+4');
  await page
    .getByTestId('library-list')
    .getByRole('button', { name: lang === 'de' ? 'Drucker druckt nicht' : 'Printer does not print' })
    .click();
  await page.getByRole('button', { name: edit }).click();
  const editor = page.getByTestId('template-editor');
  await editor
    .getByRole('button', { name: `+ ${stepLabel}`, exact: true })
    .first()
    .click();
  await editor.getByRole('textbox', { name: stepLabel, exact: true }).nth(3).fill('Druckerhersteller-Hotline anrufen');
  await editor.locator('.editor-step').nth(3).getByRole('button', { name: '↑' }).click();
  await editor.getByRole('button', { name: save }).click();
  await expect(page.getByTestId('template-preview')).toContainText('Druckerhersteller-Hotline anrufen');
  const stored = (await host.api('checklists.templates.get', { key: 'printer-does-not-print', language: lang })) as {
    version: number;
    changed: boolean;
    template: { sections: { steps: { title: string }[] }[] };
  };
  expect(stored).toMatchObject({ version: 2, changed: true });
  expect(stored.template.sections[0]!.steps[2]!.title).toBe('Druckerhersteller-Hotline anrufen');
});
