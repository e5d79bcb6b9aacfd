import { createHash } from 'node:crypto';
import { SAMPLE_VALUES_MODES, type SampleValuesMode } from '../config/recon-config.js';
import type { BackendSettings, HistoryTarget } from '../backends/backend.js';
import { allBackendSettings, backendFor } from '../backends/registry.js';
import { ENGINE_NAMES, type EngineName } from '../query/engine-name.js';
import { FAIL_ON_LEVELS, type FailOn } from '../recon/outcome.js';
import { CHARTS_MODES, type ChartsMode } from '../report/chart-configs.js';
import { isVolumePath } from '../engines/databricks/volume-upload.js';
import { type BaselineSetting, baselineSetting } from './baseline-download.js';

export const COMMENT_MODES = ['update', 'new', 'off'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];


/** `auto`: the configs decide, and pairs that do not say show no value on a public repository (sample-values-policy.ts). */
export const SAMPLE_VALUES_INPUTS = ['auto', ...SAMPLE_VALUES_MODES] as const;
export type SampleValuesInput = 'auto' | SampleValuesMode;

/** The inputs whose values are credentials: masked before anything else is read or checked. */
export const SECRET_INPUTS: readonly string[] = ['github-token', ...allBackendSettings().filter((setting) => setting.secret).map((setting) => setting.input)];

export interface ActionInputs {
  /** Files, folders or globs, as given. */
  configPatterns: string[];
  /** Waiver files; empty means waivers.yml beside the configs when there is one. */
  waiverFiles: string[];
  /** Names this set of configs in the comment marker and the artifact: two sets keep two comments. */
  configSetId: string;
  engine: EngineName;
  /** Only what was given; DATABRICKS_* variables fill the rest when the engine opens. */
  engineSettings: BackendSettings;
  comment: CommentMode;
  charts: ChartsMode;
  quickchartHost?: string;
  /** The most of the table's values any pair's reports may show; `auto` leaves it to the configs and the repository's visibility. */
  sampleValues: SampleValuesInput;
  artifactName: string;
  retentionDays?: number;
  failOn: FailOn;
  /** What to compare with: nothing, a results.json, or the base branch's last run (`auto`). */
  baseline: BaselineSetting;
  /** On a pull request, compare the configs and waivers with the base commit's (`auto`), or not. */
  gateChanges: 'auto' | 'off';
  /** Loosening the gate fails the step unless the pull request has `allowLooseningLabel`. */
  failOnLoosened: boolean;
  allowLooseningLabel: string;
  /** On a pull request, run only the pairs whose config or `paths:` match its changed files. */
  onlyChanged: boolean;
  /** Where each run is appended, one row per pair and check (results-history.ts). */
  resultsTable?: HistoryTarget;
  /** A Unity Catalog volume folder the reports are copied to (engine databricks). */
  reportVolume?: string;
  statementTimeoutSeconds?: number;
  runTimeoutSeconds?: number;
  githubToken: string;
  allowForkSql: boolean;
  /** Every secret value read, to keep out of anything sent to GitHub. */
  secrets: string[];
}

/** A bad input value; the message names the input as the workflow spells it. */
export class ActionInputError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`input \`${input}\`: ${message}`);
    this.name = 'ActionInputError';
  }
}

export type InputReader = (name: string) => string;

