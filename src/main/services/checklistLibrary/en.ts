import type { ChecklistTemplateInput } from '../../../shared/domain/checklist';
import { infrastructureEn } from './en.infrastructure';
import { workplaceEn } from './en.workplace';
import { requestsEn } from './en.requests';

/** The runbooks Leitstand ships with, in English (same keys and step ids as the German ones). */
export const libraryEn: ChecklistTemplateInput[] = [...workplaceEn, ...infrastructureEn, ...requestsEn];
