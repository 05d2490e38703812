/**
 * A one-line progress bar on stderr, only when stderr is a terminal and the run takes more than a
 * moment (nothing is drawn in the first half second, nor ever in pipes and CI logs). The run's
 * estimate (setEstimate) is printed on its own line above the bar when the bar first shows.
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
  const enabled = stream.isTTY === true;
  return {
    update(done, total) {
      const now = clock();
      if (!enabled || now - started < 500 || (now - last < 100 && done < total)) return;
      last = now;
      if (!drawn && estimate) stream.write(`${estimate}\n`);
      drawn = true;
      const width = 30;
      const filled = Math.round((done / total) * width);
      const rate = done / ((now - started) / 1000);
      const eta = rate > 0 ? (total - done) / rate : 0;
      stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} trials  ${Math.round(rate).toLocaleString('en-US')}/s  ${eta.toFixed(0)}s left `,
      );
    },
    setEstimate(text) {
      estimate = text;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
