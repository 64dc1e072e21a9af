import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cidrContains, cidrWithin, hasHostBitsClear, isWholeInternet, networkAddress, parseAddress, parseCidr } from '../../../server/src/engine/net/cidr';

describe('cidr', () => {
  it('parses IPv4 and IPv6 blocks and refuses malformed ones', () => {
    assert.equal(parseCidr('10.0.0.0/8')?.kind, 'ipv4');
    assert.equal(parseCidr('fd00:ec2::254/128')?.kind, 'ipv6');
    for (const bad of ['10.0.0.0', '10.0.0.0/33', '10.0.0/8', '300.0.0.0/8', 'any', '::/129', '']) assert.equal(parseCidr(bad), undefined, bad);
  });

  it('knows the whole-internet blocks', () => {
    assert.equal(isWholeInternet(parseCidr('0.0.0.0/0')!), true);
    assert.equal(isWholeInternet(parseCidr('::/0')!), true);
    assert.equal(isWholeInternet(parseCidr('0.0.0.0/1')!), false);
  });

  it('checks containment of addresses and blocks, per family', () => {
    assert.equal(cidrContains(parseCidr('169.254.0.0/16')!, parseAddress('169.254.169.254')!), true);
    assert.equal(cidrContains(parseCidr('10.0.0.0/8')!, parseAddress('11.0.0.1')!), false);
    assert.equal(cidrContains(parseCidr('::/0')!, parseAddress('10.0.0.1')!), false);
    assert.equal(cidrWithin(parseCidr('10.1.0.0/16')!, parseCidr('10.0.0.0/8')!), true);
    assert.equal(cidrWithin(parseCidr('10.0.0.0/8')!, parseCidr('10.1.0.0/16')!), false);
  });

  it('detects host bits set after the prefix', () => {
    assert.equal(hasHostBitsClear(parseCidr('10.0.0.0/8')!), true);
    assert.equal(hasHostBitsClear(parseCidr('10.1.2.3/8')!), false);
    assert.equal(networkAddress(parseCidr('10.1.2.3/8')!), '10.0.0.0');
    assert.equal(networkAddress(parseCidr('192.168.1.130/25')!), '192.168.1.128');
    assert.equal(hasHostBitsClear(parseCidr('fd00::1/8')!), false);
  });
});
