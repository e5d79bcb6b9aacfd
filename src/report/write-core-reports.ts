import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunResults } from '../results/results-model.js';
import { detailsCsv, summaryCsv } from './csv-reports.js';

export interface WrittenReports {
  resultsJson: string;
  summaryCsv: string;
  detailsCsv: string;
}

export function writeCoreReports(results: RunResults, outDir: string): WrittenReports {
  mkdirSync(outDir, { recursive: true });
  const files: WrittenReports = {
    resultsJson: path.join(outDir, 'results.json'),
    summaryCsv: path.join(outDir, 'summary.csv'),
    detailsCsv: path.join(outDir, 'details.csv'),
  };
  writeFileSync(files.resultsJson, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(files.summaryCsv, summaryCsv(results));
  writeFileSync(files.detailsCsv, detailsCsv(results));
  return files;
}
