import type { KeyboardEvent } from 'react';

export type Choice<T extends string> = { value: T; label: string };

type Props<T extends string> = {
  name: string;
  legend: string;
  choices: readonly Choice<T>[];
  value: T | null;
  onChange: (value: T) => void;
  hint?: string;
  autoFocus?: boolean;
};

/**
 * Quick choices as native radio buttons (arrow keys move between them), plus digits 1–9 to pick directly.
 */
export function ChoiceGroup<T extends string>({ name, legend, choices, value, onChange, hint, autoFocus }: Props<T>) {
  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const index = Number(event.key) - 1;
    const choice = Number.isInteger(index) ? choices[index] : undefined;
    if (!choice) return;
    event.preventDefault();
    onChange(choice.value);
    const input = event.currentTarget.querySelector<HTMLInputElement>(`input[value="${choice.value}"]`);
    input?.focus();
  };
  return (
    <fieldset className="choices" onKeyDown={onKeyDown} data-testid={`choice-${name}`}>
      <legend>
        {legend}
        {hint ? <span className="hint"> {hint}</span> : null}
      </legend>
      <div className="choice-row" role="radiogroup">
        {choices.map((choice, i) => (
          <label key={choice.value} className={`choice ${value === choice.value ? 'selected' : ''}`}>
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              autoFocus={autoFocus && (value === null ? i === 0 : value === choice.value)}
              onChange={() => onChange(choice.value)}
            />
            <span className="choice-key">{i + 1}</span>
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
