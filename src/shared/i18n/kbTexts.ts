/** Errors of the knowledge base (merged into the shared catalogue). */
export const kbErrors = {
  de: {
    not_found_article: 'Artikel {{id}} gibt es nicht (mehr).',
    not_found_article_version: 'Artikel {{id}} hat keine Version {{version}}.',
    kb_slug_taken: 'Die Adresse „{{slug}}“ hat schon der Artikel „{{title}}“. Bitte eine andere wählen.',
    kb_version_conflict:
      'Der Artikel wurde inzwischen gespeichert (Version {{current}}, bearbeitet wurde {{expected}}). Bitte neu laden; Ihr Text bleibt im Entwurf.',
    kb_import_no_front_matter:
      '„{{file}}“ beginnt nicht mit einem Kopf zwischen zwei „---“-Zeilen. Es wurde nichts importiert.',
    kb_import_front_matter: 'Der Kopf von „{{file}}“ ist kein gültiges YAML ({{reason}}). Es wurde nichts importiert.',
    kb_import_unknown_system:
      '„{{file}}“ nennt das System „{{name}}“, das es im Verzeichnis nicht gibt. Bitte erst anlegen. Es wurde nichts importiert.',
    kb_import_duplicate:
      '„{{file}}“: Artikel „{{slug}}“ ist auf {{language}} schon in einer anderen Datei. Es wurde nichts importiert.',
    rule_kb_headings: 'hat mehr als 200 Überschriften',
    rule_kb_slug: 'nur a–z, 0–9 und einzelne Bindestriche',
    rule_kb_text: 'braucht einen deutschen oder englischen Text',
    rule_kb_import_files: 'höchstens 500 Dateien auf einmal',
  },
  en: {
    not_found_article: 'Article {{id}} does not exist (any more).',
    not_found_article_version: 'Article {{id}} has no version {{version}}.',
    kb_slug_taken: 'The address "{{slug}}" already belongs to the article "{{title}}". Please choose another.',
    kb_version_conflict:
      'The article was saved meanwhile (version {{current}}, you edited {{expected}}). Please reload; your text stays in the draft.',
    kb_import_no_front_matter: '"{{file}}" does not start with a header between two "---" lines. Nothing was imported.',
    kb_import_front_matter: 'The header of "{{file}}" is not valid YAML ({{reason}}). Nothing was imported.',
    kb_import_unknown_system:
      '"{{file}}" names the system "{{name}}", which is not in the directory. Please add it first. Nothing was imported.',
    kb_import_duplicate:
      '"{{file}}": article "{{slug}}" in {{language}} is already in another file. Nothing was imported.',
    rule_kb_headings: 'has more than 200 headings',
    rule_kb_slug: 'only a–z, 0–9 and single hyphens',
    rule_kb_text: 'needs a German or English text',
    rule_kb_import_files: 'at most 500 files at once',
  },
};

/** Field names of the article form. */
export const kbFieldLabels = {
  de: {
    slug: 'Adresse (Kurzname)',
    audience: 'Zielgruppe',
    owner: 'Verantwortlich',
    reviewAt: 'Prüfen bis',
    categories: 'Kategorien',
    systemIds: 'Systeme',
    tags: 'Schlagwörter',
    'de.title': 'Titel (deutsch)',
    'de.body': 'Text (deutsch)',
    'de.requesterText': 'Text für Meldende (deutsch)',
    'en.title': 'Titel (englisch)',
    'en.body': 'Text (englisch)',
    'en.requesterText': 'Text für Meldende (englisch)',
    'content.state': 'Zustand',
    'content.kind': 'Art des Artikels',
    expectedVersion: 'Version',
    articleId: 'Artikel',
    files: 'Dateien',
  },
  en: {
    slug: 'Address (short name)',
    audience: 'Audience',
    owner: 'Owner',
    reviewAt: 'Review by',
    categories: 'Categories',
    systemIds: 'Systems',
    tags: 'Tags',
    'de.title': 'Title (German)',
    'de.body': 'Text (German)',
    'de.requesterText': 'Text for requesters (German)',
    'en.title': 'Title (English)',
    'en.body': 'Text (English)',
    'en.requesterText': 'Text for requesters (English)',
    'content.state': 'State',
    'content.kind': 'Kind of article',
    expectedVersion: 'Version',
    articleId: 'Article',
    files: 'Files',
  },
};
