export const id = 759;
export const ids = [759];
export const modules = {

/***/ 44759:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DuckdbEngine: () => (/* binding */ DuckdbEngine)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/sql/dialects/duckdb-dialect.js
var duckdb_dialect = __webpack_require__(10478);
// EXTERNAL MODULE: ./lib/engines/engine.js
var engine = __webpack_require__(6783);
;// CONCATENATED MODULE: ./lib/engines/duckdb/duckdb-errors.js

/** DuckDB prefixes every error with its class ("Catalog Error: …"); map those to our kinds. */
function classifyDuckdbError(error, context) {
    const message = error instanceof Error ? error.message : String(error);
    if (context.timedOut)
        return new engine/* EngineError */.N('timeout', 'the statement exceeded its time limit and was interrupted', undefined, { cause: error });
    if (context.cancelled)
        return new engine/* EngineError */.N('cancelled', 'the statement was cancelled', undefined, { cause: error });
    const kind = /^Catalog Error|does not exist|No files found|IO Error: (No files|Cannot open)/i.test(message) ? 'not_found'
        : /^(Parser|Binder|Syntax) Error/i.test(message) ? 'sql'
            : /Overflow|Out of Range/i.test(message) ? 'overflow'
                : /^(Permission|Access)/i.test(message) ? 'permission'
                    : /INTERRUPT/i.test(message) ? 'cancelled'
                        : /^(Conversion|Invalid Input|Not implemented) Error/i.test(message) ? 'sql'
                            : 'internal';
    return new engine/* EngineError */.N(kind, message.split('\n')[0] ?? message, undefined, { cause: error });
}
//# sourceMappingURL=duckdb-errors.js.map
// EXTERNAL MODULE: ./lib/engines/duckdb/memory-limit.js
var memory_limit = __webpack_require__(62492);
// EXTERNAL MODULE: ./lib/engines/duckdb/duckdb-module.js
var duckdb_module = __webpack_require__(81563);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./lib/engines/duckdb/duckdb-mounts.js


/**
 * A mounted folder maps files to views: `<folder>/<schema>/<table>.parquet` becomes
 * `schema.table`, and files directly in the folder land in `main`. This lets one config name
 * tables that are Delta tables on Databricks and local files on a laptop.
 */
function viewsInFolder(folder) {
    const views = [];
    const addFiles = (directory, schema) => {
        for (const entry of (0,external_node_fs_.readdirSync)(directory, { withFileTypes: true })) {
            const match = /^(.+)\.(parquet|csv)$/i.exec(entry.name);
            if (entry.isFile() && match) {
                views.push({ schema, table: match[1], file: external_node_path_.join(directory, entry.name), format: match[2].toLowerCase() });
            }
        }
    };
    addFiles(folder, 'main');
    for (const entry of (0,external_node_fs_.readdirSync)(folder, { withFileTypes: true })) {
        if (entry.isDirectory())
            addFiles(external_node_path_.join(folder, entry.name), entry.name);
    }
    return views.sort((a, b) => `${a.schema}.${a.table}`.localeCompare(`${b.schema}.${b.table}`));
}
//# sourceMappingURL=duckdb-mounts.js.map
;// CONCATENATED MODULE: ./lib/engines/duckdb/duckdb-engine.js








function toCell(value) {
    if (value === null || value === undefined)
        return null;
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'bigint')
        return String(value);
    if (typeof value === 'boolean')
        return value ? 'true' : 'false';
    return JSON.stringify(value);
}
/**
 * The embedded engine. Each statement gets its own connection so statements of different pairs
 * run in parallel and can be interrupted one by one.
 */
class DuckdbEngine {
    instance;
    name = 'duckdb';
    running = new Set();
    closed = false;
    constructor(instance) {
        this.instance = instance;
    }
    static async open(options = {}) {
        const config = {};
        if (options.threads)
            config.threads = String(options.threads);
        if (options.memoryLimit) {
            if (!(0,memory_limit/* isMemorySize */.b)(options.memoryLimit))
                throw new Error(`DuckDB did not accept the memory limit "${options.memoryLimit}": give a size such as 2GB or 512MiB`);
            config.memory_limit = options.memoryLimit;
            // An in-memory database would spill to `.tmp` in the working directory: the checkout.
            config.temp_directory = external_node_path_.join(external_node_os_.tmpdir(), `recon-gate-duckdb-${process.pid}`);
        }
        const { DuckDBInstance } = await (0,duckdb_module/* loadDuckdbModule */.Ob)();
        const instance = await DuckDBInstance.create(options.database ?? ':memory:', config);
        const engine = new DuckdbEngine(instance);
        // Sessions run in UTC so zoned timestamps compare and print as UTC on every machine.
        await engine.execute("SET TimeZone = 'UTC'");
        for (const folder of options.mounts ?? [])
            await engine.mount(folder);
        return engine;
    }
    async mount(folder) {
        const q = duckdb_dialect/* duckdbDialect */.Q.quoteIdentifier;
        for (const view of viewsInFolder(folder)) {
            const reader = view.format === 'parquet' ? 'read_parquet' : 'read_csv';
            await this.execute(`CREATE SCHEMA IF NOT EXISTS ${q(view.schema)}`);
            await this.execute(`CREATE OR REPLACE VIEW ${q(view.schema)}.${q(view.table)} AS SELECT * FROM ${reader}(${duckdb_dialect/* duckdbDialect */.Q.stringLiteral(view.file)})`);
        }
    }
    /** Runs a statement whose result is not needed (setup, fixtures in tests). */
    async execute(sql) {
        await this.query(sql);
    }
    async query(sql, options = {}) {
        return this.withConnection(options, async (connection) => {
            const reader = await connection.runAndReadAll(sql);
            const names = reader.columnNames();
            const types = reader.columnTypes();
            return {
                columns: names.map((name, index) => ({ name, type: types[index].toString() })),
                rows: reader.getRowsJson().map((row) => row.map(toCell)),
            };
        });
    }
    async withConnection(options, work) {
        if (this.closed)
            throw new engine/* EngineError */.N('cancelled', 'the engine is closed');
        if (options.signal?.aborted)
            throw new engine/* EngineError */.N('cancelled', 'the statement was cancelled before it started');
        const connection = await this.instance.connect();
        this.running.add(connection);
        const state = { timedOut: false, cancelled: false };
        const onAbort = () => {
            state.cancelled = true;
            connection.interrupt();
        };
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const timer = options.timeoutSeconds
            ? setTimeout(() => {
                state.timedOut = true;
                connection.interrupt();
            }, options.timeoutSeconds * 1000)
            : undefined;
        try {
            return await work(connection);
        }
        catch (error) {
            throw classifyDuckdbError(error, state);
        }
        finally {
            if (timer)
                clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
            this.running.delete(connection);
            connection.closeSync();
        }
    }
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        for (const connection of this.running)
            connection.interrupt();
        this.instance.closeSync();
    }
}
//# sourceMappingURL=duckdb-engine.js.map

/***/ })

};
