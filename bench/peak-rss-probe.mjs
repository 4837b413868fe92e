// Loaded into a command under measurement with NODE_OPTIONS="--import <this file>"
// (bench/sweep-memory.ts): when a node process it is loaded into exits, it writes one line to stderr
// with its process id and its peak resident set size in bytes (process.resourceUsage().maxRSS,
// worker threads included, as they share the process). npm is a node process too, so a command
// run through `npm run` gives two lines, npm's and the command's; the largest is the command's.
// Nothing of this is in src/. Plain JavaScript, so that it costs the command nothing to compile.
export const PEAK_RSS_MARK = 'peak-rss-probe:';

process.on('exit', () => {
  process.stderr.write(`${PEAK_RSS_MARK} ${process.pid} ${process.resourceUsage().maxRSS * 1024}\n`);
});
