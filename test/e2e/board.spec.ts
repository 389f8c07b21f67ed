import type { Page } from '@playwright/test';
import type { TicketCreateInput } from '../../src/shared/contract/tickets';
import { fileServerTicket, outlookTicket } from '../support/tickets';
import { expect, openApp, screenshotPath, test, type Host } from './fixtures';

const text = {
  de: {
    board: 'Tafel',
    reasonLabel: 'Begründung',
    moved: 'verschoben',
    waiting: 'Wartet auf Melder',
    because: 'weil',
    pausedNote: 'warten auf den Melder',
    hoursUnreadable: 'Zeiten bitte als',
  },
  en: {
    board: 'Board',
    reasonLabel: 'Reason',
    moved: 'moved',
    waiting: 'Waiting on requester',
    because: 'because',
    pausedNote: 'waiting on the requester',
    hoursUnreadable: 'please give the hours as',
  },
};

type Created = { id: number; number: string };

/** Monday 08:15: the outage, Anna's Outlook, and what else is on the desk. */
async function mondayDesk(host: Host) {
  const create = (input: TicketCreateInput) => host.api('tickets.create', input) as Promise<Created>;
  const server = await create(fileServerTicket);
  const outlook = await create(outlookTicket);
  const printer = await create({
    ...outlookTicket,
    title: 'Drucker 2. OG druckt nicht',
    requester: { name: 'Jonas Weber', department: 'Einkauf' },
    category: 'printing',
    firstContact: { ...outlookTicket.firstContact, affectedScope: 'team', impairment: 'severe' },
  });
  const vpn = await create({
    ...outlookTicket,
    title: 'VPN bricht im Homeoffice ab',
    requester: { name: 'Sabine Roth', department: 'Personal' },
    category: 'network',
    firstContact: { ...outlookTicket.firstContact, impairment: 'severe' },
  });
  const erp = await create({
    ...fileServerTicket,
    title: 'ERP-Buchungen hängen',
    requester: { name: 'Petra Hahn', department: 'Buchhaltung' },
    category: 'software',
    firstContact: { ...fileServerTicket.firstContact, affectedScope: 'department', impairment: 'severe' },
  });
  await host.api('tickets.transition', { id: erp.id, to: 'waitingMsp' });
  const erpPriority = ((await host.api('tickets.get', { id: erp.id })) as { ticket: { triage: { priority: string } } })
    .ticket.triage.priority;
  await host.api('tickets.update', { id: erp.id, patch: { tier: 'msp' } });
  const mouse = await create({
    ...outlookTicket,
    title: 'Maus defekt',
    requester: { name: 'Lea Vogt', department: 'Vertrieb' },
    category: 'hardware',
    firstContact: { ...outlookTicket.firstContact, impairment: 'none' },
  });
  await host.api('tickets.transition', { id: mouse.id, to: 'resolved', resolution: 'Ersatzmaus ausgegeben' });
  return { server, outlook, printer, vpn, erp, erpPriority };
}

const cell = (page: Page, priority: string, column: string) => page.getByTestId(`cell-${priority}-${column}`);

