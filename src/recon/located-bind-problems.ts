import type { ConfigError } from '../config/config-error.js';
import type { PairConfig } from '../config/recon-config.js';
import type { BindError } from '../plan/bind-pair.js';

/** Each column name the real schemas contradict, as a config error at its own field (for run and plan alike). */
export function locatedBindProblems(pair: PairConfig, error: BindError): ConfigError[] {
  return error.problems.map((problem) => ({
    file: pair.location.file,
    ...(pair.fieldLocations[problem.field] ?? { line: pair.location.line, column: pair.location.column }),
    path: `${pair.name}.${problem.field}`,
    message: problem.message,
    hint: problem.suggestion ? `Did you mean \`${problem.suggestion}\`?` : 'Use a column name the side has (see the list), or fix the table the side names.',
  }));
}
