import dns from 'node:dns/promises';
import net from 'node:net';

/** The group-chat robots Vanguard speaks to: WeCom (企业微信) and DingTalk (钉钉). */
export const ROBOT_HOSTS = ['qyapi.weixin.qq.com', 'oapi.dingtalk.com'];

/** Addresses a robot on the internet never has: loopback, private, link-local, metadata, multicast. */
const BLOCKED = new net.BlockList();
for (const [net4, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  BLOCKED.addSubnet(net4, prefix, 'ipv4');
for (const [net6, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED.addSubnet(net6, prefix, 'ipv6');

const isBlocked = (address: string) => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return BLOCKED.check(mapped, 'ipv4');
  return BLOCKED.check(address, net.isIPv6(address) ? 'ipv6' : 'ipv4');
};

/** Whether a robot address may be saved: one of the known robots, or a host the operator allowed. */
export function allowedRobotHost(url: string, allowed: string[]): boolean {
  const { hostname, host } = new URL(url);
  const name = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return allowed.some((a) => a.toLowerCase() === name || a.toLowerCase() === host.toLowerCase());
}

/**
 * Checked again before each delivery, after the name is resolved: a public name may point at a
 * private address, or come to. Hosts the operator listed themselves (a self-hosted robot on the
 * county's network) may resolve to private addresses; the known public robots may not.
 */
export async function deliverableRobot(url: string, operatorHosts: string[]): Promise<boolean> {
  const { hostname } = new URL(url);
  const name = hostname.replace(/^\[|\]$/g, '');
  if (
    operatorHosts.some(
      (h) => h.toLowerCase() === name.toLowerCase() || new URL(`http://${h}`).hostname === name,
    )
  )
    return true;
  if (!ROBOT_HOSTS.includes(name.toLowerCase())) return false;
  const addresses = net.isIP(name)
    ? [{ address: name }]
    : await dns.lookup(name, { all: true }).catch(() => []);
  return addresses.length > 0 && addresses.every((a) => !isBlocked(a.address));
}
