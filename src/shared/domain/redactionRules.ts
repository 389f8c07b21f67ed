import {
  bitlockerKeyValid,
  idCardValid,
  looksGenerated,
  paymentCardValid,
  socialInsuranceValid,
  steuerIdValid,
} from './redactionChecks';

export const findingKinds = [
  'password',
  'privateKey',
  'token',
  'connectionString',
  'licenseKey',
  'recoveryKey',
  'paymentCard',
  'iban',
  'taxId',
  'idCard',
  'socialInsurance',
  'birthDate',
  'address',
  'health',
  'phone',
  'email',
  /** An attachment whose content could not be scanned: it leaves only when released deliberately. */
  'unchecked',
] as const;
export type FindingKind = (typeof findingKinds)[number];

/** What a finding is: a secret that opens something, personal data, or special categories (GDPR Art. 9). */
export type FindingCategory = 'secret' | 'personal' | 'special';

export const categoryOf: Record<FindingKind, FindingCategory> = {
  password: 'secret',
  privateKey: 'secret',
  token: 'secret',
  connectionString: 'secret',
  licenseKey: 'secret',
  recoveryKey: 'secret',
  paymentCard: 'personal',
  iban: 'personal',
  taxId: 'personal',
  idCard: 'personal',
  socialInsurance: 'personal',
  birthDate: 'personal',
  address: 'personal',
  health: 'special',
  phone: 'personal',
  email: 'personal',
  unchecked: 'secret',
};

export type Rule = {
  kind: FindingKind;
  pattern: RegExp;
  /** The capture group that is hidden; the label before it stays, so the reader knows what was there. */
  group?: number;
  /** A check the found value must pass (check digits, shape). */
  valid?: (value: string) => boolean;
};

/**
 * Words that follow "Passwort ist …" in ordinary sentences ("Das Kennwort ist abgelaufen"): not a password.
 * Only for the sentence forms (ist/is/lautet/war); after ":" or "=" whatever follows is the value.
 */
