import { EngineError, type EngineErrorKind } from '../engine.js';

/** What DuckDB says when a statement meets the lockdown (file access, locked settings, extensions). */
const LOCKDOWN_ERROR = /file system operations are disabled|configuration has been locked|external extensions is disabled|Permission Error: .*extension/i;

/** DuckDB prefixes every error with its class ("Catalog Error: …"); map those to our kinds. */
export function classifyDuckdbError(error: unknown, context: { timedOut: boolean; cancelled: boolean }): EngineError {
  if (error instanceof EngineError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (context.timedOut) return new EngineError('timeout', 'the statement exceeded its time limit and was interrupted', undefined, { cause: error });
  if (context.cancelled) return new EngineError('cancelled', 'the statement was cancelled', undefined, { cause: error });
  if (LOCKDOWN_ERROR.test(message)) {
    return new EngineError('refused', `${message.split('\n')[0]}: this engine reads only the configured \`file:\` sources and mounted folders, writes no files and loads no extensions`, undefined, { cause: error });
  }
  const kind: EngineErrorKind =
    /^Catalog Error|does not exist|No files found|IO Error: (No files|Cannot open)/i.test(message) ? 'not_found'
      : /^(Parser|Binder|Syntax) Error/i.test(message) ? 'sql'
        : /Overflow|Out of Range/i.test(message) ? 'overflow'
          : /^(Permission|Access)/i.test(message) ? 'permission'
            : /INTERRUPT/i.test(message) ? 'cancelled'
              : /^(Conversion|Invalid Input|Not implemented) Error/i.test(message) ? 'sql'
                : 'internal';
  return new EngineError(kind, message.split('\n')[0] ?? message, undefined, { cause: error });
}
