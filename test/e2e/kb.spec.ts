import { outlookTicket } from '../support/tickets';
import { choose, expect, field, openApp, screenshotPath, test } from './fixtures';

const text = {
  de: {
    name: 'Name',
    title: 'Kurzbeschreibung',
    outlook: 'Outlook startet nicht oder hängt beim Laden des Profils',
    linked: 'Verknüpft ✓',
    published: 'Veröffentlicht',
    state: 'Zustand',
    helped: 'hat 1-mal geholfen',
    history: 'Verlauf (2 Versionen)',
  },
  en: {
    name: 'Name',
    title: 'Summary',
    outlook: 'Outlook does not start or hangs loading the profile',
    linked: 'Linked ✓',
    published: 'Published',
    state: 'State',
    helped: 'helped 1 time',
    history: 'History (2 versions)',
  },
};

/** Resolves a ticket through the API, as the status actions do, with a resolution text. */
async function resolve(host: { api: (m: string, i: unknown) => Promise<unknown> }, id: number, resolution: string) {
  const detail = (await host.api('tickets.get', { id })) as { ticket: { version: number } };
  await host.api('tickets.transition', {
    id,
    to: 'resolved',
    expectedVersion: detail.ticket.version,
    resolution,
    checklistOverride: 'kein Runbook',
  });
}

test('knowledge: suggested at intake, linked, and written from a resolved ticket for the next one', async ({
  page,
  host,
  lang,
}) => {
  const L = text[lang];
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host);

  // The empty knowledge base offers the starter articles.
  await page.keyboard.press('Control+7');
  await page.getByTestId('kb-starter').click();
  await expect(page.getByTestId('kb-list').locator('tbody tr')).toHaveCount(8);
  await page.screenshot({ path: screenshotPath(lang, 'kb-list') });

  // "Outlook startet nicht" at intake: the Outlook article is suggested; Alt+1 opens it, Alt+L links it.
  await page.keyboard.press('Control+n');
  await field(page, L.name).fill('Anna Becker');
  await field(page, L.title).fill('Outlook startet nicht');
  await choose(page, 'affectedScope', 1);
  await choose(page, 'since', 3);
  await choose(page, 'impairment', 3);
  const suggestions = page.getByTestId('kb-suggestions');
  await expect(suggestions.locator('li').first()).toContainText(L.outlook);
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('kb-preview')).toContainText('outlook.exe /safe');
  await page.keyboard.press('Alt+l');
  await expect(suggestions.getByTestId('kb-suggestion-link').first()).toHaveText(L.linked);
  await page.screenshot({ path: screenshotPath(lang, 'kb-intake-suggested') });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('kb-linked')).toContainText(L.outlook);
  // A status message takes the article's text for requesters, in the message's language.
  await page.keyboard.press('m');
  await page.getByTestId('kb-insert').getByRole('button').first().click();
  await expect(page.getByTestId('message-body')).toHaveValue(/https:\/\/outlook\.office\.com/);
  await page.keyboard.press('Escape');
  const firstId = Number(/#\/tickets\/(\d+)/.exec(page.url())?.[1]);
  await resolve(host, firstId, 'Add-In deaktiviert, siehe Artikel.');

  // Another ticket, resolved: an article is drafted from it, edited and published.
  const vpn = (await host.api('tickets.create', {
    ...outlookTicket,
    title: 'VPN trennt nach fünf Minuten',
    description: 'Im Homeoffice bricht die VPN-Verbindung nach etwa fünf Minuten ab.',
    firstContact: { ...outlookTicket.firstContact, affectedSystems: 'VPN-Client' },
    category: 'network',
  })) as { id: number };
  await host.api('tickets.addNote', { id: vpn.id, kind: 'note', body: 'Energiesparmodus der WLAN-Karte schaltet ab.' });
  await resolve(host, vpn.id, 'Energiesparen für den WLAN-Adapter im Geräte-Manager abgeschaltet.');
  await page.goto(`${host.url}/#/tickets/${vpn.id}`);
  await page.getByTestId('kb-draft-from-ticket').click();
  const editor = page.getByTestId('kb-editor');
  await expect(page.getByTestId('kb-title')).toHaveValue('VPN trennt nach fünf Minuten');
  await expect(page.getByTestId('kb-body')).toHaveValue(/Energiesparen für den WLAN-Adapter/);
  await page.getByTestId('kb-body').press('End');
  await page.getByTestId('kb-body').press('Control+End');
  await page.getByTestId('kb-body').pressSequentially('\n\nGilt für Intel-WLAN-Karten.');
  await editor.getByLabel(L.state).selectOption('published');
  await page.screenshot({ path: screenshotPath(lang, 'kb-draft') });
  await page.getByTestId('kb-save').click();
  await expect(page.getByTestId('kb-article')).toContainText('Gilt für Intel-WLAN-Karten.');
  await expect(page.getByTestId('kb-article')).toContainText(L.published);

  // Edited once more: the history shows both versions with what changed.
  await page.getByTestId('kb-edit').click();
  await page.getByTestId('kb-title').fill('VPN trennt nach fünf Minuten (WLAN-Energiesparen)');
  await page.getByTestId('kb-save').click();
  await page.getByRole('button', { name: L.history }).click();
  await expect(page.getByTestId('kb-history').locator('ins').first()).toContainText('WLAN-Energiesparen');
  await page.screenshot({ path: screenshotPath(lang, 'kb-article') });

  // The next similar intake gets it suggested.
  await page.keyboard.press('Control+n');
  await field(page, L.title).fill('VPN bricht nach ein paar Minuten ab');
  await expect(page.getByTestId('kb-suggestions').locator('li').first()).toContainText('VPN trennt nach fünf Minuten');

  // The Outlook article counts the ticket it helped with.
  await page.goto(`${host.url}/#/kb`);
  await expect(page.getByTestId('kb-list')).toContainText(L.helped);
  expect(await host.api('audit.verify', {})).toMatchObject({ ok: true });
});
