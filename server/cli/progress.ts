import cliProgress from 'cli-progress';

/** What long CLI work reports as it goes; the commands draw it as a bar, tests pass nothing or a recorder. */
export type Progress = {
  start: (total: number, what: string) => void;
  update: (done: number, detail?: string) => void;
  stop: () => void;
};

/** A cli-progress bar on the terminal (nothing when stdout is not a terminal, e.g. in cron or a pipe). */
export function progressBar(): Progress {
  let bar: cliProgress.SingleBar | null = null;
  return {
    start: (total, what) => {
      bar?.stop();
      bar = new cliProgress.SingleBar(
        { format: `${what} [{bar}] {percentage}% | {value}/{total} {detail}`, hideCursor: true, clearOnComplete: false },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, { detail: '' });
    },
    update: (done, detail = '') => bar?.update(done, { detail }),
    stop: () => {
      bar?.stop();
      bar = null;
    },
  };
}
