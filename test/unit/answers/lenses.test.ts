import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWorkspace, DEFAULT_CONFIG, parseManifest } from '../../../server/src/engine';
import type { AnswerContext } from '../../../server/src/engine/answers/answer';
import { SHOW_WORKLOAD_CONNECTIONS } from '../../../server/src/engine/answers/commands';
import { lensesOf } from '../../../server/src/engine/answers/lenses';
import { yaml } from '../../support/dedent';

function contextOf(...texts: string[]): AnswerContext {
  const files = texts.map((text, index) => parseManifest(`file${index}.yaml`, text));
  return { file: files[0], workspace: buildWorkspace(files), findings: [], config: DEFAULT_CONFIG };
}

const workloads = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: api}
  spec:
    template:
      metadata: {labels: {tier: backend}}
      spec:
        containers: [{name: api, ports: [{containerPort: 8080, name: http}]}]
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: worker}
  spec:
    template:
      metadata: {labels: {tier: backend}}
      spec:
        containers: [{name: worker}]
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    template:
      metadata: {labels: {tier: frontend}}
      spec:
        containers: [{name: web}]
  ---
  apiVersion: v1
  kind: Pod
  metadata: {name: debug, namespace: tools}
  spec:
    containers: [{name: shell}]
`;

const policies = yaml`
  # Backend pods: ingress from the frontend and one range, egress only inside the backend.
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: backend}
  spec:
    podSelector: {matchLabels: {tier: backend}}
    policyTypes: [Ingress, Egress]
    ingress:
      - from:
          - podSelector: {matchLabels: {tier: frontend}}
          - ipBlock: {cidr: 10.0.0.0/8}
    egress:
      - to: [{podSelector: {matchLabels: {tier: backend}}}]
  ---
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: backend-http}
  spec:
    podSelector: {matchLabels: {tier: backend}}
    ingress:
      - from: [{namespaceSelector: {}}]
        ports: [{port: http}]
  ---
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: deny-all-egress}
  spec:
    podSelector: {}
    policyTypes: [Egress]
  ---
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: web-egress}
  spec:
    podSelector: {matchLabels: {tier: frontend}}
    policyTypes: [Egress]
    egress:
      - to: [{podSelector: {matchLabels: {tier: backend}}}]
        ports: [{port: http}]
      - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
`;

describe('lensesOf', () => {
  it('sums up each NetworkPolicy on its first line: selected workloads and admitted peers per direction', () => {
    const lenses = lensesOf(contextOf(policies, workloads));
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.title]),
      [
        [1, 'selects 2 workloads · ingress from 1 workload and 1 address range · egress to 2 workloads'],
        [14, 'selects 2 workloads · ingress from 4 workloads · egress: not restricted'],
        [23, 'selects 3 workloads · ingress: not restricted · egress: all denied'],
        // The named port resolves only on api (worker declares no "http"); no named port reaches an address.
        [30, 'selects 1 workload · ingress: not restricted · egress to 1 workload and any address'],
      ],
    );
    assert.deepEqual(lenses[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 32 } });
    assert.equal(lenses[0].command, undefined);
  });

  it('counts address ranges the way the policy reads: all but the excepted ones, or the blocks', () => {
    const internet = yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: internet}
      spec:
        podSelector: {matchLabels: {tier: frontend}}
        policyTypes: [Ingress, Egress]
        ingress:
          - from: [{ipBlock: {cidr: 10.0.0.0/8}}, {ipBlock: {cidr: 192.168.0.0/16}}]
        egress:
          - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]}}]
    `;
    assert.deepEqual(
      lensesOf(contextOf(internet, workloads)).map((lens) => lens.title),
      ['selects 1 workload · ingress from 2 address ranges · egress to any address except 3 ranges'],
    );
  });

  it('shows each workload\'s isolation, with the command that lists its connections', () => {
    const lenses = lensesOf(contextOf(workloads, policies));
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.title, lens.command?.arguments[0]]),
      [
        [0, 'ingress: isolated (2 policies) · egress: isolated (2 policies)', 'default/api[Deployment]'],
        [9, 'ingress: isolated (2 policies) · egress: isolated (2 policies)', 'default/worker[Deployment]'],
        [18, 'ingress: not isolated · egress: isolated (2 policies)', 'default/web[Deployment]'],
        [27, 'ingress: not isolated · egress: not isolated', 'tools/debug[Pod]'],
      ],
    );
    assert.ok(lenses.every((lens) => lens.command?.id === SHOW_WORKLOAD_CONNECTIONS));
  });

  it('says above a replaced definition which one takes effect, instead of its connections', () => {
    const base = parseManifest('file:///w/base/api.yaml', workloads);
    const overlay = parseManifest('file:///w/overlay/api.yaml', `# overlay\n${workloads}`);
    const lenses = lensesOf({ file: base, workspace: buildWorkspace([base, overlay]), findings: [], config: DEFAULT_CONFIG });
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.title, lens.command]),
      [
        [0, 'replaced by the definition in ../overlay/api.yaml:4 (as kubectl apply would)', undefined],
        [9, 'replaced by the definition in ../overlay/api.yaml:13 (as kubectl apply would)', undefined],
        [18, 'replaced by the definition in ../overlay/api.yaml:22 (as kubectl apply would)', undefined],
        [27, 'replaced by the definition in ../overlay/api.yaml:31 (as kubectl apply would)', undefined],
      ],
    );
  });

  it('never shows a host-network workload as isolated, even when policies select it', () => {
    const agent = yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent}
      spec:
        template:
          metadata: {labels: {tier: backend}}
          spec:
            hostNetwork: true
            containers: [{name: agent}]
    `;
    assert.deepEqual(
      lensesOf(contextOf(agent, policies)).map((lens) => [lens.range.start.line, lens.title, lens.command?.arguments[0]]),
      [[0, 'host network: NetworkPolicies do not isolate it on most network plugins', 'default/agent[DaemonSet]']],
    );
  });

  it('puts a lens on a List item\'s first line, and none on other kinds', () => {
    const list = yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Service
          metadata: {name: api}
        - apiVersion: v1
          kind: Pod
          metadata: {name: solo}
          spec: {containers: [{name: c}]}
    `;
    const lenses = lensesOf(contextOf(list));
    assert.deepEqual(
      lenses.map((lens) => [lens.range, lens.title]),
      [[{ start: { line: 6, character: 4 }, end: { line: 6, character: 18 } }, 'ingress: not isolated · egress: not isolated']],
    );
  });
});
