/** A problem in a config file, located precisely enough for an editor or a GitHub annotation. */
export interface ConfigError {
  file: string;
  line: number;
  column: number;
  /** Field path such as `pairs[0].thresholds.row_count.max_count`; empty for the whole file. */
  path: string;
  message: string;
  /** What would be valid, or how to fix it. */
  hint?: string;
}

export function formatConfigError(error: ConfigError): string {
  const where = `${error.file}:${error.line}:${error.column}`;
  const field = error.path ? ` ${error.path}:` : '';
  const hint = error.hint ? ` ${error.hint}` : '';
  return `${where}${field} ${error.message}.${hint}`;
}

export class ConfigInvalidError extends Error {
  constructor(readonly errors: ConfigError[]) {
    super(
      `${errors.length} config error${errors.length === 1 ? '' : 's'}:\n` +
        errors.map((error) => `  ${formatConfigError(error)}`).join('\n'),
    );
    this.name = 'ConfigInvalidError';
  }
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text ? `.${String(part)}` : String(part);
  }
  return text;
}
