import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admitsWholeInternet, enablesProxyProtocol, isInternalLoadBalancer } from '../../../server/src/engine/services/load-balancer';

describe('load balancer annotations', () => {
  it('recognises internal load balancers of each provider, by value', () => {
    assert.equal(isInternalLoadBalancer({ 'networking.gke.io/load-balancer-type': 'Internal' }), true);
    assert.equal(isInternalLoadBalancer({ 'networking.gke.io/load-balancer-type': 'External' }), false);
    assert.equal(isInternalLoadBalancer({ 'service.beta.kubernetes.io/azure-load-balancer-internal': 'false' }), false);
    assert.equal(isInternalLoadBalancer({ 'service.kubernetes.io/qcloud-loadbalancer-internal-subnetid': 'subnet-1' }), true);
    assert.equal(isInternalLoadBalancer({}, 'networking.gke.io/l4-regional-internal'), true);
    assert.equal(isInternalLoadBalancer({}, 'example.com/internal'), false);
  });

  it('follows AWS precedence: scheme first, then the legacy annotation, then the controller default', () => {
    const external = { 'service.beta.kubernetes.io/aws-load-balancer-type': 'external' };
    assert.equal(isInternalLoadBalancer(external), true);
    assert.equal(isInternalLoadBalancer({ ...external, 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' }), false);
    assert.equal(isInternalLoadBalancer({ ...external, 'service.beta.kubernetes.io/aws-load-balancer-internal': 'false' }), false);
    assert.equal(
      isInternalLoadBalancer({ 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true', 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' }),
      false,
    );
    // The in-tree provider's NLB and CLB are internet-facing by default.
    assert.equal(isInternalLoadBalancer({ 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' }), false);
  });

  it('finds whole-internet ranges and PROXY protocol annotations', () => {
    assert.equal(admitsWholeInternet('0.0.0.0/0'), true);
    assert.equal(admitsWholeInternet('::/0'), true);
    assert.equal(admitsWholeInternet('0.0.0.0/8'), false);
    assert.equal(admitsWholeInternet('not a cidr'), false);
    assert.equal(enablesProxyProtocol({ 'service.beta.kubernetes.io/aws-load-balancer-proxy-protocol': '*' }), true);
    assert.equal(enablesProxyProtocol({ 'load-balancer.hetzner.cloud/uses-proxyprotocol': 'true' }), true);
    assert.equal(enablesProxyProtocol({ 'oci-network-load-balancer.oraclecloud.com/is-ppv2-enabled': 'true' }), true);
    assert.equal(enablesProxyProtocol({ 'service.beta.kubernetes.io/do-loadbalancer-enable-proxy-protocol': 'false' }), false);
    assert.equal(enablesProxyProtocol({ 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' }), false);
  });
});
