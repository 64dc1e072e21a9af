import { parseCidr } from '../net/cidr';
import { ipv4SetOfCidr, subtractIpv4, unionIpv4, type Ipv4Range, type Ipv4Set } from '../net/ipv4-set';

/**
 * IPv4 space that is not routed on the public internet (RFC 6890's special-purpose registry, the
 * blocks a cluster meets): "this network", private networks, shared address space (carrier NAT),
 * loopback, link-local (cloud metadata), multicast and reserved.
 */
const NON_INTERNET_BLOCKS = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16', '224.0.0.0/4', '240.0.0.0/4'];

const NON_INTERNET: Ipv4Set = NON_INTERNET_BLOCKS.reduce<Ipv4Set>((set, text) => unionIpv4(set, ipv4SetOfCidr(parseCidr(text)!)), []);

/** Whether some address of the ranges is a public internet address. */
export function reachesInternet(ranges: readonly Ipv4Range[]): boolean {
  return subtractIpv4(ranges, NON_INTERNET).length > 0;
}
