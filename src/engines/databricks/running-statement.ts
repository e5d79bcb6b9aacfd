/**
 * One statement in flight and the ways it can be stopped before it ends: the caller's signal, its
 * time limit, or the engine closing. Stopping cancels the operation on the server (`op.cancel()`),
 * and whatever the engine is awaiting for that statement rejects once the cancel has settled.
 */
import type { DriverOperation } from './driver-types.js';

export type StopReason = 'cancelled' | 'timeout' | 'closed';

class StatementStopped extends Error {
  constructor(readonly reason: StopReason) {
    super(`statement stopped: ${reason}`);
  }
}

export class RunningStatement {
  private operation: DriverOperation | undefined;
  private stopReason: StopReason | undefined;
  private cancelRequest: Promise<unknown> | undefined;
  private rejectStopped!: (error: StatementStopped) => void;
  private readonly stopped: Promise<never>;

  constructor() {
    this.stopped = new Promise<never>((_, reject) => {
      this.rejectStopped = reject;
    });
    this.stopped.catch(() => undefined); // only observed through race()
  }

  get reason(): StopReason | undefined {
    return this.stopReason;
  }

  stop(reason: StopReason): void {
    if (this.stopReason) return;
    this.stopReason = reason;
    const operation = this.operation;
    if (operation) {
      this.cancelRequest = operation.cancel().catch(() => undefined);
      void this.cancelRequest.then(() => this.rejectStopped(new StatementStopped(reason)));
    } else {
      this.rejectStopped(new StatementStopped(reason));
    }
  }

  throwIfStopped(): void {
    if (this.stopReason) throw new StatementStopped(this.stopReason);
  }

  /** Binds the submitted operation; one stopped meanwhile is cancelled before this returns. */
  async attach(operation: DriverOperation): Promise<void> {
    this.operation = operation;
    if (this.stopReason && !this.cancelRequest) {
      this.cancelRequest = operation.cancel().catch(() => undefined);
      await this.cancelRequest;
    }
    this.throwIfStopped();
  }

  /** `work`, unless the statement is stopped first. */
  race<T>(work: Promise<T>): Promise<T> {
    work.catch(() => undefined); // a loser's later rejection is expected and handled here
    return Promise.race([work, this.stopped]);
  }

  /** Closes the operation unless cancelled (the driver skips CloseOperation for cancelled ones). */
  async closeOperation(): Promise<void> {
    await this.cancelRequest;
    await this.operation?.close().catch(() => undefined);
  }
}

export function isStatementStopped(error: unknown): error is { reason: StopReason } {
  return error instanceof StatementStopped;
}
