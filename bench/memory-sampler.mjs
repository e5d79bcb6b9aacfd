/**
 * Peak memory of this process while a piece of work runs. DuckDB runs inside the Node process,
 * so the resident set (RSS) counts DuckDB's hash tables and buffer pool as well as Node's own
 * heap; the V8 heap and external figures are what Node itself holds (result rows, objects).
 */
const SAMPLE_EVERY_MS = 50;

export function startMemorySampler() {
  const first = process.memoryUsage();
  const peak = { rss: first.rss, heapUsed: first.heapUsed, external: first.external, samples: 1 };
  const sample = () => {
    const usage = process.memoryUsage();
    peak.rss = Math.max(peak.rss, usage.rss);
    peak.heapUsed = Math.max(peak.heapUsed, usage.heapUsed);
    peak.external = Math.max(peak.external, usage.external);
    peak.samples++;
  };
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return {
        rssAtStartBytes: first.rss,
        peakRssBytes: peak.rss,
        peakHeapUsedBytes: peak.heapUsed,
        peakExternalBytes: peak.external,
        samples: peak.samples,
        // The kernel's high-water mark for the whole process life, which no sampling interval can miss.
        processMaxRssBytes: process.resourceUsage().maxRSS * 1024,
      };
    },
  };
}
