import type { MethodInput } from '../../src/shared/contract';

type Content = MethodInput<'kb.articles.save'>['content'];

/** An article as the coordinator writes one: German and English, tags, a requester text. */
export const vpnArticle: Content = {
  slug: 'vpn-zertifikat-abgelaufen',
  kind: 'workaround',
  audience: 'internal',
  state: 'published',
  owner: 'IT-Koordination',
  reviewAt: '2027-03-01',
  categories: ['network'],
  systemIds: [],
  tags: ['vpn', 'zertifikat'],
  texts: {
    de: {
      title: 'VPN meldet „Zertifikat abgelaufen“',
      body: '## Symptom\n\nDer VPN-Client meldet ein abgelaufenes Zertifikat.\n\n## Umgehung\n\nUhrzeit synchronisieren, dann neu verbinden.',
      requesterText: 'Bitte die Uhrzeit des Laptops synchronisieren und das VPN neu verbinden.',
    },
    en: {
      title: 'VPN says "certificate expired"',
      body: '## Symptom\n\nThe VPN client reports an expired certificate.\n\n## Workaround\n\nSync the clock, then reconnect.',
      requesterText: '',
    },
  },
};
