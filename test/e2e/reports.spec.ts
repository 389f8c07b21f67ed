import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { defaultSlaPolicy } from '../../src/shared/domain/slaPolicy';
import { outlookTicket } from '../support/tickets';
import { expect, openApp, screenshotPath, test } from './fixtures';

const text = {
  de: {
    thisMonth: 'Dieser Monat',
    caption: 'Aus dem Bericht',
    delimiter: ';',
    monthlyTitle: 'IT-Monatsbericht',
    uptime: '75 %',
    allTickets: 'Alle Tickets (CSV)',
  },
  en: {
    thisMonth: 'This month',
    caption: 'From the report',
    delimiter: ',',
    monthlyTitle: 'IT monthly report',
    uptime: '75 %',
    allTickets: 'All tickets (CSV)',
  },
};

test('reports: the month on the dashboard, a breached SLA figure opens exactly its tickets, CSV for Excel', async ({
  page,
  host,
  lang,
}) => {
  const L = text[lang];
  await page.setViewportSize({ width: 1366, height: 768 });
  // A round-the-clock desk whose P1 first response is due within two seconds: breaches happen while we watch.
  const allDay = [{ start: '00:00', end: '24:00' }];
  await host.api('sla.policy.update', {
    policy: {
      ...defaultSlaPolicy,
      week: { '1': allDay, '2': allDay, '3': allDay, '4': allDay, '5': allDay, '6': allDay, '7': allDay },
      targets: { ...defaultSlaPolicy.targets, P1: { firstResponse: { hours: 0.0005 }, resolution: { hours: 4 } } },
    },
  });
  const p1 = (title: string) =>
    host.api('tickets.create', { ...outlookTicket, title, triageOverride: { priority: 'P1', reason: 'Vorstand' } });
  const late = (await p1('Server steht')) as { id: number };
  const unanswered = (await p1('ERP nicht erreichbar')) as { id: number };
  await host.api('tickets.create', { ...outlookTicket, title: 'Maus defekt' });
  await page.waitForTimeout(2500);
  await host.api('tickets.addNote', { id: late.id, kind: 'reply', body: 'Wir sind dran.' });

  // A critical system watched by a check (paused, its runs recorded here): its uptime is on the dashboard.
  const system = (await host.api('directory.systems.save', {
    system: { name: 'ERP', kind: 'application', criticality: 'critical' },
  })) as { id: number };
  const check = (await host.api('monitoring.checks.save', {
    check: {
      systemId: system.id,
      name: 'ERP-Port',
      enabled: false,
      target: { kind: 'tcp', host: '127.0.0.1', port: 1 },
    },
  })) as { check: { id: number } };
  for (const outcome of ['ok', 'ok', 'ok', 'failed'] as const)
    await host.api('monitoring.results.record', {
      checkId: check.check.id,
      sample: { at: new Date().toISOString(), outcome, latencyMs: outcome === 'ok' ? 3 : null, message: outcome },
    });

  await openApp(page, host);
  await page.keyboard.press('Control+9');
  await page.getByRole('button', { name: L.thisMonth }).click();
  await expect(page.getByTestId('kpi-opened')).toContainText('3');
  const availability = page.getByTestId('report-availability');
  await expect(availability.getByRole('row', { name: /ERP/ })).toContainText(L.uptime);
  await availability.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath(lang, 'reports-availability') });
  await page.getByTestId('kpi-opened').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('sla-breached-P1-first')).toBeVisible();
  await page.screenshot({ path: screenshotPath(lang, 'reports-dashboard') });

  // The breached first responses of P1: exactly the two P1 tickets, with the report named above the list.
  await page.getByTestId('sla-breached-P1-first').click();
  await expect(page.getByTestId('report-caption')).toContainText(L.caption);
  const rows = page.locator('[data-testid="ticket-row"]');
  await expect(rows).toHaveCount(2);
  await expect(page.getByText('Server steht')).toBeVisible();
  await expect(page.getByText('ERP nicht erreichbar')).toBeVisible();
  await expect(page.getByText('Maus defekt')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath(lang, 'reports-drilldown') });
  expect(unanswered.id).toBeGreaterThan(late.id);

  // The SLA table as CSV: Excel's separator for the language, a BOM, the two breaches in the P1 row.
  await page.keyboard.press('Control+9');
  await page.getByRole('button', { name: L.thisMonth }).click();
  const download = page.waitForEvent('download');
  await page.getByTestId('report-sla').getByRole('button', { name: 'CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: L.delimiter, skipEmptyLines: true });
  expect(parsed.data.find((row) => row[0] === 'P1')?.slice(1)).toEqual(['0', '2', '0', '0']);

  // The same table as an Excel workbook, and every ticket of the desk as CSV.
  const workbook = page.waitForEvent('download');
  await page.getByTestId('report-sla').getByRole('button', { name: 'Excel' }).click();
  expect((await workbook).suggestedFilename()).toMatch(/\.xlsx$/);
  const everything = page.waitForEvent('download');
  await page.getByRole('button', { name: L.allTickets }).click();
  const all = readFileSync(await (await everything).path(), 'utf8');
  const allRows = Papa.parse<string[]>(all.slice(1), { delimiter: L.delimiter, skipEmptyLines: true }).data;
  expect(allRows.some((row) => row[1] === 'Server steht')).toBe(true);

  // The monthly report of this month, with the coordinator's remark, opens as a page of its own.
  const thisMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date()).slice(0, 7);
  await page.getByTestId('monthly-month').fill(thisMonth);
  await page.getByTestId('monthly-remarks').fill('Serverausfall am Morgen, Ursache behoben.');
  // The remarks are kept as a draft of that month: leaving the view and coming back gives them back.
  await page.keyboard.press('Control+1');
  await expect(page.getByTestId('monthly-remarks')).toHaveCount(0);
  await page.keyboard.press('Control+9');
  await page.getByTestId('monthly-month').fill(thisMonth);
  await expect(page.getByTestId('monthly-remarks')).toHaveValue('Serverausfall am Morgen, Ursache behoben.');
  const saved = page.waitForEvent('download');
  await page.getByTestId('monthly-open').click();
  const html = readFileSync(await (await saved).path(), 'utf8');
  expect(html).not.toMatch(/<script/i);
  // Opened as the file opens in a browser (its own policy, its own styles).
  const monthly = await page.context().newPage();
  await monthly.setContent(html);
  await expect(monthly.locator('h1')).toContainText(L.monthlyTitle);
  await expect(monthly.locator('body')).toContainText('Server steht');
  await expect(monthly.locator('body')).toContainText('Serverausfall am Morgen, Ursache behoben.');
  await monthly.setViewportSize({ width: 900, height: 1270 });
  await monthly.screenshot({ path: screenshotPath(lang, 'reports-monthly') });

  // And as a PDF: one A4 page whose text is the report's.
  const pdfSaved = page.waitForEvent('download');
  await page.getByTestId('monthly-pdf').click();
  const pdfPath = await (await pdfSaved).path();
  expect((await pdfSaved).suggestedFilename()).toMatch(/\.pdf$/);
  const pdfText = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
  expect(pdfText).toContain(L.monthlyTitle);
  expect(pdfText).toContain('Serverausfall am Morgen, Ursache behoben.');
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '70',
    '-singlefile',
    pdfPath,
    screenshotPath(lang, 'reports-monthly-pdf').replace(/\.png$/, ''),
  ]);

  // A bar of the trend opens the tickets it counts: today's three.
  await page.keyboard.press('Control+9');
  await page.getByRole('button', { name: L.thisMonth }).click();
  await page.locator('.trend-bar.opened').last().click();
  await expect(page.getByTestId('report-caption')).toContainText(L.caption);
  await expect(page.locator('[data-testid="ticket-row"]')).toHaveCount(3);
});
