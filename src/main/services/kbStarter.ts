import type { ArticleContent, KbKind } from '../../shared/domain/kb';
import type { Category } from '../../shared/domain/enums';
import { starterDe } from './kbStarter/de';
import { starterEn } from './kbStarter/en';

/** How each starter article is filed (its texts are in kbStarter/de.ts and en.ts, under the same slug). */
const FILING: Record<
  string,
  { kind: KbKind; audience: 'internal' | 'requesters'; categories: Category[]; tags: string[] }
> = {
  'outlook-startet-nicht': {
    kind: 'solution',
    audience: 'internal',
    categories: ['email', 'software'],
    tags: ['outlook', 'profil', 'ost', 'add-in'],
  },
  'm365-passwort-mfa': {
    kind: 'howto',
    audience: 'requesters',
    categories: ['account', 'security'],
    tags: ['m365', 'passwort', 'mfa', 'authenticator'],
  },
  'druckerwarteschlange-haengt': {
    kind: 'solution',
    audience: 'internal',
    categories: ['printing'],
    tags: ['drucker', 'warteschlange', 'spooler'],
  },
  'vpn-verbindung': { kind: 'howto', audience: 'requesters', categories: ['network'], tags: ['vpn', 'homeoffice'] },
  'wlan-probleme': { kind: 'howto', audience: 'requesters', categories: ['network'], tags: ['wlan', 'wifi'] },
  'netzlaufwerk-fehlt': {
    kind: 'solution',
    audience: 'internal',
    categories: ['network', 'server'],
    tags: ['netzlaufwerk', 'freigabe', 'net use'],
  },
  'teams-ton-mikrofon': {
    kind: 'howto',
    audience: 'requesters',
    categories: ['software'],
    tags: ['teams', 'audio', 'mikrofon', 'headset'],
  },
  'konto-gesperrt': {
    kind: 'procedure',
    audience: 'internal',
    categories: ['account'],
    tags: ['konto', 'gesperrt', 'active directory', 'lockout'],
  },
};

/** The shipped starter articles, published, in German and English, for the commonest problems of a small office. */
export function starterArticles(owner: string): ArticleContent[] {
  return Object.entries(FILING).map(([slug, filing]) => {
    const de = starterDe[slug];
    const en = starterEn[slug];
    if (!de || !en) throw new Error(`starter article ${slug} lacks a language`);
    return {
      slug,
      ...filing,
      state: 'published',
      owner,
      reviewAt: null,
      systemIds: [],
      texts: { de, en },
    };
  });
}
