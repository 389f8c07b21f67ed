/**
 * Check digits and shape tests that tell a real identifier from a number that only looks like one. Each follows
 * the published algorithm of its issuer; see the comments for the source of each rule.
 */

const digitsOf = (value: string) => value.replace(/\D/g, '');

/** Luhn (ISO/IEC 7812), as every payment card number carries it. */
export function luhnValid(value: string): boolean {
  const digits = digitsOf(value);
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A card number: Luhn, and a first digit of the card networks (3 Amex/Diners/JCB, 4 Visa, 5/2 Mastercard, 6). */
export const paymentCardValid = (value: string): boolean => /^[2-6]/.test(digitsOf(value)) && luhnValid(value);

/**
 * German tax identification number (§ 139b AO): 11 digits, no leading 0, check digit by ISO 7064 MOD 11,10; of
 * the first ten digits exactly one appears two or three times, the others at most once.
 */
export function steuerIdValid(value: string): boolean {
  const digits = digitsOf(value);
  if (digits.length !== 11 || digits[0] === '0') return false;
  const counts = new Map<string, number>();
  for (const d of digits.slice(0, 10)) counts.set(d, (counts.get(d) ?? 0) + 1);
  const repeated = [...counts.values()].filter((n) => n > 1);
  if (repeated.length !== 1 || repeated[0]! > 3) return false;
  let product = 10;
  for (const d of digits.slice(0, 10)) {
    let sum = (Number(d) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = (11 - product) % 10;
  return check === Number(digits[10]);
}

const charValue = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);

/** German ID card / passport serial (since 2010): 9 characters and a check digit, weights 7-3-1 (ICAO 9303). */
export function idCardValid(value: string): boolean {
  const serial = value.toUpperCase().replace(/\s/g, '');
  if (!/^[CFGHJKLMNPRTVWXYZ0-9]{9}\d$/.test(serial)) return false;
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += charValue(serial[i]!) * weights[i % 3]!;
  return sum % 10 === Number(serial[9]);
}

/**
 * German social insurance number (Rentenversicherungsnummer): area (2), birth date DDMMYY (6), initial of the
 * birth name (letter), serial (2), check digit. The letter counts as its two-digit place in the alphabet; weights
 * 2 1 2 5 7 1 2 1 2 1 2 1, cross sums of the products, modulo 10.
 */
export function socialInsuranceValid(value: string): boolean {
  const compact = value.toUpperCase().replace(/\s/g, '');
  const match = /^(\d{2})(\d{2})(\d{2})(\d{2})([A-Z])(\d{2})(\d)$/.exec(compact);
  if (!match) return false;
  const [, area, day, month, , letter, serial, check] = match;
  if (Number(day) % 50 < 1 || Number(day) % 50 > 31 || Number(month) < 1 || Number(month) > 12) return false;
  const letterDigits = String(letter!.charCodeAt(0) - 64).padStart(2, '0');
  const digits = `${area}${day}${month}${match[4]}${letterDigits}${serial}`;
  const weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
  let sum = 0;
  for (let i = 0; i < 12; i += 1) {
    const product = Number(digits[i]) * weights[i]!;
    sum += Math.floor(product / 10) + (product % 10);
  }
  return sum % 10 === Number(check);
}

/** BitLocker recovery key: eight groups of six digits, each group a multiple of 11 (below 720,896). */
export function bitlockerKeyValid(value: string): boolean {
  const groups = value.split('-');
  return groups.length === 8 && groups.every((g) => /^\d{6}$/.test(g) && Number(g) % 11 === 0 && Number(g) < 720_896);
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * An unlabelled string that is most likely a generated secret: long, mixing upper case, lower case and digits,
 * random-looking. Hashes (hex only), GUIDs, version numbers and words joined by dashes are not.
 */
export function looksGenerated(value: string): boolean {
  if (value.length < 24 || value.length > 200) return false;
  if (/^[0-9a-f-]+$/i.test(value)) return false;
  if (!/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/\d/.test(value)) return false;
  // Readable compounds ("Microsoft-Teams-Meeting-Add-in") have long letter runs and few case switches.
  const switches = (value.match(/[a-z][A-Z]|[A-Z][a-z]|[A-Za-z]\d|\d[A-Za-z]/g) ?? []).length;
  return switches >= value.length / 4 && entropy(value) >= 4;
}
