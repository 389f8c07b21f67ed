import type { MethodInput } from '../../src/shared/contract';

type Content = MethodInput<'kb.articles.save'>['content'];

const article = (
  slug: string,
  tags: string[],
  de: { title: string; body: string } | null,
  en: { title: string; body: string } | null,
): Content => ({
  slug,
  kind: 'solution',
  audience: 'internal',
  state: 'published',
  owner: 'IT-Koordination',
  reviewAt: null,
  categories: [],
  systemIds: [],
  tags,
  texts: {
    ...(de ? { de: { ...de, requesterText: '' } } : {}),
    ...(en ? { en: { ...en, requesterText: '' } } : {}),
  },
});

/** Articles beside the starter ones, so the search has neighbours to tell apart. */
export const corpus: Content[] = [
  article(
    'druckertreiber-installieren',
    ['treiber'],
    {
      title: 'Druckertreiber installieren',
      body: 'Den passenden Druckertreiber vom Druckserver holen: \\\\druck01 im Explorer öffnen, Drucker doppelklicken.',
    },
    null,
  ),
  article(
    'bildschirm-flackert',
    ['monitor', 'bildschirm'],
    {
      title: 'Bildschirm flackert oder bleibt schwarz',
      body: 'Kabel (HDMI, DisplayPort) prüfen, Dockingstation neu starten, Bildwiederholrate auf 60 Hz stellen.',
    },
    {
      title: 'Monitor flickers or stays black',
      body: 'Check the cable (HDMI, DisplayPort), restart the docking station, set the refresh rate to 60 Hz.',
    },
  ),
  article(
    'laptop-langsam',
    ['performance'],
    {
      title: 'Laptop ist sehr langsam',
      body: 'Autostart-Programme im Task-Manager abschalten, Windows-Updates fertig installieren, freien Speicher prüfen.',
    },
    {
      title: 'Laptop is very slow',
      body: 'Disable startup apps in Task Manager, finish installing Windows updates, check free disk space.',
    },
  ),
  article(
    'datev-update',
    ['datev'],
    {
      title: 'DATEV: Update schlägt fehl',
      body: 'DATEV-Servicetool starten, alle DATEV-Programme schließen, das Update erneut als Administrator starten.',
    },
    null,
  ),
  article(
    'scanner-scan-to-mail',
    ['scanner', 'scan'],
    {
      title: 'Scanner sendet keine Scans per E-Mail',
      body: 'Am Multifunktionsgerät das SMTP-Konto prüfen: Passwort geändert? Scan-to-Mail braucht ein App-Kennwort.',
    },
    {
      title: 'Scanner does not send scans by e-mail',
      body: 'Check the SMTP account on the multifunction device: password changed? Scan to mail needs an app password.',
    },
  ),
];
