/** Command-line options of `npm run bench`. */
import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run bench -- [options]
  --sizes <n,n,…>      source rows per size (default 1000000,10000000,100000000)
  --rates <r,r,…>      shares of differing keys, each at every size (default 0.001,0.04)
  --repeat <n>         timed runs per measurement; min and median are printed (default 3)
  --peer-max-rows <n>  the largest size the peers and the memory-limit run are measured at
                       (default 10000000: at 100M reladiff alone takes minutes)
  --large-repeat <n>   timed runs at sizes above --peer-max-rows (default 1)
  --no-peers           skip reladiff and datacompy
  --peer-repeat <n>    runs per peer and size (default 1: the peers take longest)
  --no-profile         skip the statement profiling and variants
  --profile-size <n>   size to profile at (default: the largest of --sizes up to --peer-max-rows)
  --memory-limit <x>   also run the suite once under this DuckDB memory_limit, e.g. 1GB;
                       \`off\` skips it (default 1GB)
  --distinct-counts <m>  the DuckDB suite's distinct_counts: default (left unset: the
                       product's DuckDB default, exact), exact, approximate or off
  --no-spark           skip the local Spark (Databricks engine) half
  --spark-sizes <n,…>  source rows per size on Spark (default 1000000,10000000)
  --spark-repeat <n>   timed runs per measurement on Spark (default 1)
  --spark-distinct-counts <m>
                       the Spark suite's distinct_counts (default: left unset, what a
                       Databricks user gets, approximate; the profile pass is also timed
                       alone in all three modes at the smallest size)
  --json <file>        also write every figure to this file
  --help`;

function positiveInteger(text, option) {
  const value = Number(String(text).replaceAll('_', ''));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${option} needs a positive whole number, got \`${text}\``);
  return value;
}

function differenceRate(text) {
  const value = Number(text);
  if (!(value > 0 && value < 0.5)) throw new Error(`--rates needs shares of differing keys between 0 and 0.5, such as 0.001, got \`${text}\``);
  return value;
}

function parseMemoryLimit(text) {
  if (text === 'off') return undefined;
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(text)) throw new Error(`--memory-limit needs a size such as 1GB or \`off\`, got \`${text}\``);
  return text;
}

/** undefined for `default`: the config leaves distinct_counts unset, so the engine's default applies. */
function distinctMode(text, option) {
  if (!['default', 'exact', 'approximate', 'off'].includes(text)) throw new Error(`${option} needs default, exact, approximate or off, got \`${text}\``);
  return text === 'default' ? undefined : text;
}

export function parseBenchOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '1000000,10000000,100000000' },
      'peer-max-rows': { type: 'string', default: '10000000' },
      'large-repeat': { type: 'string', default: '1' },
      rates: { type: 'string', default: '0.001,0.04' },
      repeat: { type: 'string', default: '3' },
      'no-peers': { type: 'boolean', default: false },
      'peer-repeat': { type: 'string', default: '1' },
      'no-profile': { type: 'boolean', default: false },
      'profile-size': { type: 'string' },
      'memory-limit': { type: 'string', default: '1GB' },
      'distinct-counts': { type: 'string', default: 'default' },
      'no-spark': { type: 'boolean', default: false },
      'spark-sizes': { type: 'string', default: '1000000,10000000' },
      'spark-repeat': { type: 'string', default: '1' },
      'spark-distinct-counts': { type: 'string', default: 'default' },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const sizes = values.sizes.split(',').map((size) => positiveInteger(size.trim(), '--sizes'));
  const peerMaxRows = positiveInteger(values['peer-max-rows'], '--peer-max-rows');
  const modest = sizes.filter((size) => size <= peerMaxRows);
  return {
    help: values.help,
    sizes,
    rates: values.rates.split(',').map((text) => differenceRate(text.trim())),
    repeat: positiveInteger(values.repeat, '--repeat'),
    peers: !values['no-peers'],
    peerRepeat: positiveInteger(values['peer-repeat'], '--peer-repeat'),
    peerMaxRows,
    largeRepeat: positiveInteger(values['large-repeat'], '--large-repeat'),
    profileSize: values['no-profile'] ? undefined : values['profile-size'] ? positiveInteger(values['profile-size'], '--profile-size') : Math.max(...(modest.length > 0 ? modest : sizes)),
    memoryLimit: parseMemoryLimit(values['memory-limit']),
    distinctCounts: distinctMode(values['distinct-counts'], '--distinct-counts'),
    spark: values['no-spark']
      ? undefined
      : {
          sizes: values['spark-sizes'].split(',').map((size) => positiveInteger(size.trim(), '--spark-sizes')),
          repeat: positiveInteger(values['spark-repeat'], '--spark-repeat'),
          distinctCounts: distinctMode(values['spark-distinct-counts'], '--spark-distinct-counts'),
        },
    jsonFile: values.json,
  };
}
