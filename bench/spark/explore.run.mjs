import { readFileSync } from 'node:fs';
import { inject, test } from 'vitest';
import { loadReconLibrary } from '../recon-library.mjs';
test('explore', async () => {
  const job = JSON.parse(process.env.RECON_GATE_SPARK_BENCH);
  const spark = inject('spark');
  const library = await loadReconLibrary(job.lib);
  const engine = await library.DatabricksEngine.connect({ host: spark.host, port: spark.port, httpPath: spark.httpPath, token: spark.token, customCaCert: spark.caCertPem }, {});
  const variants = JSON.parse(readFileSync('/tmp/exp/variants.json', 'utf8'));
  for (const [name, sql] of variants) {
    const t = performance.now();
    try { const r = await engine.query(sql); console.error(name, ((performance.now() - t) / 1000).toFixed(2), JSON.stringify(r.rows[0]).slice(0, 200)); }
    catch (e) { console.error(name, 'ERR', e.message.slice(0, 300)); }
  }
  await engine.close();
}, 3600_000);
