import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseIdCardPort, listSerialPorts } from './discovery.js';

const root = mkdtempSync(join(tmpdir(), 'hcard-discovery-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fake /dev and /sys/class/tty: two USB adapters (one with a by-id link), two UART slots. */
function fakeDevices() {
  const dev = join(root, 'dev');
  const sys = join(root, 'sys');
  mkdirSync(join(dev, 'serial', 'by-id'), { recursive: true });
  for (const name of ['ttyUSB0', 'ttyACM1', 'ttyS0', 'ttyS1', 'tty5', 'console'])
    writeFileSync(join(dev, name), '');
  symlinkSync(join(dev, 'ttyUSB0'), join(dev, 'serial', 'by-id', 'usb-IDReader_SAM-if00-port0'));
  for (const [name, type] of [
    ['ttyS0', '4'],
    ['ttyS1', '0'],
  ]) {
    mkdirSync(join(sys, name!), { recursive: true });
    writeFileSync(join(sys, name!, 'type'), `${type}\n`);
  }
  return { devDir: dev, sysTtyDir: sys };
}

const noUdevadm = async () => {
  throw Object.assign(new Error('spawn udevadm ENOENT'), { code: 'ENOENT' });
};

describe('listSerialPorts', () => {
  const dirs = fakeDevices();

  it('uses SerialPort.list() when it works', async () => {
    const ports = await listSerialPorts({ list: async () => [{ path: '/dev/ttyUSB3', vendorId: '1a86' }] });
    expect(ports).toEqual([{ path: '/dev/ttyUSB3', source: 'serialport', vendorId: '1a86' }]);
  });

  it('scans by-id links and tty{USB,ACM,S}* when udevadm is missing, skipping empty UART slots', async () => {
    const ports = await listSerialPorts({ list: noUdevadm, ...dirs });
    expect(ports.map((p) => [p.path.slice(root.length), p.source])).toEqual([
      ['/dev/serial/by-id/usb-IDReader_SAM-if00-port0', 'by-id'],
      ['/dev/ttyACM1', 'dev-scan'],
      ['/dev/ttyS0', 'dev-scan'],
    ]);
  });

  it('takes given paths as they are, when they exist', async () => {
    const pty = join(root, 'ttyB');
    writeFileSync(pty, '');
    const ports = await listSerialPorts({ candidates: [pty, join(root, 'missing')] });
    expect(ports).toEqual([{ path: pty, source: 'given' }]);
  });
});

describe('chooseIdCardPort', () => {
  it('takes --port as given, without looking', async () => {
    expect(await chooseIdCardPort('/tmp/anything', { list: noUdevadm })).toBe('/tmp/anything');
  });

  it('takes the only port found', async () => {
    expect(await chooseIdCardPort(undefined, { list: async () => [{ path: '/dev/ttyUSB0' }] })).toBe(
      '/dev/ttyUSB0',
    );
  });

  it('fails clearly when none or several are found', async () => {
    await expect(chooseIdCardPort(undefined, { list: async () => [] })).rejects.toMatchObject({
      code: 'HCARD_E_IDCARD_READER_NOT_FOUND',
    });
    await expect(
      chooseIdCardPort(undefined, { list: async () => [{ path: '/dev/ttyUSB0' }, { path: '/dev/ttyUSB1' }] }),
    ).rejects.toMatchObject({
      code: 'HCARD_E_IDCARD_READER_AMBIGUOUS',
      message: expect.stringContaining('/dev/ttyUSB0, /dev/ttyUSB1'),
    });
  });
});
