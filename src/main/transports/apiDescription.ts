import { z } from 'zod';
import { contract, methodNames } from '../../shared/contract';

let cached: unknown = null;

/** `GET /api`: every method with the JSON Schemas of its input and output, built once from the contract. */
export function describeApi(): unknown {
  cached ??= {
    methods: methodNames.map((name) => {
      const spec = contract[name];
      return {
        name,
        kind: spec.mutates ? 'command' : 'query',
        input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }),
        output: z.toJSONSchema(spec.output, { io: 'output', unrepresentable: 'any' }),
      };
    }),
  };
  return cached;
}
