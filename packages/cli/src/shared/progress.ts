/**
 * Progress of long work (issuance): a bar with rate and ETA redrawn in place on a terminal;
 * plain lines every few seconds when stdout is a pipe or a file, so logs stay readable.
 */

export interface ProgressUpdate {
  /** Units done so far (rows, cards). */
  readonly done: number;
  /** Total units, or the fraction of the work done, when known. */
  readonly total?: number;
  readonly fraction?: number;
  /** Short extra text: "412 rejected". */
  readonly note?: string;
}

export interface Progress {
  update(update: ProgressUpdate): void;
  /** Final line (always printed). */
  finish(text: string): void;
}

export interface ProgressOptions {
  readonly label: string;
  readonly unit: string;
  readonly stream?: NodeJS.WriteStream;
  /** Seconds between plain lines when not on a terminal. */
  readonly lineInterval?: number;
  readonly now?: () => number;
}

const BAR_WIDTH = 24;

const duration = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : `${m}m${String(s % 60).padStart(2, '0')}s`;
};

export function progress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stdout;
  const now = options.now ?? (() => performance.now());
  const tty = stream.isTTY === true;
  const started = now();
  let lastLine = started;
  let drawn = false;

  const describe = (u: ProgressUpdate): { text: string; fraction?: number } => {
    const seconds = (now() - started) / 1000;
    const rate = seconds > 0 ? u.done / seconds : 0;
    const fraction = u.fraction ?? (u.total ? u.done / u.total : undefined);
    const eta = fraction && fraction > 0 ? (seconds / fraction) * (1 - fraction) : Number.NaN;
    const parts = [
      `${u.done.toLocaleString('en-US')}${u.total ? `/${u.total.toLocaleString('en-US')}` : ''} ${options.unit}`,
      `${Math.round(rate).toLocaleString('en-US')} ${options.unit}/s`,
      ...(fraction === undefined ? [] : [`ETA ${duration(eta)}`]),
      ...(u.note ? [u.note] : []),
    ];
    return { text: parts.join(' · '), ...(fraction === undefined ? {} : { fraction }) };
  };

  return {
    update(u) {
      const { text, fraction } = describe(u);
      if (tty) {
        const filled = Math.round(Math.min(1, fraction ?? 0) * BAR_WIDTH);
        const bar = fraction === undefined ? '' : `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] `;
        stream.write(`\r\x1b[2K${options.label} ${bar}${text}`);
        drawn = true;
      } else if (now() - lastLine >= (options.lineInterval ?? 5) * 1000) {
        lastLine = now();
        stream.write(`${options.label}: ${text}\n`);
      }
    },
    finish(text) {
      if (drawn) stream.write('\r\x1b[2K');
      stream.write(`${text}\n`);
    },
  };
}
