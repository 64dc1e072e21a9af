import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostnameCovers, isWildcardHostname } from '../../../server/src/engine/net/hostname';

describe('hostname', () => {
  it('matches exact names case-insensitively, ignoring a trailing dot', () => {
    assert.equal(hostnameCovers('Shop.Example.com', 'shop.example.com.', 'one-label'), true);
    assert.equal(hostnameCovers('shop.example.com', 'api.example.com', 'suffix'), false);
  });

  it('treats an absent pattern or "*" as covering everything, and an absent hostname as all names', () => {
    assert.equal(hostnameCovers(undefined, 'a.example.com', 'suffix'), true);
    assert.equal(hostnameCovers('*', undefined, 'one-label'), true);
    assert.equal(hostnameCovers('*.example.com', undefined, 'suffix'), false);
  });

  it('matches a certificate wildcard on one label, a listener wildcard on any suffix', () => {
    assert.equal(hostnameCovers('*.example.com', 'a.example.com', 'one-label'), true);
    assert.equal(hostnameCovers('*.example.com', 'a.b.example.com', 'one-label'), false);
    assert.equal(hostnameCovers('*.example.com', 'a.b.example.com', 'suffix'), true);
    assert.equal(hostnameCovers('*.example.com', 'example.com', 'suffix'), false);
    assert.equal(hostnameCovers('*.example.com', 'badexample.com', 'suffix'), false);
  });

  it('compares wildcards with wildcards', () => {
    assert.equal(hostnameCovers('*.example.com', '*.example.com', 'one-label'), true);
    assert.equal(hostnameCovers('*.example.com', '*.api.example.com', 'suffix'), true);
    assert.equal(hostnameCovers('*.example.com', '*.api.example.com', 'one-label'), false);
    assert.equal(hostnameCovers('a.example.com', '*.example.com', 'suffix'), false);
    assert.equal(isWildcardHostname('*.example.com'), true);
    assert.equal(isWildcardHostname('example.com'), false);
  });
});
