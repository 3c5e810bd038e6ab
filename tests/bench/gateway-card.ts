/**
 * The card of the gateway benchmark in a process of its own (gateway.bench.ts spawns it), as a
 * real card is outside the gateway's process: the emulator's synthetic card "benchmark" and the
 * test PSAM on the vpcd ports, through the emulator's vpcd bridge (what `hcard emulate` does,
 * without depending on the CLI). Stdin: `remove`, `insert`, `quit`; it answers `ready:`,
 * `removed:`, `inserted:` lines like `hcard emulate`.
 */
import { createInterface } from 'node:readline';
import { buildPsamImage, EmulatedHealthCard, EmulatedPsam, generateCard, VpcdCard } from '@hcard/emulator';
import { READERS } from '../support/pcsc-rig.js';

const card = new VpcdCard(new EmulatedHealthCard(generateCard('benchmark').image), {
  port: READERS.user.port,
});
const psam = new VpcdCard(new EmulatedPsam(buildPsamImage()), { port: READERS.psam.port });
const keepAlive = setInterval(() => undefined, 2 ** 30);
await Promise.all([card.insert(), psam.insert()]);
console.log('ready: card and PSAM on vpcd');
createInterface({ input: process.stdin }).on('line', (line) => {
  switch (line.trim()) {
    case 'remove':
      card.remove();
      return console.log('removed:');
    case 'insert':
      return void card.insert().then(() => console.log('inserted:'));
    case 'quit':
      card.remove();
      psam.remove();
      clearInterval(keepAlive);
      process.exit(0);
  }
});
