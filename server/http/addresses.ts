import os from 'node:os';

/**
 * Where people can open the app, for the ready line: the configured host, or, when listening on
 * every interface, localhost and each LAN address, which is what a phone in the branch's office
 * types or scans.
 */
export function reachableAt(
  host: string,
  port: number,
  interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces(),
): string[] {
  const url = (h: string) => `http://${h.includes(':') ? `[${h}]` : h}:${port}`;
  if (host !== '0.0.0.0' && host !== '::') return [url(host)];
  const lan = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === 'IPv4' && !i.internal)
    .map((i) => url(i.address));
  return [url('localhost'), ...lan];
}
