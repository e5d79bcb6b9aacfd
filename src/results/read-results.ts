import { readFileSync } from 'node:fs';
import { RESULTS_SCHEMA_VERSION, type RunResults } from './results-model.js';

/** A results.json that cannot be read or is not one of ours; the message names the file. */
export class ResultsFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'ResultsFileError';
  }
}

/** Parses results.json text, checking that it is a results file of this schema version. */
export function parseResults(text: string, file: string): RunResults {
  let results: Partial<RunResults>;
  try {
    results = JSON.parse(text) as Partial<RunResults>;
  } catch (error) {
    throw new ResultsFileError(file, `cannot read the results ${file}: ${(error as Error).message}`);
  }
  if (!results || results.schemaVersion !== RESULTS_SCHEMA_VERSION || !Array.isArray(results.pairs) || !results.run || !results.summary) {
    throw new ResultsFileError(file, `${file} is not a recon-gate results file of schema version ${RESULTS_SCHEMA_VERSION} (schemaVersion: ${JSON.stringify(results?.schemaVersion)})`);
  }
  return results as RunResults;
}

export function readResultsFile(file: string): RunResults {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ResultsFileError(file, `cannot read the results ${file}: ${(error as Error).message}`);
  }
  return parseResults(text, file);
}
