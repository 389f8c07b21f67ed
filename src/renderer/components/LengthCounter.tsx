import { useTranslation } from 'react-i18next';

/**
 * How much of a field's room is used, shown once it gets close, so nothing is cut silently: the field takes more,
 * and saving then says which field is too long and suggests attaching a file instead.
 */
export function LengthCounter({ value, max }: { value: string; max: number }) {
  const { t } = useTranslation();
  if (value.length < max * 0.8) return null;
  const over = value.length > max;
  return (
    <span className={`length-counter ${over ? 'over' : ''}`} aria-live="polite" data-testid="length-counter">
      {over ? t('common.tooLong', { count: value.length, max }) : t('common.length', { count: value.length, max })}
    </span>
  );
}
