/** The `@databricks/sql` types the engine touches, named once from the driver's public surface. */
import type { DBSQLClient } from '@databricks/sql';

export type DriverConnectOptions = Parameters<DBSQLClient['connect']>[0];
export type DriverSession = Awaited<ReturnType<DBSQLClient['openSession']>>;
export type DriverOperation = Awaited<ReturnType<DriverSession['executeStatement']>>;
export type DriverTableSchema = NonNullable<Awaited<ReturnType<DriverOperation['getSchema']>>>;
export type DriverColumnDesc = DriverTableSchema['columns'][number];
