import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { random } from './seedData';
import { stats, time, type Stats } from './benchStats';

type Call = (method: string, input: unknown) => Promise<unknown>;
export type KbResults = { articles: number; importMs: number; firstSearchMs: number; search: Stats; suggest: Stats };

const WORDS_DE = `Drucker Druckertreiber Warteschlange Netzlaufwerk Freigabe Laufwerk Outlook Profil Postfach Kalender
  Anmeldung Passwort Kennwort Konto gesperrt entsperren Zertifikat abgelaufen VPN Verbindung trennt WLAN Access Point
  Signal Router Firewall Server Dateiserver Sicherung Wiederherstellung Update Treiber Bildschirm Monitor flackert
  Dockingstation Laptop langsam Speicher Festplatte Teams Mikrofon Headset Lautsprecher Kamera Besprechung Scanner
  Multifunktionsgerät SMTP Weiterleitung Regel Spam Quarantäne Lizenz Microsoft Benutzer Gruppe Berechtigung Ordner
  Synchronisierung OneDrive SharePoint Browser Edge Chrome Cache Cookies Startmenü Taskleiste Energiesparen Akku
  Tastatur Maus Bluetooth USB Hub Telefonanlage Softphone DATEV Buchhaltung ERP Warenwirtschaft Lager Etikett`
  .split(/\s+/)
  .filter(Boolean);
const WORDS_EN = `printer driver queue mapped drive share outlook profile mailbox calendar sign-in password account
  locked unlock certificate expired VPN connection drops Wi-Fi access point signal router firewall server file backup
  restore update monitor flickers docking laptop slow memory disk Teams microphone headset speaker camera meeting
  scanner SMTP forwarding rule spam quarantine license user group permission folder sync OneDrive SharePoint browser
  cache start menu taskbar power battery keyboard mouse Bluetooth USB softphone accounting warehouse label`
  .split(/\s+/)
  .filter(Boolean);
const FILLER_DE = 'der die das und mit bei nach wenn dann bitte prüfen öffnen starten schließen neu'.split(' ');
const FILLER_EN = 'the and with when then please check open start close again'.split(' ');

function file(n: number, language: 'de' | 'en', rand: () => number): { name: string; text: string } {
  const words = language === 'de' ? WORDS_DE : WORDS_EN;
  const filler = language === 'de' ? FILLER_DE : FILLER_EN;
  const pick = (list: readonly string[]) => list[Math.floor(rand() * list.length)]!;
  const title = `${pick(words)} ${pick(words)} ${pick(words)} ${n}`;
  const lines: string[] = [];
  for (let section = 0; section < 4; section += 1) {
    lines.push(`## ${pick(words)} ${pick(words)}`, '');
    for (let sentence = 0; sentence < 6; sentence += 1) {
      const parts: string[] = [];
      for (let w = 0; w < 12; w += 1) parts.push(rand() < 0.45 ? pick(words) : pick(filler));
      lines.push(`${parts.join(' ')}.`);
    }
    lines.push('');
  }
  const front = [
    '---',
    `slug: artikel-${n}`,
    `language: ${language}`,
    `title: "${title}"`,
    'kind: solution',
    'audience: internal',
    'state: published',
    `tags: [${pick(words).toLowerCase()}, ${pick(words).toLowerCase()}]`,
    '---',
  ];
  return { name: `artikel-${n}.${language}.md`, text: `${front.join('\n')}\n${lines.join('\n')}` };
}

/**
 * The knowledge base at 2,000 articles (German and English, about 300 words each): imported through HTTP, then
 * `kb.search` as the knowledge base's box is used and `kb.suggest` as an intake is typed, both with typos and
 * compounds among the words.
 */
export async function kbBench(
  start: (dataDir: string) => Promise<{ call: Call; stop: () => Promise<void> }>,
  runs: number,
  articles = 2000,
): Promise<KbResults> {
  const dir = mkdtempSync(join(tmpdir(), 'leitstand-bench-kb-'));
  const host = await start(dir);
  try {
    const rand = random(15);
    const started = performance.now();
    for (let from = 0; from < articles; from += 250) {
      const files = [];
      for (let n = from; n < Math.min(articles, from + 250); n += 1)
        files.push(file(n, 'de', rand), file(n, 'en', rand));
      await host.call('kb.import', { files });
    }
    const importMs = performance.now() - started;
    const queries = [
      'Drucker',
      'Druckertreiber',
      'Treiber',
      'Outlok Profil',
      'Netzlaufwek',
      'password locked',
      'VPN trennt',
      'Zertifikat abgelaufen',
      'Teams Mikrofon',
      'mapped drive',
      'wifi drops',
      'Bildschirm flackert',
    ];
    const intakes = [
      { title: 'Outlook startet nicht', description: 'Seit dem Update hängt Outlook beim Profil laden.' },
      { title: 'Drucker im 2. OG', description: 'Die Warteschlange hängt, nichts kommt raus.' },
      { title: 'VPN', description: '' },
      { title: 'Konto gesperrt nach Passwortänderung', description: 'Handy fragt ständig nach dem Kennwort.' },
      {
        title: 'Laptop sehr langsam',
        description: 'Festplatte voll? Teams und Outlook brauchen ewig.',
        affectedSystems: 'Laptop NB-0142',
      },
    ];
    const firstStarted = performance.now();
    await host.call('kb.search', { q: 'Drucker' });
    const firstSearchMs = performance.now() - firstStarted;
    for (let round = 0; round < 20; round += 1) {
      for (const q of queries) await host.call('kb.search', { q });
      for (const intake of intakes) await host.call('kb.suggest', intake);
    }
    const search = await time(runs, (i) => host.call('kb.search', { q: queries[i % queries.length] }));
    // While typing: the title grows letter by letter, each pause asks again.
    const typed = intakes.flatMap((intake) =>
      Array.from({ length: 4 }, (_, k) => ({
        ...intake,
        title: intake.title.slice(0, Math.ceil(((k + 1) * intake.title.length) / 4)),
      })),
    );
    const suggest = await time(runs, (i) => host.call('kb.suggest', typed[i % typed.length]));
    return { articles, importMs, firstSearchMs, search: stats(search), suggest: stats(suggest) };
  } finally {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
