/** Errors of the GDPR functions (merged into the shared catalogue). */
export const privacyErrors = {
  de: {
    privacy_nothing_found: 'Zu dieser Person ist nichts (mehr) gespeichert – nichts zu exportieren oder zu löschen.',
    privacy_open_tickets_one:
      'Die Person hat noch {{count}} offenes Ticket. Bitte bestätigen, dass es trotzdem pseudonymisiert werden soll (Rückfragen sind danach nicht mehr möglich).',
    privacy_open_tickets_other:
      'Die Person hat noch {{count}} offene Tickets. Bitte bestätigen, dass sie trotzdem pseudonymisiert werden sollen (Rückfragen sind danach nicht mehr möglich).',
    rule_privacy_subject: 'braucht eine Person aus dem Verzeichnis, einen Namen oder eine E-Mail-Adresse',
  },
  en: {
    privacy_nothing_found: 'Nothing is stored (any more) about this person – nothing to export or erase.',
    privacy_open_tickets_one:
      'The person still has {{count}} open ticket. Please confirm that it is to be pseudonymised anyway (no more questions to them afterwards).',
    privacy_open_tickets_other:
      'The person still has {{count}} open tickets. Please confirm that they are to be pseudonymised anyway (no more questions to them afterwards).',
    rule_privacy_subject: 'needs a person of the directory, a name or an e-mail address',
  },
} as const;
