import { EXIT } from './outcome.js';

export interface RunCancellation {
  /** Aborts on the first SIGINT/SIGTERM or when the run timeout is reached. */
  readonly signal: AbortSignal;
  /** Whether a signal (not the run timeout) cancelled the run. */
  readonly bySignal: boolean;
  /** Stops the run timeout once the statements are over. */
  dispose(): void;
}

/** How long a cancelled run may take to cancel its statements and write its reports. */
const GRACE_MS = 30_000;

/**
 * The run's cancellation, the same for the CLI and the Action: the first SIGINT/SIGTERM (a
 * cancelled CI job sends SIGINT, then SIGTERM) or the run timeout aborts the running statements,
 * and the reports are still written. A second signal, or a run that does not wind down within a
 * grace period, exits at once.
 */
export function cancelOnSignalsOrTimeout(runTimeoutSeconds: number | undefined, log: (line: string) => void): RunCancellation {
  const controller = new AbortController();
  let bySignal = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      process.stderr.write(`recon-gate: ${signal} again, exiting now\n`);
      process.exit(EXIT.interrupted);
    }
    bySignal = true;
    log(`${signal} received: cancelling running statements and writing what was reconciled…`);
    controller.abort(new Error(`cancelled by ${signal}`));
    setTimeout(() => process.exit(EXIT.interrupted), GRACE_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const timer = runTimeoutSeconds
    ? setTimeout(() => {
        log(`the run exceeded its run timeout of ${runTimeoutSeconds} s: cancelling running statements…`);
        controller.abort(new Error(`the run exceeded its ${runTimeoutSeconds} s time limit`));
      }, runTimeoutSeconds * 1000)
    : undefined;
  return {
    signal: controller.signal,
    get bySignal() {
      return bySignal;
    },
    dispose() {
      // The signal handlers stay: a signal while the reports are written still means exit 130.
      if (timer) clearTimeout(timer);
    },
  };
}
