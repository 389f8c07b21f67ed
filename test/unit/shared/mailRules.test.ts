import { describe, expect, it } from 'vitest';
import {
  classifyMail,
  followUpAction,
  mayAcknowledge,
  normalizeMessageId,
  ourTicketNumber,
  shouldHold,
  threadTarget,
  withOurTag,
  type MailHeaders,
} from '../../../src/shared/domain/mailRules';
import { foldQuoted, triageGuesses } from '../../../src/shared/domain/mailText';

const plain: MailHeaders = {
  from: 'anna.becker@example.de',
  subject: 'Drucker druckt nicht',
  messageId: 'a@example.de',
  inReplyTo: '',
  references: [],
  autoSubmitted: '',
  autoResponseSuppress: '',
  precedence: '',
  xAutoreply: '',
  xAutoResponse: '',
  listId: '',
  isDeliveryReport: false,
};

describe('loops and noise', () => {
  const table: [string, Partial<MailHeaders>, 'normal' | 'autoReply' | 'bounce'][] = [
    ['a request', {}, 'normal'],
    ['Auto-Submitted: auto-replied (RFC 3834)', { autoSubmitted: 'auto-replied' }, 'autoReply'],
    ['Auto-Submitted: auto-generated', { autoSubmitted: 'auto-generated' }, 'autoReply'],
    ['Auto-Submitted: no is a person', { autoSubmitted: 'no' }, 'normal'],
    ['Exchange out of office (X-Auto-Response-Suppress: All)', { autoResponseSuppress: 'All' }, 'autoReply'],
    ['Exchange OOF suppression', { autoResponseSuppress: 'DR, OOF, AutoReply' }, 'autoReply'],
    ['Precedence: bulk', { precedence: 'bulk' }, 'autoReply'],
    ['Precedence: list', { precedence: 'list' }, 'autoReply'],
    ['Precedence: junk', { precedence: 'junk' }, 'autoReply'],
    ['X-Autoreply: yes', { xAutoreply: 'yes' }, 'autoReply'],
    ['X-Autorespond', { xAutoResponse: 'x' }, 'autoReply'],
    ['a mailing list', { listId: '<news.example.de>' }, 'autoReply'],
    ['no-reply sender', { from: 'no-reply@portal.example.com' }, 'autoReply'],
    ['noreply sender', { from: 'noreply@example.com' }, 'autoReply'],
    ['donotreply sender', { from: 'donotreply@example.com' }, 'autoReply'],
    ['a person named Noreen', { from: 'noreen@example.com' }, 'normal'],
    ['German out-of-office subject', { subject: 'Automatische Antwort: Drucker' }, 'autoReply'],
    ['Abwesenheitsnotiz', { subject: 'Abwesenheitsnotiz: bis 3.12.' }, 'autoReply'],
    ['Out of office subject', { subject: 'Out of Office: Re: printer' }, 'autoReply'],
    ['delivery report (multipart/report)', { isDeliveryReport: true, from: 'postmaster@example.de' }, 'bounce'],
    ['mailer daemon return', { from: 'MAILER-DAEMON@mx.example.de', subject: 'Undeliverable: Ihr Ticket' }, 'bounce'],
    ['German NDR', { from: 'postmaster@firma.de', subject: 'Unzustellbar: [LS-2026-0042]' }, 'bounce'],
    ['mailer daemon without a bounce subject is noise', { from: 'mailer-daemon@x.de', subject: 'Hallo' }, 'autoReply'],
  ];
  it.each(table)('%s', (_label, patch, expected) => {
    expect(classifyMail({ ...plain, ...patch }).kind).toBe(expected);
  });

  it('a bounce carries the Message-IDs of the mail that bounced', () => {
    const kind = classifyMail({ ...plain, isDeliveryReport: true }, ['ls.1@firma.de']);
    expect(kind).toEqual({ kind: 'bounce', reason: 'delivery-status', originalMessageIds: ['ls.1@firma.de'] });
  });

  it('holds a sender at the limit and acknowledges once a day', () => {
    expect(shouldHold(9, { holdCount: 10, holdMinutes: 10 })).toBe(false);
    expect(shouldHold(10, { holdCount: 10, holdMinutes: 10 })).toBe(true);
    const now = new Date('2026-12-01T12:00:00Z');
    expect(mayAcknowledge(null, now)).toBe(true);
    expect(mayAcknowledge('2026-12-01T08:00:00Z', now)).toBe(false);
    expect(mayAcknowledge('2026-11-30T11:59:59Z', now)).toBe(true);
  });
});

