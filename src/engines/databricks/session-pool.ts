/**
 * Sessions reused across statements. The pool never holds more sessions than statements may run
 * at once, because only a caller holding a statement slot asks it for one. A session is reused
 * only after a statement that succeeded; after any failure it is closed, which also releases
 * whatever operation the failure left on the server.
 */
import type { DBSQLClient } from '@databricks/sql';
import type { DriverSession } from './driver-types.js';
import { type SessionNamespace, sessionStartStatements } from './session-defaults.js';

export class SessionPool {
  private readonly idle: DriverSession[] = [];
  private readonly open = new Set<DriverSession>();

  constructor(
    private readonly client: DBSQLClient,
    private readonly namespace: SessionNamespace,
  ) {}

  get openCount(): number {
    return this.open.size;
  }

  async acquire(): Promise<DriverSession> {
    const reused = this.idle.pop();
    if (reused) return reused;
    const session = await this.client.openSession({
      initialCatalog: this.namespace.catalog,
      initialSchema: this.namespace.schema,
    });
    this.open.add(session);
    try {
      for (const statement of sessionStartStatements(this.namespace)) {
        const operation = await session.executeStatement(statement);
        try {
          // Closing an operation before it finished cancels it: the USE would silently not happen.
          await operation.finished();
        } finally {
          await operation.close().catch(() => undefined);
        }
      }
    } catch (error) {
      await this.discard(session);
      throw error;
    }
    return session;
  }

  async release(session: DriverSession, reusable: boolean): Promise<void> {
    if (reusable && this.open.has(session)) this.idle.push(session);
    else await this.discard(session);
  }

  async closeAll(): Promise<void> {
    this.idle.length = 0;
    await Promise.all([...this.open].map((session) => this.discard(session)));
  }

  private async discard(session: DriverSession): Promise<void> {
    if (!this.open.delete(session)) return;
    const idleIndex = this.idle.indexOf(session);
    if (idleIndex >= 0) this.idle.splice(idleIndex, 1);
    await session.close().catch(() => undefined);
  }
}
