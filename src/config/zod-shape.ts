import type { z } from 'zod';

/**
 * Walks a zod schema along a config path to learn what is allowed there, so an error can list
 * the valid keys or values instead of only saying what is wrong.
 */
type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = current._zod.def;
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) {
      current = def.innerType as AnySchema;
    } else if (def.type === 'pipe' && def.in) {
      current = def.in as AnySchema;
    } else {
      return current;
    }
  }
}

export function schemaAt(root: z.ZodType, path: ReadonlyArray<PropertyKey>): AnySchema | undefined {
  let current: AnySchema | undefined = unwrap(root as AnySchema);
  for (const part of path) {
    if (!current) return undefined;
    const def = current._zod.def;
    if (def.type === 'object') {
      const shape = def.shape as Record<string, AnySchema>;
      const next = shape[String(part)];
      current = next ? unwrap(next) : undefined;
    } else if (def.type === 'array') {
      current = unwrap(def.element as AnySchema);
    } else if (def.type === 'record') {
      current = unwrap(def.valueType as AnySchema);
    } else if (def.type === 'union') {
      const options = def.options as AnySchema[];
      current = options.map(unwrap).find((option) => option._zod.def.type === (typeof part === 'number' ? 'array' : 'object'));
    } else {
      return undefined;
    }
  }
  return current;
}

export function allowedKeys(root: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  const schema = schemaAt(root, path);
  if (schema?._zod.def.type === 'object') return Object.keys(schema._zod.def.shape as object);
  if (schema?._zod.def.type === 'record') {
    const keyType = unwrap(schema._zod.def.keyType as AnySchema);
    if (keyType._zod.def.type === 'enum') return Object.values(keyType._zod.def.entries as object).map(String);
  }
  return [];
}
