export const id = 728;
export const ids = [728,840];
export const modules = {

/***/ 97728:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DuckdbEngine: () => (/* binding */ DuckdbEngine)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/query/duckdb-quoting.js
var duckdb_quoting = __webpack_require__(85803);
// EXTERNAL MODULE: ./lib/engines/engine.js
var engine = __webpack_require__(38041);
;// CONCATENATED MODULE: ./lib/engines/duckdb/duckdb-errors.js

/** What DuckDB says when a statement meets the lockdown (file access, locked settings, extensions). */
const LOCKDOWN_ERROR = /file system operations are disabled|configuration has been locked|external extensions is disabled|Permission Error: .*extension/i;
/** DuckDB prefixes every error with its class ("Catalog Error: …"); map those to our kinds. */
function classifyDuckdbError(error, context) {
    if (error instanceof engine/* EngineError */.N)
        return error;
    const message = error instanceof Error ? error.message : String(error);
    if (context.timedOut)
        return new engine/* EngineError */.N('timeout', 'the statement exceeded its time limit and was interrupted', undefined, { cause: error });
    if (context.cancelled)
        return new engine/* EngineError */.N('cancelled', 'the statement was cancelled', undefined, { cause: error });
    if (LOCKDOWN_ERROR.test(message)) {
        return new engine/* EngineError */.N('refused', `${message.split('\n')[0]}: this engine reads only the configured \`file:\` sources and mounted folders, writes no files and loads no extensions`, undefined, { cause: error });
    }
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
var memory_limit = __webpack_require__(88374);
// EXTERNAL MODULE: ./lib/engines/duckdb/duckdb-module.js
var duckdb_module = __webpack_require__(83161);
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
// EXTERNAL MODULE: ./lib/engines/duckdb/file-access.js
var file_access = __webpack_require__(55840);
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
        const config = {
            // Extensions the engine needs (parquet, json, icu) are built in; nothing is fetched or
            // loaded on demand, so SQL cannot pull in httpfs or any other extension.
            autoinstall_known_extensions: 'false',
            autoload_known_extensions: 'false',
        };
        if (options.threads)
            config.threads = String(options.threads);
        let spillFolder;
        if (options.memoryLimit) {
            if (!(0,memory_limit/* isMemorySize */.b)(options.memoryLimit))
                throw new Error(`DuckDB did not accept the memory limit "${options.memoryLimit}": give a size such as 2GB or 512MiB`);
            config.memory_limit = options.memoryLimit;
            // An in-memory database would spill to `.tmp` in the working directory: the checkout.
            spillFolder = external_node_path_.join(external_node_os_.tmpdir(), `recon-gate-duckdb-${process.pid}`);
            config.temp_directory = spillFolder;
        }
        const { DuckDBInstance } = await (0,duckdb_module/* loadDuckdbModule */.Ob)();
        const instance = await DuckDBInstance.create(options.database ?? ':memory:', config);
        const engine = new DuckdbEngine(instance);
        try {
            // Sessions run in UTC so zoned timestamps compare and print as UTC on every machine.
            await engine.execute("SET TimeZone = 'UTC'");
            const mountedFiles = [];
            for (const folder of options.mounts ?? [])
                mountedFiles.push(...(await engine.mount(folder)));
            if (options.access !== 'unrestricted') {
                const access = options.access ?? { files: [], directories: [] };
                await engine.lockDown({
                    files: [...access.files, ...mountedFiles],
                    directories: [...access.directories, ...(spillFolder ? [spillFolder] : [])],
                });
            }
        }
        catch (error) {
            await engine.close();
            throw error;
        }
        return engine;
    }
    /** Creates a view per file of the folder; returns the files, which the lockdown must allow. */
    async mount(folder) {
        const q = duckdb_quoting/* quoteDuckdbIdentifier */.z;
        const views = viewsInFolder(folder);
        for (const view of views) {
            const reader = view.format === 'parquet' ? 'read_parquet' : 'read_csv';
            await this.execute(`CREATE SCHEMA IF NOT EXISTS ${q(view.schema)}`);
            await this.execute(`CREATE OR REPLACE VIEW ${q(view.schema)}.${q(view.table)} AS SELECT * FROM ${reader}(${(0,duckdb_quoting/* duckdbStringLiteral */.u)(view.file)})`);
        }
        return views.map((view) => view.file);
    }
    /**
     * From here on the engine reads only the given files and folders, writes no file (except its
     * own spill files), loads no extension, and no statement can undo any of it.
     */
    async lockDown(access) {
        const list = (values) => `[${values.map((value) => (0,duckdb_quoting/* duckdbStringLiteral */.u)(value)).join(', ')}]`;
        if (access.directories.length > 0)
            await this.execute(`SET allowed_directories = ${list([...new Set(access.directories.map(file_access/* asDirectoryPrefix */.G))])}`);
        if (access.files.length > 0)
            await this.execute(`SET allowed_paths = ${list([...new Set(access.files.map((file) => external_node_path_.resolve(file)))])}`);
        await this.execute('SET enable_external_access = false');
        await this.execute('SET lock_configuration = true');
    }
    /** Runs a statement whose result is not needed (setup, fixtures in tests). */
    async execute(sql) {
        await this.query(sql);
    }
    async query(sql, options = {}) {
        return this.withConnection(options, async (connection) => {
            // DuckDB would run every statement of a text; one execution is one statement, checked by
            // DuckDB's own parser, whatever a config's SQL managed to smuggle past the lexical guard.
            const extracted = await connection.extractStatements(sql);
            if (extracted.count !== 1) {
                throw new engine/* EngineError */.N('refused', `the statement text holds ${extracted.count} statements and was not run: Recon Gate runs exactly one per execution`);
            }
            const prepared = await extracted.prepare(0);
            const reader = await prepared.runAndReadAll();
            const names = reader.columnNames();
            const types = reader.columnTypes();
            return {
                columns: names.map((name, index) => ({ name, type: types[index].toString() })),
                rows: reader.getRowsJson().map((row) => row.map(toCell)),
            };
        });
    }
    /**
     * A side (table, file, or a config's query with its filters) is read through one SELECT; DuckDB's
     * own parser confirms that before the side is first described, so text that closes our
     * parentheses to become something else never reaches a run.
     */
    async refuseUnlessOneSelect(relationSql, options = {}) {
        const result = await this.query(`SELECT CAST(json_serialize_sql(${(0,duckdb_quoting/* duckdbStringLiteral */.u)(relationSql)}) AS VARCHAR)`, options);
        const parsed = JSON.parse(result.rows[0]?.[0] ?? '{}');
        if (parsed.error) {
            // A syntax error is left to the statement itself, which reports it with its position.
            if (/only select/i.test(parsed.error_message ?? ''))
                throw new engine/* EngineError */.N('refused', 'the side is not a single SELECT and was not run');
            return;
        }
        if ((parsed.statements?.length ?? 0) !== 1)
            throw new engine/* EngineError */.N('refused', `the side holds ${parsed.statements?.length ?? 0} statements and was not run: a side is one SELECT`);
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

/***/ }),

