export const id = 46;
export const ids = [46];
export const modules = {

/***/ 84046:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DatabricksEngine: () => (/* binding */ DatabricksEngine)
});

// EXTERNAL MODULE: ./node_modules/@databricks/sql/dist/index.js
var dist = __webpack_require__(54417);
// EXTERNAL MODULE: ./lib/engines/engine.js
var engine = __webpack_require__(38041);
;// CONCATENATED MODULE: ./lib/engines/databricks/column-types.js
/** TTypeId values from the Hive/Databricks TCLIService IDL. */
const sparkTypeNames = {
    0: 'BOOLEAN',
    1: 'TINYINT',
    2: 'SMALLINT',
    3: 'INT',
    4: 'BIGINT',
    5: 'FLOAT',
    6: 'DOUBLE',
    7: 'STRING',
    8: 'TIMESTAMP',
    9: 'BINARY',
    10: 'ARRAY',
    11: 'MAP',
    12: 'STRUCT',
    13: 'UNIONTYPE',
    14: 'USER_DEFINED',
    15: 'DECIMAL',
    16: 'VOID',
    17: 'DATE',
    18: 'VARCHAR',
    19: 'CHAR',
    20: 'INTERVAL YEAR TO MONTH',
    21: 'INTERVAL DAY TO SECOND',
};
const BIGINT_TYPE_ID = 4;
const FLOAT_TYPE_ID = 5;
const DOUBLE_TYPE_ID = 6;
const TIMESTAMP_TYPE_ID = 8;
const DECIMAL_TYPE_ID = 15;
const DATE_TYPE_ID = 17;
function qualifier(column, name) {
    return column.typeDesc.types[0]?.primitiveEntry?.typeQualifiers?.qualifiers?.[name]?.i32Value ?? undefined;
}
function describeColumn(column) {
    const typeId = column.typeDesc.types[0]?.primitiveEntry?.type;
    const baseName = typeId === undefined ? 'UNKNOWN' : (sparkTypeNames[typeId] ?? `TYPE_${typeId}`);
    if (typeId === DECIMAL_TYPE_ID) {
        const precision = qualifier(column, 'precision');
        const scale = qualifier(column, 'scale');
        if (precision !== undefined && scale !== undefined) {
            return { name: column.columnName, type: `DECIMAL(${precision},${scale})`, typeId, precision, scale };
        }
    }
    const length = qualifier(column, 'characterMaximumLength');
    const type = length !== undefined && (baseName === 'VARCHAR' || baseName === 'CHAR') ? `${baseName}(${length})` : baseName;
    return { name: column.columnName, type, typeId };
}
/** Columns in result order (the driver sorts by `position` the same way when it builds rows). */
function columnsFromSchema(schema) {
    if (!schema)
        return [];
    return [...schema.columns].sort((a, b) => a.position - b.position).map(describeColumn);
}
function asEngineColumns(columns) {
    return columns.map(({ name, type }) => ({ name, type }));
}
//# sourceMappingURL=column-types.js.map
;// CONCATENATED MODULE: ./lib/engines/databricks/cell-conversion.js
/**
 * Turns the driver's JavaScript values into exact text cells, and refuses the values the driver
 * may already have rounded. On the Thrift column path (what OSS Spark and older warehouses send)
 * the driver hands BIGINT as a `number` (±Infinity from 2^53 up) and DECIMAL as `Number(text)`;
 * on the Arrow path (warehouses) `preserveBigNumericPrecision` gives `bigint` and exact strings.
 * The core's SQL casts what it compares to STRING, so a refusal here means that cast is missing.
 */


