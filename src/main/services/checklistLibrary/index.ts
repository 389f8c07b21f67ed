import { checklistTemplateSchema, type ChecklistTemplate } from '../../../shared/domain/checklist';
import type { Language } from '../../../shared/domain/enums';
import { libraryDe } from './de';
import { libraryEn } from './en';

/** The shipped runbooks, validated once like any import (a broken one fails the tests, not the user). */
export const library: readonly ChecklistTemplate[] = [...libraryDe, ...libraryEn].map((t) =>
  checklistTemplateSchema.parse(t),
);

export const libraryTemplate = (key: string, language: Language): ChecklistTemplate | undefined =>
  library.find((t) => t.key === key && t.language === language);
