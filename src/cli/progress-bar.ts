/**
 * A one-line progress bar on stderr, only when stderr is a terminal and the run takes more than a
 * moment (nothing is drawn in the first half second, nor ever in pipes and CI logs). The run's
 * estimate (setEstimate) is printed on its own line above the bar when the bar first shows.
 *
 * The rate and the time left count from the first report on: the time before it (loading, the pool
 * starting, the first chunk) says nothing of the rate, and counted in it made a run estimated at
 * about 1 s show "40s left" after its first chunk. Until a second report there is no rate to show.
 */
export function createProgressBar(stream: Pick<NodeJS.WriteStream, 'isTTY' | 'write'> = process.stderr, clock: () => number = () => performance.now()): {
  update(done: number, total: number): void;
  setEstimate(text: string): void;
  finish(): void;
} {
  const started = clock();
  let estimate = '';
  let drawn = false;
  let last = 0;
  let first: { at: number; done: number } | undefined;
  const enabled = stream.isTTY === true;
  return {
    update(done, total) {
      const now = clock();
      if (!enabled) return;
      first ??= { at: now, done };
      if (now - started < 500 || (now - last < 100 && done < total)) return;
      last = now;
      if (!drawn && estimate) stream.write(`${estimate}\n`);
      drawn = true;
      const width = 30;
      const filled = Math.round((done / total) * width);
      const rate = now > first.at && done > first.done ? (done - first.done) / ((now - first.at) / 1000) : 0;
      const speed = rate > 0 ? `  ${Math.round(rate).toLocaleString('en-US')}/s  ${((total - done) / rate).toFixed(0)}s left` : '';
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} trials${speed} `);
    },
    setEstimate(text) {
      estimate = text;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