test('the Monday story on the board: outage in the P1 row, cards moved by mouse and by keyboard', async ({
  page,
  host,
  lang,
}) => {
  const L = text[lang];
  const { server, outlook, printer, erpPriority } = await mondayDesk(host);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host);
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { name: L.board })).toBeVisible();
  await expect(cell(page, 'P1', 'new').getByTestId(`card-${server.number}`)).toBeVisible();
  await expect(cell(page, erpPriority, 'waiting')).toContainText('MSP');
  await page.screenshot({ path: screenshotPath(lang, 'board') });

  // Drag Anna's Outlook ticket to "in progress".
  const outlookCard = page.getByTestId(`card-${outlook.number}`);
  const outlookPriority = (await outlookCard
    .locator('xpath=ancestor::*[starts-with(@data-testid, "cell-")]')
    .getAttribute('data-testid'))!.split('-')[1]!;
  await outlookCard.dragTo(cell(page, outlookPriority, 'inProgress'));
  await expect(cell(page, outlookPriority, 'inProgress').getByTestId(`card-${outlook.number}`)).toBeVisible();

  // Keyboard: select the printer card, raise its priority with a reason, then park it waiting on the requester.
  const printerCard = page.getByTestId(`card-${printer.number}`);
  await printerCard.click();
  await page.keyboard.press('Shift+ArrowUp');
  await page.getByTestId('move-reason').fill('Ganze Einkaufsabteilung kann keine Bestellungen drucken');
  await page.keyboard.press('Enter');
  await expect(page.locator('.toast').last()).toContainText(L.moved);
  const raised = (await host.api('tickets.get', { id: printer.id })) as { ticket: { triage: { priority: string } } };
  await expect(cell(page, raised.ticket.triage.priority, 'new').getByTestId(`card-${printer.number}`)).toBeVisible();
  await page.getByTestId(`card-${printer.number}`).focus();
  await page.keyboard.press('Shift+ArrowRight');
  const row = raised.ticket.triage.priority;
  await expect(cell(page, row, 'inProgress').getByTestId(`card-${printer.number}`)).toBeVisible();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByRole('radio', { name: L.waiting })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(
    cell(page, raised.ticket.triage.priority, 'waiting').getByTestId(`card-${printer.number}`),
  ).toBeVisible();

  // Live: a change made elsewhere moves the card without a reload.
  await host.api('tickets.transition', { id: server.id, to: 'inProgress' });
  await expect(cell(page, 'P1', 'inProgress').getByTestId(`card-${server.number}`)).toBeVisible();

  // The log holds every move with its reason.
  const timeline = (await host.api('tickets.timeline', { id: printer.id })) as {
    events: { kind: string; data: unknown }[];
  };
  expect(JSON.stringify(timeline.events)).toContain('Ganze Einkaufsabteilung');
  expect(await host.api('audit.verify', {})).toMatchObject({ ok: true });
});

test('next up says what to do now and why; waiting on the requester is set aside', async ({ page, host, lang }) => {
  const L = text[lang];
  const { server, vpn } = await mondayDesk(host);
  await host.api('tickets.transition', { id: vpn.id, to: 'waitingRequester' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host);
  await page.keyboard.press('Control+3');
  const list = page.getByTestId('next-up');
  await expect(list.locator('li').first()).toContainText('Dateiserver nicht erreichbar');
  await expect(list.locator('li').first()).toContainText(L.because);
  await expect(list).not.toContainText('VPN bricht');
  await expect(page.locator('.next-footer')).toContainText(L.pausedNote);
  await page.screenshot({ path: screenshotPath(lang, 'next') });
  await page.keyboard.press('Enter');
  await expect(page.locator('.detail-title h1')).toHaveText('Dateiserver nicht erreichbar');
  expect(server.id).toBeGreaterThan(0);
});

test('service times are edited in settings; unreadable hours are refused with a clear message', async ({
  page,
  host,
  lang,
}) => {
  const L = text[lang];
  await openApp(page, host);
  await page.keyboard.press('Control+,');
  await page.setViewportSize({ width: 1366, height: 768 });
  const editor = page.getByTestId('sla-policy');
  await editor.scrollIntoViewIfNeeded();
  await editor.getByRole('textbox').first().fill('8 bis 17');
  await editor.getByRole('button').first().click();
  await expect(page.getByTestId('sla-policy-error')).toContainText(L.hoursUnreadable);
  // The field itself is marked and has the focus.
  await expect(editor.getByRole('textbox').first()).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByRole('textbox').first()).toBeFocused();
  await page.screenshot({ path: screenshotPath(lang, 'sla-policy') });
  await editor.getByRole('textbox').first().fill('07:30–16:30');
  await editor.getByRole('button').first().click();
  await expect(page.getByTestId('sla-policy-error')).toHaveCount(0);
  const policy = (await host.api('sla.policy.get', {})) as { week: Record<string, unknown> };
  expect(policy.week['1']).toEqual([{ start: '07:30', end: '16:30' }]);
});