function oneOf<T extends string>(read: InputReader, name: string, allowed: readonly T[], fallback: T): T {
  const value = read(name).trim() || fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new ActionInputError(name, `must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

function positiveNumber(read: InputReader, name: string, { integer, max }: { integer?: boolean; max?: number } = {}): number | undefined {
  const text = read(name).trim();
  if (text === '') return undefined;
  const value = Number(text);
  const valid = Number.isFinite(value) && value > 0 && (!integer || Number.isInteger(value)) && (max === undefined || value <= max);
  if (!valid) throw new ActionInputError(name, `must be a positive ${integer ? 'whole number' : 'number'}${max === undefined ? '' : ` up to ${max}`}, not "${text}"`);
  return value;
}

function booleanInput(read: InputReader, name: string): boolean {
  const text = read(name).trim().toLowerCase();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  throw new ActionInputError(name, `must be true or false, not "${text}"`);
}

/** Newlines and commas both separate entries, as in most actions' path inputs. */
export function splitList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/**
 * A short, stable name for a set of configs: the same input gives the same id on every push, so
 * the comment is found again; a long list is cut and keeps a hash so ids stay distinct.
 */
export function configSetId(patterns: readonly string[]): string {
  const slug = patterns
    .join('+')
    .toLowerCase()
    .replace(/[^a-z0-9._]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  if (slug !== '' && slug.length <= 48) return slug;
  const hash = createHash('sha256').update(patterns.join('\n')).digest('hex').slice(0, 8);
  return `${slug.slice(0, 39).replace(/[-.]+$/, '') || 'configs'}-${hash}`;
}

// @actions/artifact refuses these in a name; saying so here names the input instead.
const ARTIFACT_NAME_FORBIDDEN = /["\\/:<>|*?\r\n]/;

/** The Action runs on a warehouse unless told otherwise: CI is where the real tables are. */
function engineInput(read: InputReader): EngineName {
  return oneOf(read, 'engine', ENGINE_NAMES, 'databricks');
}

function reportVolumeInput(read: InputReader): string | undefined {
  const value = read('report-volume').trim();
  if (value === '') return undefined;
  if (!isVolumePath(value)) throw new ActionInputError('report-volume', `must be a volume folder such as /Volumes/main/recon/reports/runs, not "${value}"`);
  if (engineInput(read) !== 'databricks') throw new ActionInputError('report-volume', 'copies the reports with the Databricks Files API: it needs engine databricks');
  return value;
}

function resultsTableInput(read: InputReader): HistoryTarget | undefined {
  const value = read('results-table').trim();
  if (value === '') return undefined;
  const target = backendFor(engineInput(read)).historyTarget(value);
  if ('error' in target) throw new ActionInputError('results-table', target.error);
  return target;
}

/**
 * Reads and checks every input. Secret inputs are masked first, so no message below (nor any
 * later log line) can show them.
 */
export function readActionInputs(read: InputReader, mask: (secret: string) => void): ActionInputs {
  const secrets: string[] = [];
  for (const name of SECRET_INPUTS) {
    const value = read(name).trim();
    if (value !== '') {
      mask(value);
      secrets.push(value);
    }
  }

  const configPatterns = splitList(read('config') || 'recon-configs');
  if (configPatterns.length === 0) throw new ActionInputError('config', 'names no file, folder or glob');
  const id = configSetId(configPatterns);
  const waiverFiles = splitList(read('waivers'));

  const charts = oneOf(read, 'charts', CHARTS_MODES, 'mermaid');
  const quickchartHost = read('quickchart-host').trim() || undefined;
  if (quickchartHost !== undefined && !/^https?:\/\/[^/\s]+/i.test(quickchartHost)) {
    throw new ActionInputError('quickchart-host', `must be an http(s) URL such as https://quickchart.example.com, not "${quickchartHost}"`);
  }

  const artifactName = read('artifact-name').trim() || `recon-gate-${id}`;
  if (ARTIFACT_NAME_FORBIDDEN.test(artifactName)) throw new ActionInputError('artifact-name', 'must not contain " \\ / : < > | * ? or line breaks');

  const engine = engineInput(read);
  const engineSettings: BackendSettings = {};
  // Every engine's inputs are checked, so a mistake shows before it matters; the chosen engine's are kept.
  for (const setting of allBackendSettings()) {
    const value = read(setting.input).trim();
    if (value === '') continue;
    const problem = setting.check?.(value);
    if (problem) throw new ActionInputError(setting.input, problem);
    if (setting.engine === engine) engineSettings[setting.key] = value;
  }

  return {
    configPatterns,
    waiverFiles,
    configSetId: id,
    engine,
    engineSettings,
    comment: oneOf(read, 'comment', COMMENT_MODES, 'update'),
    charts,
    quickchartHost,
    sampleValues: oneOf(read, 'sample-values', SAMPLE_VALUES_INPUTS, 'auto'),
    artifactName,
    // GitHub keeps artifacts at most 90 days on public repositories and 400 on private ones.
    retentionDays: positiveNumber(read, 'retention-days', { integer: true, max: 400 }),
    failOn: oneOf(read, 'fail-on', FAIL_ON_LEVELS, 'fail'),
    baseline: baselineSetting(read('baseline')),
    gateChanges: oneOf(read, 'gate-changes', ['auto', 'off'] as const, 'auto'),
    failOnLoosened: booleanInput(read, 'fail-on-loosened'),
    allowLooseningLabel: read('allow-loosening-label').trim() || 'recon-gate:allow-loosening',
    onlyChanged: booleanInput(read, 'only-changed'),
    resultsTable: resultsTableInput(read),
    reportVolume: reportVolumeInput(read),
    statementTimeoutSeconds: positiveNumber(read, 'statement-timeout'),
    runTimeoutSeconds: positiveNumber(read, 'run-timeout'),
    githubToken: read('github-token').trim(),
    allowForkSql: booleanInput(read, 'allow-fork-sql'),
    secrets,
  };
}
