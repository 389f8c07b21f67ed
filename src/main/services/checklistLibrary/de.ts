import type { ChecklistTemplateInput } from '../../../shared/domain/checklist';
import { infrastructureDe } from './de.infrastructure';
import { workplaceDe } from './de.workplace';
import { requestsDe } from './de.requests';

/** The runbooks Leitstand ships with, in German. Editable; the originals can be restored. */
export const libraryDe: ChecklistTemplateInput[] = [...workplaceDe, ...infrastructureDe, ...requestsDe];
