// Preloaded into a benchmarked command (`node --require bench/peak-rss.cjs …`): when the process
// exits, writes its peak resident set size (getrusage's maxrss, in kB: the whole process, worker
// threads included) to the file named by BENCH_PEAK_RSS_FILE. Worker threads load it too and do nothing.
const { isMainThread } = require("node:worker_threads");
const { writeFileSync } = require("node:fs");
if (isMainThread && process.env.BENCH_PEAK_RSS_FILE) {
  process.on("exit", () => writeFileSync(process.env.BENCH_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS)));
}
