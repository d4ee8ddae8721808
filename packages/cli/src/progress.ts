import { performance } from 'node:perf_hooks';
import type { TextSink } from './io';

/** How often the progress line is redrawn at most. */
const REDRAW_INTERVAL_MS = 100;
const BAR_WIDTH = 24;

export interface ProgressReporter {
  /** Records that `lines` lines (and `bytes` bytes of input) are done so far. */
  update(lines: number, bytes: number): void;
  /** Draws the final state and ends the line. */
  finish(lines: number, bytes: number): void;
}

const SILENT: ProgressReporter = { update: () => undefined, finish: () => undefined };

function formatCount(count: number): string {
  return count.toLocaleString('en-GB');
}

/**
 * A one-line progress report on standard error, redrawn in place (`\r`), shown only when
 * standard error is a terminal so that logs and pipes stay clean. With a known input size it
 * draws a bar and a percentage; without one (standard input) it counts lines.
 */
export function createProgress(
  sink: TextSink,
  options: {
    readonly enabled: boolean;
    readonly label: string;
    readonly totalBytes?: number | undefined;
  },
): ProgressReporter {
  if (!options.enabled) return SILENT;
  const started = performance.now();
  let lastDraw = -Infinity;
  const draw = (lines: number, bytes: number, final: boolean) => {
    const now = performance.now();
    if (!final && now - lastDraw < REDRAW_INTERVAL_MS) return;
    lastDraw = now;
    const seconds = Math.max((now - started) / 1000, 1e-3);
    const rate = `${formatCount(Math.round(lines / seconds))} lines/s`;
    let text = `${options.label}: ${formatCount(lines)} lines, ${rate}`;
    if (options.totalBytes !== undefined && options.totalBytes > 0) {
      const fraction = Math.min(bytes / options.totalBytes, 1);
      const filled = Math.round(fraction * BAR_WIDTH);
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
      text = `${options.label} ${bar} ${(fraction * 100).toFixed(0).padStart(3)}% ${formatCount(lines)} lines, ${rate}`;
    }
    sink.write(`\r${text}\u001b[K${final ? '\n' : ''}`);
  };
  return {
    update: (lines, bytes) => {
      draw(lines, bytes, false);
    },
    finish: (lines, bytes) => {
      draw(lines, bytes, true);
    },
  };
}