describe('threading', () => {
  const tickets = new Map([
    ['2026-0042', 42],
    ['2026-0007', 7],
  ]);
  const sent = new Map([
    ['ls.abc@firma.de', 42],
    ['ls.old@firma.de', 7],
  ]);
  const look = {
    byNumber: (n: string) => tickets.get(n),
    byMessageId: (id: string) => sent.get(id),
    byProviderTag: (subject: string) => (subject.includes('[Ticket#84211]') ? 99 : undefined),
  };
  const table: [string, { subject: string; inReplyTo?: string; references?: string[] }, unknown][] = [
    ['our tag', { subject: 'AW: [LS-2026-0042] Drucker' }, { ticketId: 42, by: 'tag' }],
    ['our tag, forwarded, lower case', { subject: 'WG: [ls-2026-0042] Drucker' }, { ticketId: 42, by: 'tag' }],
    [
      'tag wins over headers',
      { subject: 'Re: [LS-2026-0007]', inReplyTo: 'ls.abc@firma.de' },
      { ticketId: 7, by: 'tag' },
    ],
    [
      'unknown tag falls to headers',
      { subject: '[LS-2026-9999] x', inReplyTo: '<ls.abc@firma.de>' },
      { ticketId: 42, by: 'header' },
    ],
    [
      'In-Reply-To without tag',
      { subject: 'Re: Drucker', inReplyTo: '<ls.abc@FIRMA.DE>' },
      { ticketId: 42, by: 'header' },
    ],
    [
      'References, newest first',
      { subject: 'Re: x', references: ['<ls.old@firma.de>', '<ls.abc@firma.de>'] },
      { ticketId: 42, by: 'header' },
    ],
    ['the provider tag', { subject: 'AW: [Ticket#84211] Server' }, { ticketId: 99, by: 'provider' }],
    ['nothing known: a new ticket', { subject: 'Re: Drucker', inReplyTo: '<other@x.de>' }, null],
    ['a bare number is no tag', { subject: '2026-0042 Drucker' }, null],
  ];
  it.each(table)('%s', (_label, mail, expected) => {
    expect(threadTarget({ inReplyTo: '', references: [], ...mail }, look)).toEqual(expected);
  });

  it('tags subjects once and reads them back', () => {
    expect(withOurTag('Drucker', '2026-0042')).toBe('[LS-2026-0042] Drucker');
    expect(withOurTag('[2026-0042] Ihre Meldung', '2026-0042')).toBe('[LS-2026-0042] Ihre Meldung');
    expect(withOurTag('AW: [LS-2026-0042] x', '2026-0042')).toBe('AW: [LS-2026-0042] x');
    expect(ourTicketNumber(withOurTag('x', '2026-12345'))).toBe('2026-12345');
    expect(normalizeMessageId('<Abc.1@Mail.Example.DE>')).toBe('Abc.1@mail.example.de');
  });

  const now = new Date('2026-12-01T12:00:00Z');
  const reopenTable: [
    string,
    { status: 'inProgress' | 'waitingRequester' | 'resolved' | 'closed'; resolvedAt: string | null },
    string,
  ][] = [
    ['open: attach', { status: 'inProgress', resolvedAt: null }, 'attach'],
    ['waiting on the requester: attach', { status: 'waitingRequester', resolvedAt: null }, 'attach'],
    ['resolved yesterday: reopen', { status: 'resolved', resolvedAt: '2026-11-30T12:00:00Z' }, 'reopen'],
    [
      'resolved 14 days ago to the minute: reopen',
      { status: 'resolved', resolvedAt: '2026-11-17T12:00:00Z' },
      'reopen',
    ],
    [
      'resolved 15 days ago: new linked ticket',
      { status: 'resolved', resolvedAt: '2026-11-16T12:00:00Z' },
      'newLinked',
    ],
    ['closed: new linked ticket', { status: 'closed', resolvedAt: '2026-11-30T12:00:00Z' }, 'newLinked'],
  ];
  it.each(reopenTable)('%s', (_label, ticket, expected) => {
    expect(followUpAction(ticket, now, 14)).toBe(expected);
  });
});

describe('mail text', () => {
  it('folds the quoted history of Outlook, Gmail and Thunderbird replies', () => {
    const outlook =
      'Danke, geht wieder.\n\nVon: IT <it@firma.de>\nGesendet: Montag, 30. November 2026 09:00\nAn: Anna\n\nalter Text';
    expect(foldQuoted(outlook)).toEqual({ body: 'Danke, geht wieder.', quoted: expect.stringContaining('alter Text') });
    const gmail = 'Passt.\n\nAm Mo., 30. Nov. 2026 um 09:00 Uhr schrieb IT <it@firma.de>:\n> alter Text';
    expect(foldQuoted(gmail).body).toBe('Passt.');
    const thunderbird = 'Ok.\n\nOn 30.11.26 09:00, IT wrote:\n> old';
    expect(foldQuoted(thunderbird).body).toBe('Ok.');
    const original = 'Siehe unten\n-----Ursprüngliche Nachricht-----\nVon: x';
    expect(foldQuoted(original).body).toBe('Siehe unten');
  });

  it('keeps inline answers and a sentence naming a sender', () => {
    const inline = '> Geht der Drucker?\nNein.\n> Seit wann?\nSeit heute.';
    expect(foldQuoted(inline).body).toBe(inline);
    const sentence = 'From: what I can tell it broke.\nPlease help.';
    expect(foldQuoted(sentence).quoted).toBe('');
  });

  it('a pure forward keeps the forwarded text as the body', () => {
    const forward = '---------- Forwarded message ---------\nFrom: Bob\nDate: Mon\nSubject: VPN\n\nVPN geht nicht';
    expect(foldQuoted(forward).body).toContain('VPN geht nicht');
  });

  it('guesses first-contact answers with the words that led to them', () => {
    expect(triageGuesses('Niemand kann arbeiten, alle sind betroffen!')).toEqual({
      affectedScope: { value: 'company', words: ['niemand', 'alle'] },
      impairment: { value: 'stopped', words: ['niemand kann arbeiten'] },
    });
    expect(triageGuesses('Mein Drucker ist sehr langsam').impairment?.value).toBe('severe');
    expect(triageGuesses('Mein Drucker ist sehr langsam').affectedScope?.value).toBe('person');
    expect(triageGuesses('Keine Eile, wenn Zeit ist').impairment).toEqual({
      value: 'none',
      words: ['keine eile', 'wenn zeit ist'],
    });
    expect(triageGuesses('Guten Tag')).toEqual({});
  });
});
