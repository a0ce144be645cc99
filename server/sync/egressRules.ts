/**
 * Outbound egress rules: which addresses a delivery may reach. Private, loopback, link-local and
 * other non-public ranges are refused unless an allow-list entry (a host name, an address or a CIDR
 * range — from `MDM_EGRESS_ALLOW` or set by an admin through the API) covers the host or the
 * address it resolved to. Pure functions: resolving and connecting live in egress.ts.
 */
import { BlockList, isIP } from 'node:net';

/** Ranges that are not the public internet (RFC 6890 and friends). */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['64:ff9b::', 96],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** An IPv4 address mapped into IPv6 (`::ffff:10.0.0.1`) is judged as the IPv4 address. */
function unmapped(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match?.[1] ?? address;
}

function familyOf(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4';
}

/** Whether an address is outside the public internet (private, loopback, link-local, reserved…). */
export function isNonPublicAddress(address: string): boolean {
  const plain = unmapped(address);
  return NON_PUBLIC.check(plain, familyOf(plain));
}

/** What is wrong with one allow-list entry, or null when it is a host name, an address or a CIDR range. */
export function egressEntryProblem(entry: string): string | null {
  const [, base, bits] = /^(.+)\/(\d{1,3})$/.exec(entry) ?? [];
  if (base !== undefined && bits !== undefined) {
    const version = isIP(base);
    const prefix = Number(bits);
    if (version === 0) return `"${entry}" is not a CIDR range: "${base}" is not an IP address`;
    if (prefix > (version === 4 ? 32 : 128)) return `"${entry}" has a prefix longer than the address`;
    return null;
  }
  if (isIP(entry) !== 0 || HOST_NAME.test(entry)) return null;
  return `"${entry}" is neither a host name, an IP address nor a CIDR range (e.g. 10.0.0.0/8)`;
}

/** An allow-list: host names (exact, case-insensitive) and address ranges. */
export class EgressAllowList {
  private readonly hosts = new Set<string>();
  private readonly ranges = new BlockList();

  constructor(readonly entries: readonly string[]) {
    for (const entry of entries) {
      const [, base, bits] = /^(.+)\/(\d{1,3})$/.exec(entry) ?? [];
      if (base !== undefined && bits !== undefined && isIP(base)) this.ranges.addSubnet(base, Number(bits), familyOf(base));
      else if (isIP(entry)) this.ranges.addAddress(unmapped(entry), familyOf(unmapped(entry)));
      else this.hosts.add(entry.toLowerCase());
    }
  }

  /** Whether `host` (as written in the URL) or the `address` it resolved to is allow-listed. */
  allows(host: string, address: string): boolean {
    if (this.hosts.has(host.toLowerCase())) return true;
    const plain = unmapped(address);
    return this.ranges.check(plain, familyOf(plain));
  }
}
