/**
 * Start-up cost of the matching engine: CPU (user + sys, all threads) and RSS of importing
 * server/matching and compiling the item rules, in a fresh process. Prints figures; asserts nothing.
 *   node --import tsx bench/matching-startup.bench.ts   (run it a few times: the first run warms tsx's cache)
 */
const cpuAtStart = process.cpuUsage();
const rssAtStart = process.memoryUsage().rss;
const matching = await import('../server/matching');
const cpuImported = process.cpuUsage(cpuAtStart);
const rules = await matching.loadRules('item');
const cpuCompiled = process.cpuUsage(cpuAtStart);
const ms = (usage: NodeJS.CpuUsage): string => ((usage.user + usage.system) / 1000).toFixed(0);
const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
console.log(
  `import server/matching ${ms(cpuImported)} ms CPU; + loadRules('item') (${rules.version}) ${ms(cpuCompiled)} ms CPU; RSS ${mib(process.memoryUsage().rss)} MiB (${mib(rssAtStart)} MiB before the import)`,
);

export {};
