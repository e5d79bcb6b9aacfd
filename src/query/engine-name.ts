/** The engines Recon Gate runs on; src/backends/registry.ts holds one backend for each. */
export const ENGINE_NAMES = ['duckdb', 'databricks'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export function isEngineName(value: string): value is EngineName {
  return (ENGINE_NAMES as readonly string[]).includes(value);
}
