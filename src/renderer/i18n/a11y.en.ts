import type { a11yDe } from './a11y.de';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** Texts for assistive technology and the document title (English); typed against the German ones. */
export const a11yEn: Shape<typeof a11yDe> = {
  a11y: {
    close: 'Close',
    skip: 'Skip to content',
    appName: 'Leitstand',
    ticketGrid: 'Tickets',
    nextList: 'Next up, by priority and deadline',
    board: 'Board by priority and status',
    boardCell: '{{priority}} · {{column}}',
    steps: 'Checklist steps',
    requests: 'Running service requests',
    title: {
      tickets: 'Tickets',
      ticket: '{{number}} {{title}}',
      new: 'New request',
      board: 'Board',
      next: 'Next up',
      checklists: 'Checklists',
      requests: 'Service requests',
      directory: 'Directory',
      person: '{{name}}',
      system: '{{name}}',
      settings: 'Settings',
      kb: 'Knowledge',
      article: 'Article',
      articleNew: 'New article',
      problems: 'Problems',
      problem: 'Problem',
      problemNew: 'New problem',
      reports: 'Reports',
      monitoring: 'Monitoring',
      check: 'Check',
    },
    external: {
      title: 'Open external link?',
      body: 'This link comes from a checklist and opens outside Leitstand:',
      open: 'Open in browser',
    },
  },
};
