/**
 * The ID-card transport over a serial port (`serialport`): 115200 bps 8N1 by default, the
 * setting of every public implementation (spec C.3). Any path works, including a pseudo-terminal
 * link made by socat for the emulated reader.
 *
 * `serialport` is imported when a port is opened, so loading this package does not load the
 * native binding.
 */
import { hcardError } from '@hcard/card-core';
import { FrameReceiver, type IdCardTransport } from './transport.js';

export const IDCARD_BAUD_RATE = 115_200;

export interface SerialTransportOptions {
  readonly baudRate?: number;
}

export async function openSerialTransport(
  path: string,
  options: SerialTransportOptions = {},
): Promise<IdCardTransport> {
  const { SerialPort } = await import('serialport');
  const receiver = new FrameReceiver(path);
  const port = await new Promise<InstanceType<typeof SerialPort>>((resolve, reject) => {
    const opened = new SerialPort(
      { path, baudRate: options.baudRate ?? IDCARD_BAUD_RATE, dataBits: 8, stopBits: 1, parity: 'none' },
      (error) => (error ? reject(portFailed(path, 'cannot be opened', error)) : resolve(opened)),
    );
  });
  port.on('data', (chunk: Buffer) =>
    receiver.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)),
  );
  port.on('error', (error: Error) => receiver.fail(portFailed(path, 'failed', error)));
  port.on('close', () => receiver.fail(portFailed(path, 'was closed')));

  return {
    description: path,
    write: (frame) =>
      new Promise<void>((resolve, reject) => {
        if (!port.isOpen) return reject(portFailed(path, 'is closed'));
        port.write(Buffer.from(frame), (error) => {
          if (error) return reject(portFailed(path, 'write failed', error));
          port.drain((drainError) =>
            drainError ? reject(portFailed(path, 'write failed', drainError)) : resolve(),
          );
        });
      }),
    receive: (timeoutMs) => receiver.receive(timeoutMs),
    discardPending: () => receiver.discardPending(),
    close: () =>
      new Promise<void>((resolve) => {
        if (!port.isOpen) return resolve();
        port.close(() => resolve());
      }),
  };
}

function portFailed(path: string, what: string, cause?: Error) {
  const reason = (cause as NodeJS.ErrnoException | undefined)?.code ?? cause?.message;
  return hcardError(
    'HCARD_E_IDCARD_PORT_FAILED',
    `${path} ${what}${reason ? ` (${reason})` : ''}`,
    { port: path, ...(reason ? { reason } : {}) },
    cause,
  );
}
