/** Which network addresses a fetch may reach: public unicast only, unless settings.allowPrivate (SSRF guard). */
import { BlockList, isIP } from 'node:net';

let blocked: BlockList | null = null;

function blockList(): BlockList {
  if (blocked) return blocked;
  const b = new BlockList();
  // RFC 6890 special-purpose ranges: "this network", private, shared (CGNAT), loopback, link-local
  // (cloud metadata lives at 169.254.169.254), protocol assignments, benchmarking, multicast, reserved.
  for (const [net, bits] of [
    ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
    ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
    ['224.0.0.0', 4], ['240.0.0.0', 4],
  ] as const)
    b.addSubnet(net, bits, 'ipv4');
  for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32], ['100::', 64]] as const)
    b.addSubnet(net, bits, 'ipv6');
  blocked = b;
  return b;
}

/**
 * Whether an IP address is private, loopback, link-local or otherwise not public.
 * @example isPrivateAddress('127.0.0.1') // true
 */
export function isPrivateAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 0) return true;
  if (kind === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return isPrivateAddress(mapped[1]!);
    return blockList().check(address, 'ipv6');
  }
  return blockList().check(address, 'ipv4');
}
