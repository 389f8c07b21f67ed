/** Error texts in i18next syntax; keys are AppError.messageKey values. */
export const errorMessages = {
  de: {
    invalid_input: 'Ungültige Eingabe: {{summary}}',
    invalid_json: 'Der Inhalt der Anfrage ist kein gültiges JSON.',
    unauthorized: 'Nicht angemeldet: Zugangsschlüssel fehlt oder ist falsch.',
    forbidden_host: 'Zugriff verweigert: nur von diesem Rechner (127.0.0.1) erlaubt.',
    forbidden_sender: 'Zugriff verweigert: Anfrage kommt nicht aus dem Leitstand-Fenster.',
    unknown_method: 'Unbekannte Methode „{{method}}“.',
    not_found_ticket: 'Ticket {{id}} nicht gefunden.',
    not_found_attachment: 'Anhang {{id}} nicht gefunden.',
    not_found_route: 'Nicht gefunden.',
    conflict_transition: 'Statuswechsel von „{{from}}“ nach „{{to}}“ ist nicht erlaubt.',
    conflict_version: 'Das Ticket wurde inzwischen geändert (Version {{actual}} statt {{expected}}). Bitte neu laden.',
    resolution_required: 'Zum Lösen bitte beschreiben, was getan wurde.',
    override_reason_required: 'Eine manuelle Einstufung braucht eine Begründung.',
    payload_too_large: 'Die Anfrage ist zu groß (höchstens {{limit}}).',
    attachment_too_large: 'Der Anhang „{{name}}“ ist zu groß: {{size}}, erlaubt sind höchstens {{limit}}.',
    attachment_empty: 'Der Anhang „{{name}}“ ist leer.',
    store_too_new:
      'Die Datenbank wurde von einer neueren Leitstand-Version geschrieben (Schema {{found}}, diese Version kennt {{known}}). Bitte Leitstand aktualisieren; die Datei bleibt unverändert.',
    store_unavailable: 'Die Datenbank ist nicht verfügbar: {{reason}}',
    store_damaged:
      'Die Datenbank ist beschädigt. Leitstand speichert nichts mehr, damit nichts verloren geht; die Datei {{file}} bleibt unverändert. Bitte die letzte Sicherung zurückspielen oder den IT-Dienstleister rufen.',
    store_unreadable:
      'Die Datenbankdatei lässt sich nicht lesen ({{reason}}). Sie bleibt unverändert; bitte die letzte Sicherung zurückspielen.',
    store_sqlite_too_old:
      'Diese Leitstand-Installation bringt SQLite {{version}} mit; nötig ist mindestens {{minimum}} (Schutz vor einem bekannten WAL-Fehler). Bitte Leitstand aktualisieren.',
    store_not_durable:
      'Das Dateisystem hält die Datenbank nicht sicher (Journal {{journal}}, synchronous {{synchronous}}). Bitte das Datenverzeichnis auf ein lokales Laufwerk legen.',
    internal: 'Interner Fehler. Die Änderung wurde nicht gespeichert.',
    rule_base64: 'ist kein gültiges Base64',
    rule_override_empty: 'die manuelle Einstufung ändert nichts',
    rule_unicode: 'enthält defekte Unicode-Zeichen',
    rule_control: 'enthält Steuerzeichen',
    rule_hours_order: 'Ende muss nach Beginn liegen, Zeiten in Reihenfolge und ohne Überschneidung',
    rule_hours_empty: 'an mindestens einem Wochentag muss geöffnet sein',
    rule_time_zone: 'unbekannte Zeitzone',
    rule_unique_days: 'Schließtage doppelt angegeben',
  },
  en: {
    invalid_input: 'Invalid input: {{summary}}',
    invalid_json: 'The request body is not valid JSON.',
    unauthorized: 'Not signed in: access token missing or wrong.',
    forbidden_host: 'Access denied: only allowed from this computer (127.0.0.1).',
    forbidden_sender: 'Access denied: the request does not come from the Leitstand window.',
    unknown_method: 'Unknown method "{{method}}".',
    not_found_ticket: 'Ticket {{id}} not found.',
    not_found_attachment: 'Attachment {{id}} not found.',
    not_found_route: 'Not found.',
    conflict_transition: 'Moving from "{{from}}" to "{{to}}" is not allowed.',
    conflict_version: 'The ticket has changed meanwhile (version {{actual}}, not {{expected}}). Please reload.',
    resolution_required: 'To resolve, please describe what was done.',
    override_reason_required: 'A manual triage needs a reason.',
    payload_too_large: 'The request is too large (at most {{limit}}).',
    attachment_too_large: 'The attachment "{{name}}" is too large: {{size}}, at most {{limit}} allowed.',
    attachment_empty: 'The attachment "{{name}}" is empty.',
    store_too_new:
      'The database was written by a newer Leitstand (schema {{found}}, this version knows {{known}}). Please update Leitstand; the file is left unchanged.',
    store_unavailable: 'The database is not available: {{reason}}',
    store_damaged:
      'The database is damaged. Leitstand saves nothing more so that nothing is lost; the file {{file}} is left unchanged. Please restore the latest backup or call your IT service provider.',
    store_unreadable:
      'The database file cannot be read ({{reason}}). It is left unchanged; please restore the latest backup.',
    store_sqlite_too_old:
      'This Leitstand ships SQLite {{version}}; at least {{minimum}} is needed (protection against a known WAL bug). Please update Leitstand.',
    store_not_durable:
      'The file system does not keep the database safe (journal {{journal}}, synchronous {{synchronous}}). Please put the data directory on a local drive.',
    internal: 'Internal error. The change was not saved.',
    rule_base64: 'is not valid base64',
    rule_override_empty: 'the manual triage changes nothing',
    rule_unicode: 'contains broken Unicode characters',
    rule_control: 'contains control characters',
    rule_hours_order: 'end must be after start, times in order and without overlap',
    rule_hours_empty: 'at least one weekday needs business hours',
    rule_time_zone: 'unknown time zone',
    rule_unique_days: 'closure days listed twice',
  },
} as const;
export type ErrorMessageKey = keyof (typeof errorMessages)['en'];
