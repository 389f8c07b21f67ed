/**
 * A value stored under a key someone named (a template placeholder, a variable, a field): only the record's own
 * entries count, never what every object inherits ("constructor", "toString", "__proto__").
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
