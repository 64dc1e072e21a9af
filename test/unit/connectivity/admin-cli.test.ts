import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli, tempProject } from '../../support/cli-harness';
import { yaml } from '../../support/dedent';
import { pod } from './scenario';

const run = (root: string) => runCli(['connectivity', root]);
const relative = (root: string, err: string) => err.trim().split('\n').map((line) => line.slice(root.length + 1));

describe('kube-netsec connectivity with admin policies', () => {
  it('prints errors at the field at fault, no connections, and exits 2 when an admin policy cannot be evaluated', async (context) => {
    const root = tempProject(context, {
      'app.yaml': pod('a'),
      'admin.yaml': yaml`
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: first}
        spec:
          priority: 10
          subject: {namespaces: {}}
          ingress: [{action: Deny, from: [{namespaces: {}}]}]
        ---
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: second}
        spec:
          priority: 10
          subject: {namespaces: {}}
          egress: [{action: Allow, to: [{networks: [10.0.0.0]}]}]
      `,
    });
    const { code, out, err } = await run(root);
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.deepEqual(relative(root, err), [
      'admin.yaml:13:3: error: AdminNetworkPolicy "second" has priority 10, as AdminNetworkPolicy "first" has: AdminNetworkPolicy priorities must differ.',
      'admin.yaml:15:45: error: AdminNetworkPolicy "second": "10.0.0.0" is not a CIDR: a network needs a prefix length, as in 10.0.0.0/32.',
    ]);
  });

  it('prints warnings on stderr, the connections on stdout, and exits 0', async (context) => {
    const root = tempProject(context, {
      'app.yaml': pod('a'),
      'admin.yaml': yaml`
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: guard}
        spec:
          subject: {namespaces: {}}
          egress:
            - action: Deny
              to: [{networks: ["fd00::/8", 10.0.0.0/8]}, {nodes: {}}]
        ---
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: typed}
        spec: {priority: "1"}
      `,
    });
    const { code, out, err } = await run(root);
    assert.equal(code, 0);
    assert.equal(out.split('\n').filter((line) => line.startsWith('default/a[Pod] => 10.')).length, 0);
    assert.ok(out.includes('default/a[Pod] => 11.0.0.0/8 : All Connections'));
    assert.deepEqual(relative(root, err), [
      'admin.yaml:8:24: warning: AdminNetworkPolicy "guard": IPv6 network fd00::/8 is ignored: the connectivity analysis covers IPv4 only.',
      'admin.yaml:8:51: warning: AdminNetworkPolicy "guard": a nodes peer matches nothing: node addresses are not part of the model.',
      'admin.yaml:13:8: warning: AdminNetworkPolicy "typed" is skipped: priority must be a whole number, not the text "1".',
    ]);
  });
});
