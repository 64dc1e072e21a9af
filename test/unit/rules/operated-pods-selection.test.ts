import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWorkspace, lintWorkspace, mergeConfigs, parseManifest, type Rule } from '../../../server/src/engine';
import { netpolPeerSelectsNothing } from '../../../server/src/engine/rules/workspace/netpol-peer-selects-nothing';
import { netpolSelectsNothing } from '../../../server/src/engine/rules/workspace/netpol-selects-nothing';
import { serviceSelectsNothing } from '../../../server/src/engine/rules/workspace/service-selects-nothing';
import { serviceTargetPortUnknown } from '../../../server/src/engine/rules/workspace/service-target-port-unknown';
import { yaml } from '../../support/dedent';
import * as operators from './operator-fixtures';

// The "selects nothing" rules next to custom resources, across folders (the rule tester keeps its
// file at the root), and the Service port rule on pods whose containers an operator writes.

/** The findings of `rule` in `path`, as "line:column severity message". */
function findingsIn(rule: Rule, path: string, files: Record<string, string>): string[] {
  const config = mergeConfigs({});
  const workspace = buildWorkspace(
    Object.entries(files).map(([uri, text]) => parseManifest(uri, text)),
    config,
  );
  return (lintWorkspace(workspace, { rules: [rule], config }).get(path) ?? [])
    .filter((finding) => finding.ruleId === rule.id)
    .map((finding) => `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity} ${finding.message}`);
}

const policy = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: cache, namespace: shop}
  spec:
    podSelector:
      matchLabels: {app: redis}
    ingress:
      - from:
          - podSelector: {matchLabels: {app: redis-client}}
`;

const service = yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: cache, namespace: shop}
  spec:
    selector: {app: redis}
    ports: [{port: 6379}]
`;

describe('custom resources of unknown kinds and the "selects nothing" rules', () => {
  it('one below the policy\'s folder lowers the finding to info', () => {
    const files = { 'apps/shop/policy.yaml': policy, 'apps/shop/web.yaml': operators.webDeployment, 'apps/shop/redis/cluster.yaml': operators.redisCluster };
    assert.deepEqual(findingsIn(netpolSelectsNothing, 'apps/shop/policy.yaml', files), [
      '5:3 info The podSelector of NetworkPolicy "cache" does not match the only workload of namespace "shop" in the workspace, but it may select pods created by a controller of kind RedisCluster in this folder; if not, the policy isolates and allows nothing.',
    ]);
  });

  it('one in another folder leaves the policy\'s and the peer\'s findings as they are', () => {
    const files = { 'apps/shop/policy.yaml': policy, 'apps/shop/web.yaml': operators.webDeployment, 'infra/redis/cluster.yaml': operators.redisCluster };
    assert.deepEqual(findingsIn(netpolSelectsNothing, 'apps/shop/policy.yaml', files), [
      '5:3 warning The podSelector of NetworkPolicy "cache" does not match the only workload of namespace "shop" in the workspace: the policy isolates and allows nothing.',
    ]);
    assert.deepEqual(findingsIn(netpolPeerSelectsNothing, 'apps/shop/policy.yaml', files), [
      '9:11 info The podSelector matches no workload of namespace "shop" in the workspace: this from entry admits nothing.',
    ]);
  });

  it("one in another folder leaves a Service's finding a warning; one in its folder makes it info", () => {
    const elsewhere = { 'apps/shop/service.yaml': service, 'apps/shop/web.yaml': operators.webDeployment, 'infra/redis.yaml': operators.redisCluster };
    assert.deepEqual(findingsIn(serviceSelectsNothing, 'apps/shop/service.yaml', elsewhere), [
      '5:3 warning The selector of Service "cache" does not match the pod labels of the only workload of namespace "shop" in the workspace: the Service has no endpoints.',
    ]);
    const alongside = { ...elsewhere, 'infra/redis.yaml': '', 'apps/shop/redis.yaml': operators.redisCluster };
    assert.deepEqual(findingsIn(serviceSelectsNothing, 'apps/shop/service.yaml', alongside), [
      '5:3 info The selector of Service "cache" does not match the pod labels of the only workload of namespace "shop" in the workspace, but it may select pods created by a controller of kind RedisCluster in this folder; if not, the Service has no endpoints.',
    ]);
  });

  it('one of another namespace in the folder does not', () => {
    const files = { 'shop/policy.yaml': policy, 'shop/web.yaml': operators.webDeployment, 'shop/redis.yaml': operators.redisCluster.replace('namespace: shop', 'namespace: cache') };
    assert.match(findingsIn(netpolSelectsNothing, 'shop/policy.yaml', files).join('\n'), /^5:3 warning /);
  });

  it('configuration-only custom resources in the folder (ServiceMonitor, Certificate) do not', () => {
    const configuration = yaml`
      apiVersion: monitoring.coreos.com/v1
      kind: ServiceMonitor
      metadata: {name: cache, namespace: shop}
      spec:
        selector: {matchLabels: {app: redis}}
      ---
      apiVersion: cert-manager.io/v1
      kind: Certificate
      metadata: {name: cache, namespace: shop}
    `;
    const files = { 'shop/policy.yaml': policy, 'shop/web.yaml': operators.webDeployment, 'shop/monitoring.yaml': configuration };
    assert.match(findingsIn(netpolSelectsNothing, 'shop/policy.yaml', files).join('\n'), /^5:3 warning /);
  });

  it('a Rollout whose workloadRef names no Deployment of the workspace counts as an unknown pod creator', () => {
    const rollout = yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: {name: cache, namespace: shop}
      spec:
        workloadRef: {apiVersion: apps/v1, kind: Deployment, name: redis}
    `;
    const files = { 'shop/policy.yaml': policy, 'shop/web.yaml': operators.webDeployment, 'shop/rollout.yaml': rollout };
    assert.match(findingsIn(netpolSelectsNothing, 'shop/policy.yaml', files).join('\n'), /^5:3 info .* a controller of kind Rollout in this folder;/);
  });
});

describe('service-target-port-unknown and operated pods', () => {
  it('does not judge the ports of pods whose containers the operator writes (Alertmanager\'s "web")', () => {
    const alertmanagerService = yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: alertmanager-main, namespace: monitoring}
      spec:
        selector: {alertmanager: main}
        ports: [{name: web, port: 9093, targetPort: web}, {name: reloader, port: 8080, targetPort: 8080}]
    `;
    const files = { 'service.yaml': alertmanagerService, 'alertmanager.yaml': operators.alertmanager };
    assert.deepEqual(findingsIn(serviceTargetPortUnknown, 'service.yaml', files), []);
  });

  it('judges those of a Rollout, whose template holds all its containers', () => {
    const checkoutService = yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: checkout, namespace: shop}
      spec:
        selector: {app: checkout}
        ports: [{port: 80, targetPort: htp}]
    `;
    const files = { 'service.yaml': checkoutService, 'rollout.yaml': operators.rollout };
    assert.equal(findingsIn(serviceTargetPortUnknown, 'service.yaml', files).length, 1);
  });
});
