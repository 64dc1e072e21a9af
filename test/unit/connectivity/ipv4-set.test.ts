import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCidr } from '../../../server/src/engine/net/cidr';
import {
  ALL_IPV4,
  complementIpv4,
  describeIpv4Range,
  intersectIpv4,
  ipv4RangeToCidrs,
  ipv4SetContains,
  ipv4SetOfCidr,
  ipv4SetToCidrs,
  LAST_IPV4,
  subtractIpv4,
  unionIpv4,
  type Ipv4Set,
} from '../../../server/src/engine/net/ipv4-set';

const set = (...cidrs: string[]): Ipv4Set => cidrs.reduce<Ipv4Set>((result, cidr) => unionIpv4(result, ipv4SetOfCidr(parseCidr(cidr)!)), []);
const ip = (text: string) => text.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);

describe('IPv4 address sets', () => {
  it('reads a block, ignoring host bits, and nothing of IPv6', () => {
    assert.deepEqual(ipv4SetOfCidr(parseCidr('10.1.2.3/8')!), [{ first: ip('10.0.0.0'), last: ip('10.255.255.255') }]);
    assert.deepEqual(ipv4SetOfCidr(parseCidr('0.0.0.0/0')!), ALL_IPV4);
    assert.deepEqual(ipv4SetOfCidr(parseCidr('192.0.2.1/32')!), [{ first: ip('192.0.2.1'), last: ip('192.0.2.1') }]);
    assert.deepEqual(ipv4SetOfCidr(parseCidr('::/0')!), []);
  });

  it('unites overlapping and adjacent blocks into one range', () => {
    assert.deepEqual(ipv4SetToCidrs(set('10.0.0.0/9', '10.128.0.0/9')), ['10.0.0.0/8']);
    assert.deepEqual(ipv4SetToCidrs(set('10.0.0.0/8', '10.1.0.0/16', '11.0.0.0/8')), ['10.0.0.0/7']);
    assert.deepEqual(set('10.0.0.0/8', '12.0.0.0/8').length, 2);
  });

  it('subtracts and intersects exactly', () => {
    assert.deepEqual(ipv4SetToCidrs(subtractIpv4(set('10.0.0.0/8'), set('10.0.0.0/9'))), ['10.128.0.0/9']);
    assert.deepEqual(ipv4SetToCidrs(subtractIpv4(set('10.0.0.0/8'), set('10.1.0.0/16', '10.2.0.0/16'))), [
      '10.0.0.0/16',
      '10.3.0.0/16',
      '10.4.0.0/14',
      '10.8.0.0/13',
      '10.16.0.0/12',
      '10.32.0.0/11',
      '10.64.0.0/10',
      '10.128.0.0/9',
    ]);
    assert.deepEqual(subtractIpv4(set('10.0.0.0/8'), set('0.0.0.0/0')), []);
    assert.deepEqual(ipv4SetToCidrs(intersectIpv4(set('10.0.0.0/8', '192.168.0.0/16'), set('10.5.0.0/16', '192.0.0.0/8'))), ['10.5.0.0/16', '192.168.0.0/16']);
    assert.deepEqual(complementIpv4(ALL_IPV4), []);
    assert.deepEqual(ipv4SetToCidrs(complementIpv4(set('128.0.0.0/1'))), ['0.0.0.0/1']);
  });

  it('writes arbitrary ranges as the fewest CIDR blocks', () => {
    assert.deepEqual(ipv4RangeToCidrs({ first: 0, last: LAST_IPV4 }), ['0.0.0.0/0']);
    assert.deepEqual(ipv4RangeToCidrs({ first: ip('10.0.0.1'), last: ip('10.0.0.6') }), ['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/31', '10.0.0.6/32']);
    assert.deepEqual(ipv4RangeToCidrs({ first: ip('0.0.0.0'), last: ip('9.255.255.255') }), ['0.0.0.0/5', '8.0.0.0/7']);
    assert.deepEqual(ipv4RangeToCidrs({ first: ip('255.255.255.255'), last: LAST_IPV4 }), ['255.255.255.255/32']);
    assert.deepEqual(ipv4RangeToCidrs({ first: ip('11.0.0.0'), last: LAST_IPV4 }), ['11.0.0.0/8', '12.0.0.0/6', '16.0.0.0/4', '32.0.0.0/3', '64.0.0.0/2', '128.0.0.0/1']);
  });

  it('decomposes any interval into blocks that cover it exactly, each aligned', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) * 2; // deterministic, 0..2^32
    for (let i = 0; i < 300; i++) {
      const a = random() % 2 ** 32;
      const b = i % 3 === 0 ? a + (random() % 5000) : random() % 2 ** 32;
      const range = { first: Math.min(a, b), last: Math.min(LAST_IPV4, Math.max(a, b)) };
      const blocks = ipv4RangeToCidrs(range).map((cidr) => ipv4SetOfCidr(parseCidr(cidr)!)[0]);
      assert.equal(blocks[0].first, range.first);
      assert.equal(blocks[blocks.length - 1].last, range.last);
      for (let j = 1; j < blocks.length; j++) assert.equal(blocks[j].first, blocks[j - 1].last + 1);
      // Minimal: no two neighbours could form one aligned block of double size.
      for (let j = 1; j < blocks.length; j++) {
        const size = blocks[j].last - blocks[j].first + 1;
        const mergeable = size === blocks[j - 1].last - blocks[j - 1].first + 1 && blocks[j - 1].first % (2 * size) === 0;
        assert.equal(mergeable, false, describeIpv4Range(range));
      }
    }
  });

  it('answers membership', () => {
    const addresses = set('10.0.0.0/8', '192.168.1.0/24');
    assert.equal(ipv4SetContains(addresses, ip('10.20.30.40')), true);
    assert.equal(ipv4SetContains(addresses, ip('192.168.2.1')), false);
    assert.equal(ipv4SetContains(addresses, ip('192.168.1.255')), true);
  });
});