const notAValue = new Set(
  `abgelaufen falsch gesperrt korrekt richtig zu nicht neu leer unbekannt vergessen geändert ungültig weg noch jetzt
  bereits schon immer auch das der die den dem ein eine einer kein keine zurückgesetzt abgelaufen. bekannt
  expired wrong incorrect locked not too correct empty unknown changed forgotten invalid still now already also a
  an the no reset known being set required needed`.split(/\s+/),
);
export const plausibleSecret = (value: string): boolean =>
  !notAValue.has(value.replace(/^["']|[.,;!?"']+$/g, '').toLowerCase());

// Labels, German and English. "_" also separates: a stored file name had its ":" replaced ("Passwort_ x.txt").
const passwordLabel =
  String.raw`(?:passw(?:or[dt]|ort)|kennwort|passwd|pwd|pw|pass|pin|passphrase|passphrasen?|kennwortsatz|kennsatz|` +
  String.raw`wlan[- ]?(?:schlüssel|passwort|kennwort|key|code)|wi-?fi[- ]?(?:password|key|passphrase)|wpa2?[- ]?(?:schlüssel|key|passwort|passphrase)|` +
  String.raw`netzwerkschlüssel|netzwerk-?key|network key|pre-?shared[- ]?key|psk(?:[- ]?schlüssel)?|vpn[- ]?(?:schlüssel|key|secret|passwort)|` +
  String.raw`shared secret|gemeinsamer schlüssel|geheimnis|tresorpasswort|master-?passwort)`;
// "Passwort für den VPN-Zugang: x": up to three words between the label and the separator.
const labelled = (label: string) =>
  new RegExp(
    String.raw`(?<![\p{L}\p{N}])${label}["']?(?:\s+(?:für|fuer|for|von|of|des|vom|der|den|zum|zur|im|vom|the|to)?\s*[\p{L}\p{N}.\-]+){0,3}?\s*(?:[:=_]|\s-\s)\s*("[^"\n]+"|'[^'\n]+'|\S+)`,
    'giu',
  );
const sentence = (label: string) =>
  new RegExp(
    String.raw`(?<![\p{L}\p{N}])${label}\s+(?:ist|is|lautet|war|was|heißt|wäre)\s*:?\s*("[^"\n]+"|'[^'\n]+'|\S+)`,
    'giu',
  );

export const rules: Rule[] = [
  {
    kind: 'privateKey',
    pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/g,
  },
  { kind: 'privateKey', pattern: /-----BEGIN PGP PRIVATE KEY BLOCK-----[\s\S]*?-----END PGP PRIVATE KEY BLOCK-----/g },
  // Credentials in URLs and connection strings, before any address rule can take them for an e-mail address.
  { kind: 'connectionString', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:([^\s@/]+)@/gi, group: 1 },
  {
    kind: 'connectionString',
    pattern: /\b(?:password|pwd|accountkey|sharedaccesskey|sharedaccesssignature|sig|secret)\s*=\s*([^;"'\s&]+)/gi,
    group: 1,
  },
  // "Zugangsdaten: max.muster / Geheim1", "Login: admin:admin123", "Benutzer/Passwort: admin / Sommer24".
  {
    kind: 'password',
    pattern:
      /(?<![\p{L}\p{N}])(?:zugangsdaten|zugang|anmeldedaten|login|logindaten|credentials|benutzer\s*\/\s*passw(?:ort|ord)|user\s*\/\s*pass(?:word)?|nutzer\s*\/\s*kennwort)\s*[:=]\s*[^\s/:]+\s*[/:]\s*("[^"\n]+"|'[^'\n]+'|\S+)/giu,
    group: 1,
  },
  { kind: 'password', pattern: labelled(passwordLabel), group: 1 },
  // PowerShell scripts carry passwords as plain strings made secure.
  { kind: 'password', pattern: /ConvertTo-SecureString\s+(?:-String\s+)?("[^"\n]+"|'[^'\n]+')/gi, group: 1 },
  { kind: 'password', pattern: sentence(passwordLabel), group: 1, valid: plausibleSecret },
  // Recovery keys and codes: BitLocker (checked per group), MFA backup codes after their label.
  { kind: 'recoveryKey', pattern: /\b\d{6}(?:-\d{6}){7}\b/g, valid: bitlockerKeyValid },
  {
    kind: 'recoveryKey',
    pattern:
      /(?<![\p{L}\p{N}])(?:wiederherstellungs(?:schlüssel|code|codes)|recovery[- ]?(?:key|code|codes)|backup[- ]?codes?|notfall-?codes?|sicherungscodes?|mfa[- ]?codes?|2fa[- ]?codes?)\s*[:=]?\s*((?:[A-Za-z0-9]{4,10}(?:[- ][A-Za-z0-9]{4,10})?(?:\s*[,;]?\s*|\s+)){1,10})/giu,
    group: 1,
    valid: (value) => /\d/.test(value),
  },
  // Token formats published by gitleaks and GitHub secret scanning.
  { kind: 'token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/g },
  { kind: 'token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/g },
  { kind: 'token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g },
  { kind: 'token', pattern: /\bhttps:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/]+/g },
  { kind: 'token', pattern: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}\b/g },
  { kind: 'token', pattern: /\bsq0(?:atp|csp)-[A-Za-z0-9_-]{22,}\b/g },
  { kind: 'token', pattern: /\bsk-(?:proj-|live-|test-|ant-)?[A-Za-z0-9_-]{20,}\b/g },
  { kind: 'token', pattern: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\b/g },
  {
    kind: 'token',
    pattern:
      /\b(?:aws_?secret_?access_?key|secret access key|secretaccesskey)\b["']?\s*[:=]?\s*["']?([A-Za-z0-9/+=]{40})/gi,
    group: 1,
  },
  { kind: 'token', pattern: /\bAIza[0-9A-Za-z_-]{30,40}\b/g },
  { kind: 'token', pattern: /\bGOCSPX-[A-Za-z0-9_-]{20,}\b/g },
  { kind: 'token', pattern: /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}\b/g },
  { kind: 'token', pattern: /\b[0-9a-f]{32}-us\d{1,2}\b/g },
  { kind: 'token', pattern: /\bSK[0-9a-f]{32}\b/g },
  { kind: 'token', pattern: /\b\d{8,10}:AA[A-Za-z0-9_-]{33}\b/g },
  { kind: 'token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g },
  { kind: 'token', pattern: /\bBearer\s+([A-Za-z0-9._~+/-]{20,}=*)/g, group: 1 },
  {
    kind: 'token',
    pattern:
      /(?<![\p{L}\p{N}])(?:api[_-]?key|apikey|api[_-]?token|secret[_-]?key|secret|client[_-]?secret|token|access[_-]?key|auth[_-]?token|private[_-]?key|app[_-]?password|app-?passwort|zugriffsschlüssel|geheimer schlüssel)\b["']?\s*[:=]\s*("[^"\n]+"|'[^'\n]+'|\S{8,})/giu,
    group: 1,
  },
  { kind: 'token', pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}~[A-Za-z0-9._~-]{20,}\b/g },
  { kind: 'token', pattern: /\b[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}\b/g },
  { kind: 'licenseKey', pattern: /\b[A-Z0-9]{5}(?:-[A-Z0-9]{5}){4}\b/g },
  // Payment cards (Luhn) and their security code after its label.
  { kind: 'paymentCard', pattern: /\b(?:\d[ -]?){12,18}\d\b/g, valid: paymentCardValid },
  {
    kind: 'paymentCard',
    pattern:
      /(?<![\p{L}\p{N}])(?:cvc2?|cvv2?|cid|kartenprüfnummer|prüfziffer|sicherheitscode|security code)\s*[:=]?\s*(\d{3,4})\b/giu,
    group: 1,
  },
  // German identifiers: by label, or unlabelled when their check digits hold.
  {
    kind: 'taxId',
    pattern:
      /(?<![\p{L}\p{N}])(?:steuer-?id|steuer-?identifikationsnummer|steuerliche identifikationsnummer|idnr|identifikationsnummer|tax id|tin)\.?\s*[:=]?\s*(\d{2}\s?\d{3}\s?\d{3}\s?\d{3})\b/giu,
    group: 1,
  },
  { kind: 'taxId', pattern: /\b[1-9]\d{10}\b/g, valid: steuerIdValid },
  {
    kind: 'idCard',
    pattern:
      /(?<![\p{L}\p{N}])(?:personalausweis(?:nummer|-?nr\.?)?|ausweis-?(?:nummer|nr\.?)|ausweis|reisepass(?:nummer)?|passnummer|id card(?: number)?|passport(?: number| no\.?)?)\s*[:=]?\s*([A-Z0-9]{9,10})\b/giu,
    group: 1,
  },
  { kind: 'idCard', pattern: /\b[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}\d\b/g, valid: idCardValid },
  {
    kind: 'socialInsurance',
    pattern:
      /(?<![\p{L}\p{N}])(?:sozialversicherungs-?nummer|sv-?nummer|sv-?nr\.?|rentenversicherungs-?nummer|rv-?nummer|versicherungsnummer|social security(?: number)?)\s*[:=]?\s*(\d{2}\s?\d{6}\s?[A-Z]\s?\d{3})\b/giu,
    group: 1,
  },
  { kind: 'socialInsurance', pattern: /\b\d{2}\s?\d{6}\s?[A-Z]\s?\d{3}\b/g, valid: socialInsuranceValid },
  // Date of birth after its label.
  {
    kind: 'birthDate',
    pattern:
      /(?<![\p{L}\p{N}])(?:geb\.|geboren(?: am)?|geburtsdatum|geburtstag|date of birth|dob|born(?: on)?)\s*[:=]?\s*(\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)?\d{2}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+[A-Za-zäöüÄÖÜ]+\.?\s+(?:19|20)\d{2}|\d{1,2}\/\d{1,2}\/(?:19|20)\d{2})/giu,
    group: 1,
  },
  // A private address: after its label, or a street with number, postcode and town.
  {
    kind: 'address',
    pattern:
      /(?<![\p{L}\p{N}])(?:privatadresse|privatanschrift|wohnadresse|heimadresse|anschrift privat|wohnt (?:in der|in|am|an der)|home address|lives at|private address)\s*[:=]?\s*([^\n;]{6,80}?\d{5}\s+[\p{Lu}][\p{L}-]+|\d{1,4}[a-z]?\s+[\p{L}]+(?:\s[\p{L}]+)?\s(?:street|road|lane|avenue|way|drive|st\.|rd\.)|[^\n;.]{4,60}\d+[a-z]?)/giu,
    group: 1,
  },
  {
    kind: 'address',
    pattern:
      /\b[\p{Lu}][\p{L}-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer)\s+\d{1,4}\s?[a-z]?,?\s+\d{5}\s+[\p{Lu}][\p{L}-]+/gu,
  },
  // Health data (GDPR Art. 9): the sentence that carries it.
  {
    kind: 'health',
    pattern:
      /[^.!?\n]*(?<![\p{L}\p{N}])(?:krankgeschrieben|krankschreibung|au-bescheinigung|arbeitsunfähig\p{L}*|diagnose\p{L}*|therapie\p{L}*|reha\b|kur\b|krankenhaus\p{L}*|klinik\p{L}*|schwanger\p{L}*|mutterschutz|schwerbehindert\p{L}*|behinderung|depression\p{L}*|burn-?out|chemo\p{L}*|operation am|op-termin|arzttermin|attest|sick leave|on sick|diagnos\p{L}*|pregnan\p{L}*|disabilit\p{L}*|hospital\p{L}*|therapy|medical leave|medication)[^.!?\n]*/giu,
  },
  // A local part of digits and dots is a Message-ID, not a person's address.
  { kind: 'email', pattern: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g, valid: (v) => !/^[\d.]+@/.test(v) },
  // Unlabelled generated tokens: long, mixed, random-looking.
  {
    kind: 'token',
    pattern: /(?<![A-Za-z0-9+/_=-])[A-Za-z0-9+/_=-]{24,200}(?![A-Za-z0-9+/_=-])/g,
    valid: looksGenerated,
  },
];
