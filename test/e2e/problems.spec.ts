import { readFileSync } from 'node:fs';
import { outlookTicket } from '../support/tickets';
import { choose, expect, field, openApp, screenshotPath, test } from './fixtures';

const text = {
  de: {
    name: 'Name',
    title: 'Kurzbeschreibung',
    description: 'Details',
    state: 'Stand',
    knownError: 'Bekannter Fehler',
    blame: 'Klingt nach Schuldzuweisung',
    owner: 'Verantwortlich',
    planned: 'Geplante Arbeit',
    linked: 'Wird beim Speichern verknüpft',
    whys: '## 5 Warum',
  },
  en: {
    name: 'Name',
    title: 'Summary',
    description: 'Details',
    state: 'State',
    knownError: 'Known error',
    blame: 'This reads as blame',
    owner: 'Owner',
    planned: 'Planned work',
    linked: 'Linked when saved',
    whys: '## 5 whys',
  },
};

const reports = [
  [
    'Anna Becker',
    'VPN bricht im Homeoffice ständig ab',
    'Das VPN trennt sich alle paar Minuten, FortiClient verbindet neu.',
  ],
  [
    'Jonas Weber',
    'VPN trennt sich dauernd',
    'Im Homeoffice verliert FortiClient die VPN-Verbindung alle paar Minuten.',
  ],
  ['Mia Bauer', 'VPN-Verbindung bricht ab (Homeoffice)', 'FortiClient: VPN getrennt, nach einer Minute wieder da.'],
] as const;

test('problems: a pattern of VPN reports becomes a problem with a blameless analysis, and the next intake shows it', async ({
  page,
  host,
  lang,
}) => {
  const L = text[lang];
  await page.setViewportSize({ width: 1366, height: 768 });
  for (const [name, title, description] of reports)
    await host.api('tickets.create', {
      ...outlookTicket,
      title,
      description,
      requester: { name, department: 'Vertrieb', phone: '', email: '' },
      firstContact: { ...outlookTicket.firstContact, affectedSystems: 'VPN' },
      category: 'network',
    });
  await openApp(page, host);

  // Three alike reports from three people: a pattern, with the words they share.
  await page.keyboard.press('Control+8');
  const pattern = page.getByTestId('pattern');
  await expect(pattern).toHaveCount(1);
  await expect(pattern).toContainText('vpn');
  await expect(pattern.locator('.pattern-tickets li')).toHaveCount(3);
  await page.screenshot({ path: screenshotPath(lang, 'problems-pattern') });
  await pattern.getByTestId('pattern-create').click();
  await pattern.getByRole('textbox').fill('VPN bricht im Homeoffice ab');
  await pattern.getByRole('button', { name: lang === 'de' ? 'Problem anlegen' : 'Create problem' }).click();
  await expect(page.getByTestId('problem-incidents').locator('tbody tr')).toHaveCount(3);

  // The workaround, published as a known-error article.
  await page.getByTestId('problem-state').selectOption('knownError');
  await page.getByTestId('problem-workaround').fill('FortiClient beenden, WLAN-Energiesparen aus, neu verbinden.');
  await page.getByTestId('problem-publish').check();
  await page.getByTestId('problem-save').click();
  await expect(page.getByTestId('problem-article')).toBeVisible();

  // The analysis: a sentence that blames a person is pointed out; the system wording replaces it.
  await page.getByTestId('rca-why-1').fill('Herr Maier hat das Update vergessen.');
  await expect(page.getByTestId('problem-rca').getByTestId('blame-hints')).toContainText(L.blame);
  await page.getByTestId('problem-rca').getByTestId('blame-hints').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath(lang, 'problems-rca-blame') });
  await page.getByTestId('rca-why-1').fill('Der Ablauf stellte nicht sicher, dass der VPN-Client aktualisiert wird.');
  await expect(page.getByTestId('problem-rca').getByTestId('blame-hints')).toHaveCount(0);
  await page.getByTestId('rca-factor-text').fill('Keine Softwareverteilung für den VPN-Client');
  await page.getByTestId('rca-factor-add').click();
  await page.getByTestId('rca-save').click();
  await expect(page.getByTestId('problem-rca')).toContainText('Keine Softwareverteilung für den VPN-Client');
  // The analysis as markdown, in the language of the screen.
  const download = page.waitForEvent('download');
  await page.getByTestId('problem-export-md').click();
  const markdown = readFileSync(await (await download).path(), 'utf8');
  expect(markdown).toContain(L.whys);
  expect(markdown).toContain('Der Ablauf stellte nicht sicher');

  // An action item with owner and due date: planned work on the board.
  await page.getByTestId('action-title').fill('FortiClient 7.4 auf alle Laptops verteilen');
  await page.getByTestId('action-owner').fill('IT-Koordination');
  await page.getByTestId('action-add').click();
  await expect(page.getByTestId('problem-actions').locator('tbody tr')).toHaveCount(1);
  await page.screenshot({ path: screenshotPath(lang, 'problems-page'), fullPage: true });
  await page.keyboard.press('Control+2');
  await expect(page.getByTestId('planned-work')).toContainText('FortiClient 7.4 auf alle Laptops verteilen');

  // The fourth VPN report at intake: the problem and its workaround are shown, and the ticket linked at once.
  await page.keyboard.press('Control+n');
  await field(page, L.name).fill('Paul Koch');
  await field(page, L.title).fill('VPN bricht ab');
  await field(page, L.description).fill('Im Homeoffice trennt FortiClient die Verbindung.');
  await choose(page, 'affectedScope', 1);
  await choose(page, 'since', 3);
  await choose(page, 'impairment', 3);
  const match = page.getByTestId('problem-match');
  await expect(match.first()).toContainText('VPN bricht im Homeoffice ab');
  await expect(match.first().getByTestId('problem-match-workaround')).toContainText('WLAN-Energiesparen');
  await match.first().getByTestId('problem-match-link').click();
  await expect(match.first().getByTestId('problem-match-link')).toHaveText(L.linked);
  await page.screenshot({ path: screenshotPath(lang, 'problems-intake') });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('ticket-problem')).toContainText('VPN bricht im Homeoffice ab');

  const problems = (await host.api('problems.list', {})) as { problems: { incidents: number; state: string }[] };
  expect(problems.problems).toMatchObject([{ incidents: 4, state: 'knownError' }]);
  expect(await host.api('audit.verify', {})).toMatchObject({ ok: true });
});
