/**
 * The ID-card transport over a USB HID device.
 *
 * ASSUMPTION (spec C.9, F): USB ID-card readers are normally driven through vendor DLLs, and
 * no public source documents how a HID reader carries the SAM frames. This transport assumes
 * the simplest framing a vendor would pick, and is written against a tiny `HidDevice`
 * interface so that another framing is a new class, not a rewrite:
 *
 * - reports are `reportSize` bytes (64 by default) without a report ID on input; output
 *   reports are written with a leading report ID byte (0 for an unnumbered report, as node-hid
 *   expects);
 * - byte 0 of a report is the number n (1 … reportSize − 1) of protocol bytes that follow in
 *   bytes 1 … n; the rest is zero padding;
 * - the protocol bytes, concatenated, are the serial byte stream of spec C.2 (same frames,
 *   same checksum), so the same frame decoder reassembles responses across reports.
 *
 * A report whose count byte is 0 or too large is ignored (devices send idle reports).
 */
import { hcardError } from '@hcard/card-core';
import { FrameReceiver, type IdCardTransport } from './transport.js';

/** What this transport needs of a HID device; node-hid's `HID` class satisfies it. */
export interface HidDevice {
  write(values: number[]): number;
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): void;
}

export interface HidFraming {
  /** Report payload size in bytes, count byte included; default 64. */
  readonly reportSize?: number;
  /** Report ID written before each output report; default 0 (unnumbered). */
  readonly reportId?: number;
}

export const HID_REPORT_SIZE = 64;

/** Splits protocol bytes into output reports: `[reportId, n, ...bytes, 0 …]`. */
export function encodeHidReports(bytes: Uint8Array, framing: HidFraming = {}): number[][] {
  const size = framing.reportSize ?? HID_REPORT_SIZE;
  const per = size - 1;
  const reports: number[][] = [];
  for (let offset = 0; offset < bytes.length; offset += per) {
    const chunk = bytes.subarray(offset, offset + per);
    const report = new Array<number>(size + 1).fill(0);
    report[0] = framing.reportId ?? 0;
    report[1] = chunk.length;
    for (let i = 0; i < chunk.length; i++) report[2 + i] = chunk[i]!;
    reports.push(report);
  }
  return reports;
}

/** The protocol bytes of one input report, or none for an idle or malformed one. */
export function decodeHidReport(report: Uint8Array, framing: HidFraming = {}): Uint8Array {
  const size = framing.reportSize ?? HID_REPORT_SIZE;
  const n = report[0] ?? 0;
  if (n === 0 || n > size - 1 || n > report.length - 1) return new Uint8Array(0);
  return report.slice(1, 1 + n);
}

export function hidTransport(
  device: HidDevice,
  description: string,
  framing: HidFraming = {},
): IdCardTransport {
  const receiver = new FrameReceiver(description);
  let open = true;
  device.on('data', (data) => receiver.push(decodeHidReport(new Uint8Array(data), framing)));
  device.on('error', (error) => receiver.fail(failed(description, 'failed', error)));
  return {
    description,
    write: async (frame) => {
      if (!open) throw failed(description, 'is closed');
      for (const report of encodeHidReports(frame, framing)) {
        try {
          device.write(report);
        } catch (e) {
          throw failed(description, 'write failed', e as Error);
        }
      }
    },
    receive: (timeoutMs) => receiver.receive(timeoutMs),
    discardPending: () => receiver.discardPending(),
    close: async () => {
      if (!open) return;
      open = false;
      receiver.fail(failed(description, 'was closed'));
      device.close();
    },
  };
}

/** Opens a HID reader by its hidraw path with node-hid (imported only when used). */
export async function openHidTransport(path: string, framing: HidFraming = {}): Promise<IdCardTransport> {
  const { default: nodeHid } = await import('node-hid');
  let device: HidDevice;
  try {
    device = new nodeHid.HID(path);
  } catch (e) {
    throw failed(path, 'cannot be opened', e as Error);
  }
  return hidTransport(device, path, framing);
}

function failed(path: string, what: string, cause?: Error) {
  const reason = cause?.message;
  return hcardError(
    'HCARD_E_IDCARD_PORT_FAILED',
    `HID device ${path} ${what}${reason ? ` (${reason})` : ''}`,
    { port: path },
    cause,
  );
}
