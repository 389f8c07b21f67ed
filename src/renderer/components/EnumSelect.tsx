type Props<T extends string> = {
  label: string;
  value: T | '';
  options: readonly T[];
  labelOf: (option: T) => string;
  onChange: (value: T | '') => void;
  /** Offered first with the value ''; absent means a value must be chosen. */
  emptyLabel?: string;
  /** Shows `label` as visible text above the select (else it only names it for assistive tech). */
  visibleLabel?: boolean;
};

/** A select over a fixed list of domain values, shown by their names. */
export function EnumSelect<T extends string>({
  label,
  value,
  options,
  labelOf,
  onChange,
  emptyLabel,
  visibleLabel,
}: Props<T>) {
  const select = (
    <select
      aria-label={visibleLabel ? undefined : label}
      value={value}
      onChange={(e) => onChange(e.target.value as T | '')}
    >
      {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
      {options.map((option) => (
        <option key={option} value={option}>
          {labelOf(option)}
        </option>
      ))}
    </select>
  );
  return visibleLabel ? (
    <label>
      {label}
      {select}
    </label>
  ) : (
    select
  );
}
