/** Long-running commands (watch, emulate) stop at Ctrl-C or SIGTERM, and clean up first. */

export interface StopSignal {
  /** Resolves with the signal's name when the first SIGINT or SIGTERM arrives. */
  readonly stopped: Promise<NodeJS.Signals>;
  /** Removes the handlers (Node's default behaviour comes back). */
  dispose(): void;
}

export function stopSignal(): StopSignal {
  let resolve!: (signal: NodeJS.Signals) => void;
  const stopped = new Promise<NodeJS.Signals>((r) => (resolve = r));
  const handler = (signal: NodeJS.Signals) => resolve(signal);
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    stopped,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
