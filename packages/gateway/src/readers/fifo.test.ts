import { describe, expect, it } from 'vitest';
import { KeyedFifo } from './fifo.js';

/** A job that records its start and end, and ends when `release` is called. */
function held(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    release: () => release(),
    job: async () => {
      log.push(`${name} start`);
      await done;
      log.push(`${name} end`);
      return name;
    },
  };
}

const turns = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('KeyedFifo', () => {
  it('runs the jobs of one key one at a time, in order; a failed job does not stop the next', async () => {
    const fifo = new KeyedFifo();
    const log: string[] = [];
    const a = held(log, 'a');
    const first = fifo.run(['reader'], a.job);
    const failing = fifo.run(['reader'], async () => {
      log.push('b start');
      throw new Error('refused');
    });
    const third = fifo.run(['reader'], async () => {
      log.push('c start');
      return 'c';
    });
    await turns();
    expect(log).toEqual(['a start']);
    a.release();
    expect(await first).toBe('a');
    await expect(failing).rejects.toThrow('refused');
    expect(await third).toBe('c');
    expect(log).toEqual(['a start', 'a end', 'b start', 'c start']);
  });

  it('runs jobs on other keys at once, and a job on two keys after both queues', async () => {
    const fifo = new KeyedFifo();
    const log: string[] = [];
    const mark = (name: string) => async () => {
      log.push(name);
    };
    const psam = held(log, 'psam');
    void fifo.run(['psam'], psam.job);
    const both = fifo.run(['card', 'psam', 'card'], mark('both'));
    // Queued after `both` on the card: waits for it, and so for the PSAM job before it.
    const card = fifo.run(['card'], mark('card'));
    const other = fifo.run(['other'], mark('other'));
    await other;
    await turns();
    expect(log).toEqual(['psam start', 'other']);
    psam.release();
    await Promise.all([both, card]);
    expect(log).toEqual(['psam start', 'other', 'psam end', 'both', 'card']);
  });

  it('forgets a key once its last job has settled', async () => {
    const fifo = new KeyedFifo();
    const log: string[] = [];
    const a = held(log, 'a');
    const job = fifo.run(['x', 'y'], a.job);
    expect(fifo.busy).toBe(2);
    a.release();
    await job;
    await turns();
    expect(fifo.busy).toBe(0);
  });
});
