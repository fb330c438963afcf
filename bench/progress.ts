/**
 * A one-line progress bar on stderr: redrawn in place on a terminal, a line
 * every tenth of the way otherwise (CI logs, pipes).
 */
export interface Progress {
  /** Sets how much of the total is done. */
  update(done: number): void;
  /** Ends the line with the elapsed time. */
  finish(note?: string): void;
}

const width = 30;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function progressBar(label: string, total: number): Progress {
  const started = performance.now();
  const tty = process.stderr.isTTY === true;
  let lastTenth = -1;
  let lastDraw = 0;
  const draw = (done: number) => {
    const share = total === 0 ? 1 : Math.min(1, done / total);
    const elapsed = performance.now() - started;
    const eta = share > 0 ? (elapsed / share) * (1 - share) : 0;
    const filled = Math.round(share * width);
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${seconds(elapsed)}${share < 1 ? `, ~${seconds(eta)} left` : ''}`;
  };
  return {
    update(done) {
      if (tty) {
        const now = performance.now();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        process.stderr.write(`\r${draw(done)}\u001b[K`);
      } else {
        const tenth = Math.floor((done / Math.max(total, 1)) * 10);
        if (tenth > lastTenth) {
          lastTenth = tenth;
          process.stderr.write(`${draw(done)}\n`);
        }
      }
    },
    finish(note) {
      const line = `${label} done in ${seconds(performance.now() - started)}${note === undefined ? '' : ` (${note})`}`;
      process.stderr.write(tty ? `\r${line}\u001b[K\n` : `${line}\n`);
    },
  };
}

/**
 * For work that reports no progress of its own (the engine simulation runs
 * in one call): a spinner with the elapsed time, redrawn every 200 ms.
 */
export function spinner(label: string): Progress {
  const started = performance.now();
  const frames = ['|', '/', '-', '\\'];
  let frame = 0;
  const timer = process.stderr.isTTY === true ? setInterval(() => process.stderr.write(`\r${label} ${frames[frame++ % frames.length] ?? ''} ${seconds(performance.now() - started)}\u001b[K`), 200) : null;
  if (timer === null) process.stderr.write(`${label} …\n`);
  return {
    update() {},
    finish(note) {
      if (timer !== null) clearInterval(timer);
      const line = `${label} done in ${seconds(performance.now() - started)}${note === undefined ? '' : ` (${note})`}`;
      process.stderr.write(timer === null ? `${line}\n` : `\r${line}\u001b[K\n`);
    },
  };
}