/** A double holds every decimal of up to 15 significant digits exactly enough to print it back. */
const EXACT_DECIMAL_DIGITS = 15;
function lostPrecision(column, detail) {
    return new engine/* EngineError */.N('internal', `column "${column.name}" (${column.type}): ${detail}; the driver may have rounded it. ` +
        `Cast the column to STRING in the SQL (CAST(x AS STRING), or to_json(x) for ARRAY/MAP/STRUCT).`);
}
function numberText(value) {
    if (Object.is(value, -0))
        return '-0';
    return String(value); // NaN, Infinity, -Infinity, and the shortest exact decimal otherwise
}
function numberCell(value, column) {
    switch (column.typeId) {
        case FLOAT_TYPE_ID:
        case DOUBLE_TYPE_ID:
            return numberText(value);
        case BIGINT_TYPE_ID:
            if (!Number.isSafeInteger(value))
                throw lostPrecision(column, `value ${numberText(value)} is outside ±(2^53-1)`);
            return String(value);
        case DECIMAL_TYPE_ID: {
            const scale = column.scale ?? 0;
            if (Number.isFinite(value) && scale <= EXACT_DECIMAL_DIGITS && Math.abs(value) < 10 ** (EXACT_DECIMAL_DIGITS - scale)) {
                return value.toFixed(scale);
            }
            throw lostPrecision(column, `value ${numberText(value)} has more than ${EXACT_DECIMAL_DIGITS} significant digits`);
        }
        default:
            if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) {
                throw lostPrecision(column, `value ${numberText(value)} is not an exact integer`);
            }
            return String(value);
    }
}
function pad(n, width = 2) {
    return String(n).padStart(width, '0');
}
/** Arrow results only (not reachable on OSS Spark): DATE and TIMESTAMP arrive as `Date` in UTC. */
function dateCell(value, column) {
    const day = `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    if (column.typeId === DATE_TYPE_ID)
        return day;
    if (column.typeId !== TIMESTAMP_TYPE_ID)
        return value.toISOString();
    const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
    // Spark prints a timestamp's fraction without trailing zeros and drops a zero fraction.
    const millis = value.getUTCMilliseconds();
    const fraction = millis === 0 ? '' : `.${pad(millis, 3)}`.replace(/0+$/, '');
    return `${day} ${time}${fraction}`;
}
function hexText(bytes) {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex').toUpperCase();
}
function significantDigits(value) {
    const mantissa = value.toExponential().split('e')[0] ?? '';
    return mantissa.replace(/[-.]/g, '').length;
}
/**
 * ARRAY, MAP and STRUCT arrive parsed by `JSON.parse`, which rounds big integers and long
 * decimals silently; refuse any number that may have been rounded, print the rest as JSON.
 */
function jsonText(value, column) {
    if (value === null || value === undefined)
        return 'null';
    if (typeof value === 'string')
        return JSON.stringify(value);
    if (typeof value === 'boolean')
        return String(value);
    if (typeof value === 'bigint')
        return value.toString();
    if (typeof value === 'number') {
        if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) {
            throw lostPrecision(column, `nested value ${numberText(value)} is not exact`);
        }
        if (!Number.isInteger(value) && significantDigits(value) > EXACT_DECIMAL_DIGITS) {
            throw lostPrecision(column, `nested value ${numberText(value)} has more than ${EXACT_DECIMAL_DIGITS} significant digits`);
        }
        return String(value);
    }
    if (value instanceof Date)
        return JSON.stringify(value.toISOString());
    if (value instanceof Uint8Array)
        return JSON.stringify(hexText(value));
    if (Array.isArray(value))
        return `[${value.map((item) => jsonText(item, column)).join(',')}]`;
    if (value instanceof Map) {
        return `{${[...value.entries()].map(([k, v]) => `${JSON.stringify(String(k))}:${jsonText(v, column)}`).join(',')}}`;
    }
    if (typeof value === 'object') {
        return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v, column)}`).join(',')}}`;
    }
    throw new engine/* EngineError */.N('internal', `column "${column.name}" (${column.type}): unexpected ${typeof value} value from the driver`);
}
function toCell(value, column) {
    if (value === null || value === undefined)
        return null;
    if (typeof value === 'string')
        return value;
    if (typeof value === 'boolean')
        return value ? 'true' : 'false';
    if (typeof value === 'bigint')
        return value.toString();
    if (typeof value === 'number')
        return numberCell(value, column);
    if (value instanceof Date)
        return dateCell(value, column);
    if (value instanceof Uint8Array)
        return hexText(value);
    return jsonText(value, column);
}
/**
 * The driver gives each row as an object keyed by column name, so a result whose names repeat has
 * already lost columns: refuse it instead of returning the wrong cells.
 */
function assertDistinctColumnNames(columns) {
    const seen = new Set();
    for (const column of columns) {
        if (seen.has(column.name)) {
            throw new engine/* EngineError */.N('internal', `the result has two columns named "${column.name}"; the Databricks driver keeps only one of them. Give every column a distinct alias.`);
        }
        seen.add(column.name);
    }
}
function toRows(rowObjects, columns) {
    return rowObjects.map((row) => {
        const record = row;
        return columns.map((column) => toCell(record[column.name], column));
    });
}
//# sourceMappingURL=cell-conversion.js.map
// EXTERNAL MODULE: ./lib/engines/databricks/connection-options.js
var connection_options = __webpack_require__(68427);
;// CONCATENATED MODULE: ./lib/engines/databricks/error-classification.js
/**
 * Maps what `@databricks/sql` throws to an `EngineError` kind, keeping the server's SQLSTATE.
 * The driver's errors are told apart by shape, not by class: its error classes are not exported.
 *
 * - Statement failures arrive as `OperationStateError` (`errorCode` ERROR/CANCELED/CLOSED/TIMEOUT,
 *   `response.sqlState`, `response.errorMessage`); a warehouse may also fail the submit itself
 *   (`StatusError`, text only, SQLSTATE inside the text).
 * - HTTP failures arrive as `THTTPException` (`statusCode`) or, after the driver's retries, as a
 *   `HiveDriverError` "Hive driver: 502 when connecting to resource…"; socket and TLS failures
 *   as node-fetch `FetchError` (`code`).
 * Messages are cut to the server's own error text (Spark appends Java stack traces) and every
 * secret the engine knows is masked, in the message and in the `cause` kept for debugging.
 */

const SQLSTATE_KINDS = [
    [/^42P01|^42704|^42703|^42P08/, 'not_found'], // table or view, schema, column, catalog
    [/^42501/, 'permission'],
    [/^28/, 'authentication'],
    [/^22003/, 'overflow'], // ARITHMETIC_OVERFLOW, NUMERIC_VALUE_OUT_OF_RANGE
    [/^57014/, 'cancelled'],
    [/^08/, 'connection'],
    [/^40001|^53/, 'transient'], // serialization failure (concurrent Delta writes), insufficient resources
];
const ERROR_CLASS_KINDS = [
    [/\[(TABLE_OR_VIEW_NOT_FOUND|SCHEMA_NOT_FOUND|CATALOG_NOT_FOUND|UNRESOLVED_COLUMN)\b/, 'not_found'],
    [/\[(PERMISSION_DENIED|INSUFFICIENT_PERMISSIONS)\b/, 'permission'],
    [/\[(ARITHMETIC_OVERFLOW|NUMERIC_VALUE_OUT_OF_RANGE)\b/, 'overflow'],
    [/\[QUERY_EXECUTION_TIMEOUT_EXCEEDED\b/, 'timeout'],
];
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);
const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/;
function error_classification_text(value) {
    return typeof value === 'string' && value.length > 0 ? value : undefined;
}
/** Spark's error text without the Thrift server's wrapper and the Java stack trace. */
function conciseServerMessage(message) {
    let concise = message.replace(/^org\.apache\.hive\.service\.cli\.HiveSQLException: (Error running query: )?/, '');
    concise = concise.replace(/^\[[A-Z0-9_.]+\] [\w.$]+(Exception|Error): \s*/, '');
    const stackStart = concise.search(/\n\s+at [\w$.<>/]+\(/);
    if (stackStart >= 0)
        concise = concise.slice(0, stackStart);
    return concise.trim();
}
function maskSecrets(message, secrets) {
    let masked = message.replace(/(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, '$1 ***');
    for (const secret of secrets) {
        if (secret.length >= 4)
            masked = masked.split(secret).join('***');
    }
    return masked;
}
function sqlStateIn(error, message) {
    return error_classification_text(error.response?.sqlState) ?? /SQLSTATE: ([0-9A-Z]{5})/.exec(message)?.[1];
}
function kindFromStatement(sqlState, message) {
    for (const [pattern, kind] of SQLSTATE_KINDS)
        if (sqlState && pattern.test(sqlState))
            return kind;
    for (const [pattern, kind] of ERROR_CLASS_KINDS)
        if (pattern.test(message))
            return kind;
    return 'sql';
}
function kindFromHttpStatus(status) {
    if (status === 401)
        return 'authentication';
    if (status === 403)
        return 'permission';
    if (status === 429 || status >= 500)
        return 'transient';
    return 'connection';
}
function httpStatusHint(status) {
    if (status === 401)
        return ' (the token or service principal was rejected)';
    if (status === 403)
        return ' (not allowed to use this workspace or SQL warehouse)';
    if (status === 404)
        return ' (check the host and the SQL warehouse HTTP path)';
    return '';
}
function classify(error) {
    if (error instanceof engine/* EngineError */.N)
        return { kind: error.kind, message: error.message, sqlState: error.sqlState };
    const shape = typeof error === 'object' && error !== null ? error : {};
    const rawMessage = error_classification_text(shape.message) ?? String(error);
    switch (shape.errorCode) {
        case 'CANCELED':
        case 'CLOSED':
            return { kind: 'cancelled', message: 'the statement was cancelled' };
        case 'TIMEOUT':
            return { kind: 'timeout', message: 'the statement exceeded its time limit' };
        case 'ERROR':
        case 'UNKNOWN': {
            const serverText = error_classification_text(shape.response?.displayMessage) ?? error_classification_text(shape.response?.errorMessage) ?? rawMessage;
            const sqlState = sqlStateIn(shape, serverText);
            return { kind: kindFromStatement(sqlState, serverText), message: conciseServerMessage(serverText), sqlState };
        }
        default:
            break;
    }
    if (typeof shape.statusCode === 'number') {
        const status = shape.statusCode;
        return { kind: kindFromHttpStatus(status), message: `the server answered HTTP ${status}${httpStatusHint(status)}` };
    }
    const retriedStatus = /^Hive driver: (\d{3}) when connecting to resource/.exec(rawMessage)?.[1];
    if (retriedStatus !== undefined) {
        const status = Number(retriedStatus);
        return { kind: kindFromHttpStatus(status), message: `${rawMessage}${httpStatusHint(status)}` };
    }
    if (/when connecting to resource|Request timed out|session was closed or has expired/i.test(rawMessage)) {
        return { kind: 'transient', message: rawMessage };
    }
    const code = error_classification_text(shape.code) ?? '';
    if (shape.name === 'FetchError' || code !== '') {
        if (UNREACHABLE_CODES.has(code))
            return { kind: 'connection', message: `cannot reach the server: ${rawMessage}` };
        if (TRANSIENT_CODES.has(code))
            return { kind: 'transient', message: `the connection broke: ${rawMessage}` };
        if (TLS_CODE.test(code) || TLS_CODE.test(rawMessage)) {
            return { kind: 'connection', message: `TLS failed: ${rawMessage}` };
        }
        if (shape.name === 'FetchError')
            return { kind: 'connection', message: rawMessage };
    }
    if (shape.name === 'AuthenticationError' || /\b(invalid_client|unauthorized_client|invalid_grant)\b/.test(rawMessage)) {
        return { kind: 'authentication', message: `authentication failed: ${rawMessage}` };
    }
    if (shape.name === 'Status Error') {
        const sqlState = sqlStateIn(shape, rawMessage);
        return { kind: kindFromStatement(sqlState, rawMessage), message: conciseServerMessage(rawMessage), sqlState };
    }
    return { kind: 'internal', message: rawMessage };
}
/** A driver failure as an `EngineError`; `context` says what the engine was doing. */
function classifyDriverError(error, secrets, context) {
    if (error instanceof engine/* EngineError */.N && context === undefined)
        return error;
    const { kind, message, sqlState } = classify(error);
    const full = maskSecrets(context ? `${context}: ${message}` : message, secrets);
    const cause = error instanceof Error
        ? Object.assign(new Error(maskSecrets(error.message, secrets)), { name: error.name })
        : undefined;
    return new engine/* EngineError */.N(kind, full, sqlState, cause ? { cause } : undefined);
}
//# sourceMappingURL=error-classification.js.map
;// CONCATENATED MODULE: ./lib/engines/databricks/running-statement.js
class StatementStopped extends Error {
    reason;
    constructor(reason) {
        super(`statement stopped: ${reason}`);
        this.reason = reason;
    }
}
class RunningStatement {
    operation;
    stopReason;
    cancelRequest;
    rejectStopped;
    stopped;
    constructor() {
        this.stopped = new Promise((_, reject) => {
            this.rejectStopped = reject;
        });
        this.stopped.catch(() => undefined); // only observed through race()
    }
    get reason() {
        return this.stopReason;
    }
    stop(reason) {
        if (this.stopReason)
            return;
        this.stopReason = reason;
        const operation = this.operation;
        if (operation) {
            this.cancelRequest = operation.cancel().catch(() => undefined);
            void this.cancelRequest.then(() => this.rejectStopped(new StatementStopped(reason)));
        }
        else {
            this.rejectStopped(new StatementStopped(reason));
        }
    }
    throwIfStopped() {
        if (this.stopReason)
            throw new StatementStopped(this.stopReason);
    }
    /** Binds the submitted operation; one stopped meanwhile is cancelled before this returns. */
    async attach(operation) {
        this.operation = operation;
        if (this.stopReason && !this.cancelRequest) {
            this.cancelRequest = operation.cancel().catch(() => undefined);
            await this.cancelRequest;
        }
        this.throwIfStopped();
    }
    /** `work`, unless the statement is stopped first. */
    race(work) {
        work.catch(() => undefined); // a loser's later rejection is expected and handled here
        return Promise.race([work, this.stopped]);
    }
    /** Closes the operation unless cancelled (the driver skips CloseOperation for cancelled ones). */
    async closeOperation() {
        await this.cancelRequest;
        await this.operation?.close().catch(() => undefined);
    }
}
function isStatementStopped(error) {
    return error instanceof StatementStopped;
}
//# sourceMappingURL=running-statement.js.map
// EXTERNAL MODULE: ./lib/query/databricks-quoting.js
var databricks_quoting = __webpack_require__(88294);
;// CONCATENATED MODULE: ./lib/engines/databricks/session-defaults.js
/**
 * What every session of the engine starts with. `openSession({ initialCatalog, initialSchema })`
 * sets the namespace on a warehouse, but OSS Spark ignores those fields, so the engine also runs
 * these statements when it opens a session:
 * - `SET TIME ZONE 'UTC'`: TIMESTAMP values print in the session time zone, and the dialect's
 *   canonical text assumes UTC on both engines.
 * - `SET CATALOG`, not `USE CATALOG`: both work on Databricks, only `SET CATALOG` parses on OSS Spark.
 */

function sessionStartStatements({ catalog, schema }) {
    const quote = databricks_quoting/* quoteDatabricksIdentifier */.I;
    const statements = ["SET TIME ZONE 'UTC'"];
    if (catalog !== undefined)
        statements.push(`SET CATALOG ${quote(catalog)}`);
    if (schema !== undefined)
        statements.push(`USE SCHEMA ${quote(schema)}`);
    return statements;
}
//# sourceMappingURL=session-defaults.js.map
;// CONCATENATED MODULE: ./lib/engines/databricks/session-pool.js

class SessionPool {
    client;
    namespace;
    idle = [];
    open = new Set();
    constructor(client, namespace) {
        this.client = client;
        this.namespace = namespace;
    }
    get openCount() {
        return this.open.size;
    }
    async acquire() {
        const reused = this.idle.pop();
        if (reused)
            return reused;
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
                }
                finally {
                    await operation.close().catch(() => undefined);
                }
            }
        }
        catch (error) {
            await this.discard(session);
            throw error;
        }
        return session;
    }
    async release(session, reusable) {
        if (reusable && this.open.has(session))
            this.idle.push(session);
        else
            await this.discard(session);
    }
    async closeAll() {
        this.idle.length = 0;
        await Promise.all([...this.open].map((session) => this.discard(session)));
    }
    async discard(session) {
        if (!this.open.delete(session))
            return;
        const idleIndex = this.idle.indexOf(session);
        if (idleIndex >= 0)
            this.idle.splice(idleIndex, 1);
        await session.close().catch(() => undefined);
    }
}
//# sourceMappingURL=session-pool.js.map
;// CONCATENATED MODULE: ./lib/engines/databricks/statement-slots.js
/**
 * A counting semaphore shared by every caller of one engine: at most `limit` statements run on the
 * warehouse at once, the rest wait in arrival order. A waiter whose signal aborts leaves the queue.
 */
class StatementSlots {
    limit;
    running = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
    }
    get inUse() {
        return this.running;
    }
    /** Resolves with a release function once a slot is free; rejects with `signal.reason` on abort. */
    acquire(signal) {
        if (signal?.aborted)
            return Promise.reject(signal.reason);
        if (this.running < this.limit) {
            this.running += 1;
            return Promise.resolve(this.releaser());
        }
        return new Promise((resolve, reject) => {
            const waiter = {
                grant: () => {
                    signal?.removeEventListener('abort', onAbort);
                    resolve(this.releaser());
                },
            };
            const onAbort = () => {
                const index = this.waiting.indexOf(waiter);
                if (index >= 0)
                    this.waiting.splice(index, 1);
                reject(signal?.reason);
            };
            signal?.addEventListener('abort', onAbort, { once: true });
            this.waiting.push(waiter);
        });
    }
    releaser() {
        let released = false;
        return () => {
            if (released)
                return;
            released = true;
            const next = this.waiting.shift();
            // The slot passes straight to the next waiter, so `running` only drops when nobody waits.
            if (next)
                next.grant();
            else
                this.running -= 1;
        };
    }
}
//# sourceMappingURL=statement-slots.js.map
;// CONCATENATED MODULE: ./lib/engines/databricks/databricks-engine.js
/**
 * The Databricks SQL engine on `@databricks/sql`: statements share a bounded number of slots and a
 * pool of sessions; each statement can be stopped by its caller's signal, by its time limit or by
 * `close()`, and every stop cancels the statement on the server, not just the wait for it.
 */









/**
 * The server enforces `queryTimeout` on clusters and OSS Spark; SQL warehouses ignore it, so the
 * engine also cancels the statement itself shortly after the limit.
 */
const CLIENT_TIMEOUT_GRACE_MS = 3000;
/** The driver logs to stdout by default; the engine reports through its errors instead. */
const silentLogger = { log: () => undefined };
class DatabricksEngine {
    client;
    name = 'databricks';
    slots;
    sessions;
    running = new Set();
    /** Every query() call not yet settled, including those waiting for a slot. */
    inFlight = new Set();
    secrets;
    closing;
    constructor(client, connection) {
        this.client = client;
        this.slots = new StatementSlots(connection.maxConcurrentStatements);
        this.sessions = new SessionPool(client, { catalog: connection.catalog, schema: connection.schema });
        this.secrets = (0,connection_options/* connectionSecrets */.K)(connection);
    }
    /** Resolves the connection (inputs, then DATABRICKS_* variables) and connects the driver. */
    static async connect(inputs = {}, env = process.env) {
        const connection = (0,connection_options.resolveDatabricksConnection)(inputs, env);
        const client = new dist.DBSQLClient({ logger: silentLogger });
        try {
            await client.connect((0,connection_options/* driverConnectOptions */.L)(connection));
        }
        catch (error) {
            await client.close().catch(() => undefined);
            throw classifyDriverError(error, (0,connection_options/* connectionSecrets */.K)(connection), `cannot connect to ${connection.host}`);
        }
        return new DatabricksEngine(client, connection);
    }
    async query(sql, options = {}) {
        const run = this.runStatement(sql, options);
        this.inFlight.add(run);
        try {
            return await run;
        }
        finally {
            this.inFlight.delete(run);
        }
    }
    close() {
        this.closing ??= this.closeNow();
        return this.closing;
    }
    async closeNow() {
        for (const statement of this.running)
            statement.stop('closed');
        // Calls waiting for a slot get one as the running ones end, then see `closing` and stop.
        await Promise.allSettled([...this.inFlight]);
        await this.sessions.closeAll();
        await this.client.close().catch(() => undefined);
    }
    async runStatement(sql, { signal, timeoutSeconds }) {
        if (this.closing)
            throw new engine/* EngineError */.N('cancelled', 'the Databricks engine is closed');
        if (timeoutSeconds !== undefined && !(timeoutSeconds > 0)) {
            throw new engine/* EngineError */.N('internal', `timeoutSeconds must be positive, got ${timeoutSeconds}`);
        }
        let releaseSlot;
        try {
            releaseSlot = await this.slots.acquire(signal);
        }
        catch {
            throw this.stoppedError('cancelled', timeoutSeconds);
        }
        const statement = new RunningStatement();
        this.running.add(statement);
        if (this.closing)
            statement.stop('closed');
        const onAbort = () => statement.stop('cancelled');
        if (signal?.aborted)
            onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        const timer = timeoutSeconds === undefined
            ? undefined
            : setTimeout(() => statement.stop('timeout'), timeoutSeconds * 1000 + CLIENT_TIMEOUT_GRACE_MS);
        let session;
        let succeeded = false;
        try {
            statement.throwIfStopped();
            const opening = this.sessions.acquire();
            try {
                session = await statement.race(opening);
            }
            catch (error) {
                // Stopped while the session was opening: close it once it is open.
                opening.then((late) => this.sessions.release(late, false)).catch(() => undefined);
                throw error;
            }
            const operation = await session.executeStatement(sql, {
                ...(timeoutSeconds === undefined ? {} : { queryTimeout: Math.ceil(timeoutSeconds) }),
            });
            await statement.attach(operation);
            const result = await statement.race(readResult(operation));
            succeeded = true;
            return result;
        }
        catch (error) {
            const reason = statement.reason ?? (isStatementStopped(error) ? error.reason : undefined);
            if (reason)
                throw this.stoppedError(reason, timeoutSeconds, error);
            const classified = classifyDriverError(error, this.secrets);
            if (classified.kind === 'timeout' && timeoutSeconds !== undefined) {
                throw new engine/* EngineError */.N('timeout', `the statement exceeded its time limit of ${timeoutSeconds} s`, classified.sqlState, {
                    cause: classified,
                });
            }
            throw classified;
        }
        finally {
            signal?.removeEventListener('abort', onAbort);
            clearTimeout(timer);
            await statement.closeOperation();
            if (session)
                await this.sessions.release(session, succeeded);
            this.running.delete(statement);
            releaseSlot();
        }
    }
    stoppedError(reason, timeoutSeconds, cause) {
        const driverError = cause === undefined || isStatementStopped(cause) ? undefined : cause;
        const options = driverError === undefined ? undefined : { cause: classifyDriverError(driverError, this.secrets) };
        switch (reason) {
            case 'timeout':
                return new engine/* EngineError */.N('timeout', `the statement exceeded its time limit of ${timeoutSeconds} s`, undefined, options);
            case 'closed':
                return new engine/* EngineError */.N('cancelled', 'the statement was cancelled because the Databricks engine closed', undefined, options);
            case 'cancelled':
                return new engine/* EngineError */.N('cancelled', 'the statement was cancelled', undefined, options);
        }
    }
}
async function readResult(operation) {
    // getSchema() waits for the statement to finish, so its errors surface here first.
    const columns = columnsFromSchema(await operation.getSchema());
    assertDistinctColumnNames(columns);
    const rowObjects = await operation.fetchAll();
    return { columns: asEngineColumns(columns), rows: toRows(rowObjects, columns) };
}
//# sourceMappingURL=databricks-engine.js.map

/***/ })

};
