/** Errors of problems and pattern detection (merged into the shared catalogue). */
export const problemErrors = {
  de: {
    not_found_problem: 'Problem {{id}} gibt es nicht (mehr).',
    not_found_action: 'Maßnahme {{id}} gibt es nicht (mehr).',
    problem_version_conflict:
      'Das Problem wurde inzwischen gespeichert (Version {{current}}, bearbeitet wurde {{expected}}). Bitte neu laden.',
    problem_link_taken: 'Ticket {{number}} gehört schon zum Problem „{{title}}“. Erst dort lösen.',
    problem_link_twice: 'Ticket {{number}} ist mit diesem Problem schon verknüpft.',
    problem_not_linked: 'Ticket {{number}} ist mit diesem Problem nicht verknüpft.',
    problem_move: 'Ein Problem im Stand „{{from}}“ kann nicht nach „{{to}}“ wechseln.',
    problem_closed: 'Das Problem ist abgeschlossen und kann nicht mehr geändert werden.',
    problem_action_due_past:
      'Das Fälligkeitsdatum {{due}} liegt in der Vergangenheit. Bitte ein Datum ab heute wählen.',
    problem_annotation_unknown: 'Die Notiz gehört zu einem Eintrag ({{eventId}}), der nicht in der Zeitleiste steht.',
    problem_pattern_unknown: 'Ticket {{id}} gibt es nicht.',
    problem_publish_empty: 'Ohne Workaround gibt es nichts zu veröffentlichen.',
    rule_problem_workaround: 'ein bekannter Fehler braucht seinen Workaround',
    rule_problem_root_cause: 'ein behobenes Problem braucht seine Ursache',
  },
  en: {
    not_found_problem: 'Problem {{id}} does not exist (any more).',
    not_found_action: 'Action item {{id}} does not exist (any more).',
    problem_version_conflict:
      'The problem was saved meanwhile (version {{current}}, you edited {{expected}}). Please reload.',
    problem_link_taken: 'Ticket {{number}} already belongs to the problem "{{title}}". Unlink it there first.',
    problem_link_twice: 'Ticket {{number}} is already linked to this problem.',
    problem_not_linked: 'Ticket {{number}} is not linked to this problem.',
    problem_move: 'A problem in state "{{from}}" cannot move to "{{to}}".',
    problem_closed: 'The problem is closed and can no longer be changed.',
    problem_action_due_past: 'The due date {{due}} is in the past. Please choose today or later.',
    problem_annotation_unknown: 'The note belongs to an entry ({{eventId}}) that is not on the timeline.',
    problem_pattern_unknown: 'Ticket {{id}} does not exist.',
    problem_publish_empty: 'There is no workaround to publish.',
    rule_problem_workaround: 'a known error needs its workaround',
    rule_problem_root_cause: 'a resolved problem needs its root cause',
  },
};

/** Field names of the problem forms. */
export const problemFieldLabels = {
  de: {
    'content.title': 'Titel des Problems',
    statement: 'Problembeschreibung',
    workaround: 'Workaround',
    rootCause: 'Ursache',
    whys: 'Warum-Kette',
    factors: 'Beitragende Faktoren',
    wentWell: 'Was gut lief',
    annotations: 'Notizen zur Zeitleiste',
    ticketIds: 'Tickets',
    problemId: 'Problem',
    due: 'Fällig am',
    windowDays: 'Zeitraum der Muster (Tage)',
    minSize: 'Ähnliche Tickets für ein Muster',
  },
  en: {
    'content.title': 'Problem title',
    statement: 'Problem statement',
    workaround: 'Workaround',
    rootCause: 'Root cause',
    whys: 'Chain of whys',
    factors: 'Contributing factors',
    wentWell: 'What went well',
    annotations: 'Timeline notes',
    ticketIds: 'Tickets',
    problemId: 'Problem',
    due: 'Due on',
    windowDays: 'Period of the patterns (days)',
    minSize: 'Alike tickets for a pattern',
  },
};
