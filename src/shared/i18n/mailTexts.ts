/** What the mail domain writes into tickets, in the desk's language. */
export const mailTicketTexts = {
  de: {
    noSubject: '(ohne Betreff)',
    received: (from: string, subject: string) => `E-Mail von ${from}: ${subject}`,
    quotedFolded: (lines: number) => `(${lines} Zeilen zitierter Verlauf ausgeblendet)`,
    reopened: 'Der Anfragende hat auf das gelöste Ticket geantwortet: wieder geöffnet.',
    linkedNew: (number: string) => `Neue Antwort auf das abgeschlossene Ticket ${number}.`,
    linkedOld: (number: string) => `Eine spätere Antwort wurde als neues Ticket ${number} aufgenommen.`,
    bounced: (to: string, reason: string) => `Die E-Mail an ${to} kam nicht an: ${reason}`,
    leftOut: (names: string) => `Nicht übernommene Anhänge (zu groß oder zu viele): ${names}`,
    droppedParts: (count: number) => `${count} weitere Teile der E-Mail wurden wegen der Grenzen nicht gelesen.`,
  },
  en: {
    noSubject: '(no subject)',
    received: (from: string, subject: string) => `E-mail from ${from}: ${subject}`,
    quotedFolded: (lines: number) => `(${lines} lines of quoted history folded)`,
    reopened: 'The requester replied to the resolved ticket: reopened.',
    linkedNew: (number: string) => `New reply to the closed ticket ${number}.`,
    linkedOld: (number: string) => `A later reply was taken in as the new ticket ${number}.`,
    bounced: (to: string, reason: string) => `The e-mail to ${to} was not delivered: ${reason}`,
    leftOut: (names: string) => `Attachments not taken over (too large or too many): ${names}`,
    droppedParts: (count: number) => `${count} more parts of the e-mail were not read because of the limits.`,
  },
};

export const mailErrors = {
  de: {
    not_found_mail_account: 'Postfach {{id}} gibt es nicht (mehr).',
    not_found_outbox: 'Ausgehende E-Mail {{id}} gibt es nicht (mehr).',
    not_found_held: 'Zurückgehaltene E-Mail {{id}} gibt es nicht (mehr).',
    mail_no_smtp: 'Für E-Mails nach außen ist kein SMTP-Server eingerichtet (Einstellungen → E-Mail).',
    mail_no_recipient: 'Ticket {{number}} hat keine E-Mail-Adresse des Anfragenden. Bitte „An“ ausfüllen.',
    mail_unreadable: 'Die Datei „{{name}}“ ist keine lesbare E-Mail ({{reason}}).',
    mail_no_password: 'Für das Postfach „{{name}}“ ist kein Passwort hinterlegt.',
    mail_secrets_unavailable:
      'Der Schlüsselbund des Betriebssystems ist nicht verfügbar: Passwörter können nicht sicher gespeichert werden.',
    rule_tls_required: 'TLS ist nötig, außer der Server läuft auf diesem Computer',
    rule_host: 'ist kein Servername',
  },
  en: {
    not_found_mail_account: 'Mailbox {{id}} does not exist (any more).',
    not_found_outbox: 'Outgoing e-mail {{id}} does not exist (any more).',
    not_found_held: 'Held e-mail {{id}} does not exist (any more).',
    mail_no_smtp: 'No SMTP server is set up for mail going out (Settings → E-mail).',
    mail_no_recipient: 'Ticket {{number}} has no e-mail address of the requester. Please fill in "To".',
    mail_unreadable: 'The file "{{name}}" is not a readable e-mail ({{reason}}).',
    mail_no_password: 'No password is stored for the mailbox "{{name}}".',
    mail_secrets_unavailable: "The operating system's keychain is not available: passwords cannot be stored safely.",
    rule_tls_required: 'TLS is required unless the server runs on this computer',
    rule_host: 'is not a server name',
  },
};
