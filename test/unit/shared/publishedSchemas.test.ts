import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checklistTemplateSchema } from '../../../src/shared/domain/checklist';

const published = resolve(__dirname, '../../../resources/schemas/checklist-template.schema.json');

describe('published JSON Schemas', () => {
  // Regenerate with UPDATE_SCHEMAS=1. The file is what other tools (and the MSP) validate imports against; it must say what the app accepts.
  it('checklist-template.schema.json is the schema the import uses', () => {
    const current = z.toJSONSchema(checklistTemplateSchema, { io: 'input' });
    if (process.env.UPDATE_SCHEMAS) writeFileSync(published, `${JSON.stringify(current, null, 2)}\n`);
    expect(JSON.parse(readFileSync(published, 'utf8'))).toEqual(current);
  });
});
