/** Errors of backups and restore (merged into the shared catalogue). */
export const backupErrors = {
  de: {
    backup_wrong_passphrase: 'Die Passphrase stimmt nicht. Es wurde nichts geändert.',
    backup_passphrase_needed: 'Sicherung {{id}} ist verschlüsselt: bitte die Passphrase angeben.',
    backup_keys_missing:
      'Zu Sicherung {{id}} fehlt der Schlüssel (keys.json im Sicherungsordner). Ohne ihn lässt sie sich nicht öffnen.',
    backup_decrypt_failed:
      '„{{file}}“ lässt sich nicht entschlüsseln: die Datei wurde verändert, ist abgeschnitten oder gehört zu einem anderen Schlüssel.',
    backup_target_missing:
      'Der Sicherungsordner „{{target}}“ ist nicht erreichbar (USB-Stick nicht eingesteckt, Netzlaufwerk getrennt?). Es wurde nichts gesichert; der nächste Lauf versucht es wieder.',
    backup_target_full:
      'Auf dem Sicherungsziel „{{target}}“ ist kein Platz mehr. Die unvollständige Sicherung wurde entfernt; die bisherigen bleiben.',
    backup_target_readonly:
      'In „{{target}}“ darf nicht geschrieben werden (schreibgeschützt?). Es wurde nichts gesichert.',
    backup_source_damaged: 'Die Datenbank selbst ist beschädigt; es wurde keine Sicherung daraus gemacht: {{problems}}',
    backup_verify_failed: 'Die Prüfung der Sicherung ist fehlgeschlagen: {{problems}}',
    backup_not_found: 'Sicherung {{id}} gibt es im Sicherungsordner nicht (mehr).',
    backup_too_new:
      'Diese Sicherung stammt aus einer neueren Leitstand-Version (Schema {{found}}, diese Version kennt {{known}}). Bitte zuerst Leitstand aktualisieren.',
    restore_reopen_unavailable: 'Hier lässt sich eine Sicherung nur in einen neuen Ordner wiederherstellen.',
    restore_target_not_empty:
      'In „{{dir}}“ liegen schon Dateien. Wiederhergestellt wird nur in einen neuen, leeren Ordner.',
    rule_backup_id: 'ist keine Sicherung',
    rule_restore_target: 'braucht einen neuen Ordner – oder „an Stelle des jetzigen Stands“',
    rule_absolute_folder: 'muss ein vollständiger Ordnerpfad sein (z. B. /media/usb/Sicherung oder D:\\Sicherung)',
    rule_passphrase_short: 'ist zu kurz (mindestens 12 Zeichen)',
  },
  en: {
    backup_wrong_passphrase: 'The passphrase is wrong. Nothing was changed.',
    backup_passphrase_needed: 'Backup {{id}} is encrypted: please give the passphrase.',
    backup_keys_missing:
      'The key of backup {{id}} is missing (keys.json in the backup folder). It cannot be opened without it.',
    backup_decrypt_failed:
      '“{{file}}” cannot be decrypted: the file was changed, is cut off, or belongs to another key.',
    backup_target_missing:
      'The backup folder “{{target}}” cannot be reached (USB stick not plugged in, network share disconnected?). Nothing was backed up; the next run tries again.',
    backup_target_full:
      'The backup target “{{target}}” is full. The incomplete backup was removed; the earlier ones are kept.',
    backup_target_readonly: '“{{target}}” cannot be written to (read-only?). Nothing was backed up.',
    backup_source_damaged: 'The database itself is damaged; no backup was made of it: {{problems}}',
    backup_verify_failed: 'Verifying the backup failed: {{problems}}',
    backup_not_found: 'Backup {{id}} is not (or no longer) in the backup folder.',
    backup_too_new:
      'This backup comes from a newer Leitstand (schema {{found}}, this version knows {{known}}). Please update Leitstand first.',
    restore_reopen_unavailable: 'Here a backup can only be restored into a new folder.',
    restore_target_not_empty: '“{{dir}}” already holds files. Restoring goes only into a new, empty folder.',
    rule_backup_id: 'is not a backup',
    rule_restore_target: 'needs a new folder – or “in place of the current desk”',
    rule_absolute_folder: 'must be a full folder path (e.g. /media/usb/Backup or D:\\Backup)',
    rule_passphrase_short: 'is too short (at least 12 characters)',
  },
} as const;
