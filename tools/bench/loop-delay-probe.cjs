'use strict';
// Event-loop delay probe for benchmarks, loaded into the API process with
//   node --require ./tools/bench/loop-delay-probe.cjs dist/server/main.js
// It adds no route and changes nothing in the app: it samples the loop with
// perf_hooks.monitorEventLoopDelay and, on SIGUSR2, writes one line to stderr
//   [loop-delay] {"seq":1,"samples":…,"p50Ms":…,"p99Ms":…,"maxMs":…,"meanMs":…,"sinceMs":…}
// covering everything since the previous SIGUSR2 (or since start), then starts a new window.
// The histogram holds the interval between the probe's timer ticks, which includes the timer's
// own resolution; the figures reported are the delay beyond it (how late the loop ran the timer).
const { monitorEventLoopDelay, performance } = require('node:perf_hooks');

const RESOLUTION_MS = 2;
const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();

let sequence = 0;
let windowStarted = performance.now();

function milliseconds(nanoseconds) {
  return Math.round((nanoseconds / 1e6) * 100) / 100;
}

function lateness(nanoseconds) {
  return milliseconds(Math.max(0, nanoseconds - RESOLUTION_MS * 1e6));
}

process.on('SIGUSR2', () => {
  sequence += 1;
  const report = {
    seq: sequence,
    samples: histogram.count,
    resolutionMs: RESOLUTION_MS,
    p50Ms: lateness(histogram.percentile(50)),
    p99Ms: lateness(histogram.percentile(99)),
    maxMs: lateness(histogram.max),
    meanMs: lateness(histogram.mean),
    sinceMs: Math.round(performance.now() - windowStarted),
  };
  histogram.reset();
  windowStarted = performance.now();
  process.stderr.write(`[loop-delay] ${JSON.stringify(report)}\n`);
});
