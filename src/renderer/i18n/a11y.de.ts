/** Texts for assistive technology and the document title (German). */
export const a11yDe = {
  a11y: {
    close: 'Schließen',
    skip: 'Zum Inhalt springen',
    appName: 'Leitstand',
    ticketGrid: 'Tickets',
    nextList: 'Als Nächstes, nach Priorität und Fälligkeit',
    board: 'Tafel nach Priorität und Status',
    boardCell: '{{priority}} · {{column}}',
    steps: 'Schritte der Checkliste',
    requests: 'Laufende Service-Anfragen',
    title: {
      tickets: 'Tickets',
      ticket: '{{number}} {{title}}',
      new: 'Neue Meldung',
      board: 'Tafel',
      next: 'Als Nächstes',
      checklists: 'Checklisten',
      requests: 'Service-Anfragen',
      directory: 'Verzeichnis',
      person: '{{name}}',
      system: '{{name}}',
      settings: 'Einstellungen',
    },
    external: {
      title: 'Externen Link öffnen?',
      body: 'Dieser Link stammt aus einer Checkliste und öffnet sich außerhalb von Leitstand:',
      open: 'Im Browser öffnen',
    },
  },
} as const;
