import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CLOUD_METADATA_ADDRESSES,
  cidrContains,
  cidrSyntaxProblem,
  cidrWithin,
  hasHostBitsClear,
  isWholeInternet,
  networkAddress,
  parseAddress,
  parseCidr,
  parseStrictCidr,
  privateRangeOf,
  sameBlock,
} from '../../../server/src/engine/net/cidr';

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

  it('compares blocks by network, whatever the host bits', () => {
    assert.equal(sameBlock(parseCidr('10.0.0.0/8')!, parseCidr('10.1.2.3/8')!), true);
    assert.equal(sameBlock(parseCidr('10.0.0.0/8')!, parseCidr('10.0.0.0/9')!), false);
    assert.equal(sameBlock(parseCidr('::/0')!, parseCidr('0.0.0.0/0')!), false);
  });

  it('names what Kubernetes refuses or warns about in a CIDR text', () => {
    const cases: [string, ReturnType<typeof cidrSyntaxProblem>][] = [
      ['10.0.0.0/8', undefined],
      ['fd00::/8', undefined],
      ['0.0.0.0/0', undefined],
      ['10.1.2.3/8', undefined], // host bits: hasHostBitsClear's job
      ['', 'malformed'],
      ['10.0.0.1', 'malformed'],
      ['10.0.0.0/', 'malformed'],
      ['10.0.0.0/+8', 'malformed'],
      ['10.0.0.0/33', 'malformed'],
      ['10.0.0/8', 'malformed'],
      [' 10.0.0.0/8', 'whitespace'],
      ['10.0.0.0/8\n', 'whitespace'],
      ['010.0.0.0/8', 'leading-zeros'],
      ['10.0.00.0/16', 'leading-zeros'],
      ['10.0.0.0/08', 'prefix-leading-zeros'],
      ['::ffff:10.0.0.0/104', 'ipv4-mapped'],
      ['fe80::%eth0/64', 'zone'],
    ];
    for (const [text, problem] of cases) assert.equal(cidrSyntaxProblem(text), problem, JSON.stringify(text));
    assert.equal(parseStrictCidr(' 10.0.0.0/8'), undefined);
    assert.equal(parseStrictCidr(undefined), undefined);
    assert.equal(parseStrictCidr('10.0.0.0/8')?.prefixLength, 8);
  });

  it('finds the private range a block lies in, and only when it lies inside it', () => {
    assert.equal(privateRangeOf(parseCidr('10.96.0.10/32')!)?.text, '10.0.0.0/8');
    assert.equal(privateRangeOf(parseCidr('172.31.0.0/16')!)?.text, '172.16.0.0/12');
    assert.equal(privateRangeOf(parseCidr('100.64.0.0/10')!)?.text, '100.64.0.0/10');
    assert.equal(privateRangeOf(parseCidr('fd12::/16')!)?.text, 'fc00::/7');
    assert.equal(privateRangeOf(parseCidr('0.0.0.0/0')!), undefined);
    assert.equal(privateRangeOf(parseCidr('10.0.0.0/7')!), undefined);
    assert.equal(privateRangeOf(parseCidr('172.32.0.0/16')!), undefined);
    assert.equal(privateRangeOf(parseCidr('169.254.0.0/16')!), undefined);
  });

  it('knows the cloud metadata addresses', () => {
    assert.deepEqual(CLOUD_METADATA_ADDRESSES.map(String), ['169.254.169.254', 'fd00:ec2::254']);
    assert.equal(cidrContains(parseCidr('0.0.0.0/0')!, CLOUD_METADATA_ADDRESSES[0]), true);
    assert.equal(cidrContains(parseCidr('fc00::/7')!, CLOUD_METADATA_ADDRESSES[1]), true);
  });
});
