import type os from 'node:os';
import { describe, expect, it } from 'vitest';
import { reachableAt } from './addresses';

const nic = (address: string, internal = false): os.NetworkInterfaceInfo => ({
  address,
  internal,
  family: 'IPv4',
  netmask: '255.255.255.0',
  mac: '00:00:00:00:00:00',
  cidr: null,
});

describe('the ready line', () => {
  it('names the configured host, not localhost', () => {
    expect(reachableAt('192.168.1.10', 3000)).toEqual(['http://192.168.1.10:3000']);
  });

  it('on every interface, names localhost and each LAN address', () => {
    const interfaces = { lo: [nic('127.0.0.1', true)], eth0: [nic('192.168.1.10')] };
    expect(reachableAt('0.0.0.0', 8080, interfaces)).toEqual([
      'http://localhost:8080',
      'http://192.168.1.10:8080',
    ]);
  });
});