/***/ 55840:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ asDirectoryPrefix),
/* harmony export */   accessForSources: () => (/* binding */ accessForSources)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);

const GLOB_CHARACTERS = /[*?[{]/;
/** The folder a glob can match in: the path up to the component holding the first glob character. */
function globRoot(pattern) {
    const parts = node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(pattern).split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep);
    const firstGlob = parts.findIndex((part) => GLOB_CHARACTERS.test(part));
    return parts.slice(0, firstGlob).join(node_path__WEBPACK_IMPORTED_MODULE_0__.sep) || node_path__WEBPACK_IMPORTED_MODULE_0__.sep;
}
/** The access a set of source paths (files or globs) needs. */
function accessForSources(sources) {
    const files = [];
    const directories = [];
    for (const source of sources) {
        if (GLOB_CHARACTERS.test(source))
            directories.push(globRoot(source));
        else
            files.push(node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(source));
    }
    return { files, directories };
}
/** DuckDB treats an allowed directory as a prefix of the path: end it with a separator so `/data` does not allow `/data-secret`. */
function asDirectoryPrefix(directory) {
    const resolved = node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(directory);
    return resolved.endsWith(node_path__WEBPACK_IMPORTED_MODULE_0__.sep) ? resolved : `${resolved}${node_path__WEBPACK_IMPORTED_MODULE_0__.sep}`;
}
//# sourceMappingURL=file-access.js.map

/***/ })

};
