import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWorkspace, parseManifest } from '../../../server/src/engine';
import { workloadConnectionsReport, workloadSummary } from '../../../server/src/engine/answers/workload-summary';
import { yaml } from '../../support/dedent';

const workloads = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: api}
  spec:
    template:
      metadata: {labels: {app: api, tier: backend}}
      spec: {containers: [{name: api, ports: [{name: http, containerPort: 8080}]}]}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec: {template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web}]}}}
  ---
  apiVersion: v1
  kind: Pod
  metadata: {name: batch, labels: {app: batch}}
  spec: {containers: [{name: batch}]}
`;

const policies = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: api-from-web}
  spec:
    podSelector: {matchLabels: {app: api}}
    ingress:
      - from: [{podSelector: {matchLabels: {app: web}}}]
        ports: [{port: http}]
  ---
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: backend-from-office}
  spec:
    podSelector: {matchLabels: {tier: backend}}
    policyTypes: [Ingress]
    ingress:
      - from: [{ipBlock: {cidr: 203.0.113.0/24, except: [203.0.113.128/25]}}]
        ports: [{port: 443}]
  ---
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: batch-egress}
  spec:
    podSelector: {matchLabels: {app: batch}}
    policyTypes: [Egress]
    egress:
      - to: [{podSelector: {matchLabels: {app: api}}}]
`;

function workspaceOf(...texts: string[]) {
  const files = texts.map((text, index) => parseManifest(`file:///w/${index}.yaml`, text));
  return { workspace: buildWorkspace(files), objects: files.flatMap((file) => file.objects) };
}

describe('workloadSummary', () => {
  const { workspace, objects } = workspaceOf(workloads, policies);
  const summaryOf = (name: string) => workloadSummary(workspace, objects.find((object) => object.name === name)!);

  it('names the two policies isolating a workload for ingress, each allowed peer with its ports and rule, and open egress', () => {
    const summary = summaryOf('api')!;
    assert.match(summary, /^\*\*Deployment default\/api\*\* · pods labelled `app=api`, `tier=backend`/);
    assert.match(summary, /\*\*Ingress\*\*: isolated by 2 policies \(\[api-from-web\]\(file:\/\/\/w\/1\.yaml#L3\), \[backend-from-office\]\(file:\/\/\/w\/1\.yaml#L12\)\); allowed:/);
    assert.match(summary, /- from 203\.0\.113\.0\/25: TCP 443 \(\[backend-from-office\]\(file:\/\/\/w\/1\.yaml#L17\) ingress rule 1\)\n/);
    // batch's egress allows api, but neither of api's ingress policies admits batch.
    assert.doesNotMatch(summary, /from batch/);
    assert.match(summary, /- from web: TCP 8080 \(\[api-from-web\]\(file:\/\/\/w\/1\.yaml#L7\) ingress rule 1\)\n/);
    assert.match(summary, /Everything else is denied\./);
    assert.match(summary, /\*\*Egress\*\*: not isolated for egress: it may connect to any address and any pod \(no NetworkPolicy selects it for egress\)\.$/);
  });

  it('says an unisolated workload accepts anyone, and how many others their own egress lets through', () => {
    const summary = summaryOf('web')!;
    assert.match(
      summary,
      /\*\*Ingress\*\*: not isolated for ingress: any pod and any address may connect \(no NetworkPolicy selects it for ingress\)\. Within the workspace, only 1 of the 2 other workloads may \(their own egress policies decide\)\./,
    );
    // api admits web on its named port and batch is not isolated: web reaches both, so nothing more is said.
    assert.match(summary, /\*\*Egress\*\*: not isolated for egress: it may connect to any address and any pod \(no NetworkPolicy selects it for egress\)\.$/);
  });

  it('says how many workloads the ingress policies of the others admit an unisolated workload to', () => {
    const { workspace: other, objects: all } = workspaceOf(workloads, policies.replace('name: batch-egress', 'name: batch-egress, namespace: elsewhere'));
    const summary = workloadSummary(other, all.find((object) => object.name === 'batch')!)!;
    assert.match(summary, /Within the workspace, the ingress policies of the others admit it to only 1 of them \(2 workloads\)\./);
  });

  it("says an egress-isolated pod may connect to nothing when the destination's ingress refuses it, and that DNS is blocked", () => {
    const summary = summaryOf('batch')!;
    assert.match(summary, /^\*\*Pod default\/batch\*\* · pods labelled `app=batch`/);
    // batch-egress admits only app=api, and api admits only web and the office range.
    assert.match(
      summary,
      /\*\*Egress\*\*: isolated by 1 policy \(\[batch-egress\]\(file:\/\/\/w\/1\.yaml#L22\)\); it may connect to nothing\. Its rules allow api, but api's ingress policies refuse the connection\. DNS is blocked \(UDP and TCP 53\)\./,
    );
  });

  it('names the peers its rules admit that their own egress keeps out', () => {
    const webEgress = `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web-egress}\nspec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Egress]}\n`;
    const { workspace: denied, objects: all } = workspaceOf(workloads, policies + webEgress);
    const summary = workloadSummary(denied, all.find((object) => object.name === 'api')!)!;
    assert.match(summary, /Everything else is denied\. Its rules admit web too, but web's own egress policies do not let it connect\.\n/);
    assert.doesNotMatch(summary, /- from web/);
  });

  it('lists the rules of both sides of a connection', () => {
    const { workspace: opened, objects: all } = workspaceOf(workloads, policies.replace('podSelector: {matchLabels: {app: web}}', 'podSelector: {matchLabels: {app: batch}}'));
    const summary = workloadSummary(opened, all.find((object) => object.name === 'batch')!)!;
    assert.match(
      summary,
      /\*\*Egress\*\*: isolated by 1 policy \(\[batch-egress\]\(file:\/\/\/w\/1\.yaml#L22\)\); allowed:\n- to api: TCP 8080 \(\[batch-egress\]\(file:\/\/\/w\/1\.yaml#L27\) egress rule 1; \[api-from-web\]\(file:\/\/\/w\/1\.yaml#L7\) ingress rule 1\)\n\nEverything else is denied\. DNS is blocked \(UDP and TCP 53\)\./,
    );
  });

  it('joins the address blocks one rule opens back into "any address except ..."', () => {
    const fromInternet = `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web-from-internet}\nspec: {podSelector: {matchLabels: {app: web}}, ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 192.168.0.0/16]}}], ports: [{port: 443}]}]}\n`;
    const { workspace: exposed, objects: all } = workspaceOf(workloads, policies + fromInternet);
    const summary = workloadSummary(exposed, all.find((object) => object.name === 'web')!)!;
    assert.match(summary, /^- from any address except 10\.0\.0\.0\/8, 192\.168\.0\.0\/16: TCP 443 \(\[web-from-internet\]\(file:\/\/\/w\/1\.yaml#L32\) ingress rule 1\)$/m);
  });

  it('never says a host-network workload is isolated: most network plugins do not apply the policies that select it', () => {
    const agent = `---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec: {template: {metadata: {labels: {app: api}}, spec: {hostNetwork: true, containers: [{name: agent}]}}}\n`;
    const { workspace: node, objects: all } = workspaceOf(workloads + agent, policies);
    const summary = workloadSummary(node, all.find((object) => object.name === 'agent')!)!;
    assert.equal(
      summary,
      '**DaemonSet default/agent** · pods labelled `app=api` · host network\n\n' +
        '**Ingress and egress**: NetworkPolicies do not isolate it on most network plugins. Its pods use the host network (`hostNetwork: true`): ' +
        "Kubernetes leaves NetworkPolicy behaviour for such pods undefined, and most plugins treat their traffic as the node's own. " +
        'It is selected for ingress by 1 policy ([api-from-web](file:///w/1.yaml#L3)).',
    );
    const report = workloadConnectionsReport(node, 'default/agent[DaemonSet]');
    assert.match(
      report,
      /^# Connections of DaemonSet default\/agent\n\nPods labelled `app=api`\. Ingress: not isolated on most network plugins \(host network; selected by 1 policy \(\[api-from-web\]\(file:\/\/\/w\/1\.yaml#L3\)\)\)\. Egress: not isolated on most network plugins \(host network\)\.\n/,
    );
  });

  it('says a host-network workload that no policy selects is not isolated either way, without naming policies', () => {
    const agent = `---\napiVersion: v1\nkind: Pod\nmetadata: {name: agent, labels: {app: agent}}\nspec: {hostNetwork: true, containers: [{name: agent}]}\n`;
    const { workspace: node, objects: all } = workspaceOf(workloads + agent, policies);
    const summary = workloadSummary(node, all.find((object) => object.name === 'agent')!)!;
    assert.equal(
      summary.split('\n\n')[1],
      '**Ingress and egress**: NetworkPolicies do not isolate it on most network plugins. Its pods use the host network (`hostNetwork: true`): ' +
        "Kubernetes leaves NetworkPolicy behaviour for such pods undefined, and most plugins treat their traffic as the node's own.",
    );
  });

  it('answers nothing for an object that is no workload', () => {
    assert.equal(workloadSummary(workspace, objects.find((object) => object.name === 'api-from-web')!), undefined);
  });

  it('joins the peers allowed the same ports by the same rules into one line', () => {
    const clients = Array.from({ length: 10 }, (_, index) => `---\napiVersion: v1\nkind: Pod\nmetadata: {name: client-${index}, labels: {role: client}}\nspec: {containers: [{name: main}]}\n`).join('');
    const fromClients = `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: api-from-clients}\nspec: {podSelector: {matchLabels: {app: api}}, ingress: [{from: [{podSelector: {matchLabels: {role: client}}}]}]}\n`;
    const { workspace: crowded, objects: all } = workspaceOf(workloads + clients, policies + fromClients);
    const summary = workloadSummary(crowded, all.find((object) => object.name === 'api')!)!;
    assert.match(
      summary,
      /^- from 10 workloads \(client-0, client-1, client-2, client-3, client-4, client-5, client-6, client-7 and 2 more\): all ports \(\[api-from-clients\]\(file:\/\/\/w\/1\.yaml#L32\) ingress rule 1\)$/m,
    );
    // The report keeps one row per peer.
    const report = workloadConnectionsReport(crowded, 'default/api[Deployment]');
    assert.match(report, /^# Connections of Deployment default\/api\n\nPods labelled `app=api`, `tier=backend`\. Ingress: isolated by 3 policies/);
    assert.match(report, /## Inbound \(12\)/);
    for (let index = 0; index < 10; index++) assert.match(report, new RegExp(`\\| client-${index} \\| all ports \\| \\[api-from-clients\\]`));
    assert.match(report, /\| web \| TCP 8080 \| \[api-from-web\]\(file:\/\/\/w\/1\.yaml#L7\) ingress rule 1 \|/);
    assert.match(report, /## Outbound \(\d+\)\n\n\| To \| Ports \| Allowed by \|\n\| --- \| --- \| --- \|\n\| any address \| all ports \| not isolated \|/);
  });

  it('caps the list of connections at 8 lines and says how many more', () => {
    const clients = Array.from({ length: 10 }, (_, index) => `---\napiVersion: v1\nkind: Pod\nmetadata: {name: client-${index}, labels: {id: c${index}}}\nspec: {containers: [{name: main}]}\n`).join('');
    const rules = Array.from({ length: 10 }, (_, index) => `{from: [{podSelector: {matchLabels: {id: c${index}}}}], ports: [{port: ${1000 + index}}]}`).join(', ');
    const perClient = `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: per-client}\nspec: {podSelector: {matchLabels: {app: api}}, ingress: [${rules}]}\n`;
    const { workspace: crowded, objects: all } = workspaceOf(workloads + clients, policies + perClient);
    const summary = workloadSummary(crowded, all.find((object) => object.name === 'api')!)!;
    // Inbound: the office block, 10 clients and web, each with its own port and rule; 8 shown.
    assert.equal(summary.match(/^- from /gm)?.length, 8);
    assert.match(summary, /^- from client-0: TCP 1000 \(\[per-client\]\(file:\/\/\/w\/1\.yaml#L32\) ingress rule 1\)$/m);
    assert.match(summary, /^- and 4 more$/m);
  });

  it('reports an unknown workload key plainly', () => {
    assert.match(workloadConnectionsReport(workspace, 'default/gone[Deployment]'), /^# Connections of default\/gone\[Deployment\]\n\nThe workspace has no such workload/);
  });
});

describe('workloadSummary with cluster-admin policies', () => {
  // The synthetic example of the admin-policy specification (§11), trimmed to what the hover says.
  const file = parseManifest(
    'file:///w/cluster.yaml',
    yaml`
      apiVersion: v1
      kind: Namespace
      metadata: {name: alpha, labels: {tier: web}}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: beta, labels: {tier: db}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: front, namespace: alpha}
      spec: {template: {metadata: {labels: {app: front}}, spec: {containers: [{name: front}]}}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: store, namespace: beta}
      spec: {template: {metadata: {labels: {app: store}}, spec: {containers: [{name: store, ports: [{name: pg, containerPort: 5432}]}]}}}
      ---
      apiVersion: policy.networking.k8s.io/v1alpha1
      kind: AdminNetworkPolicy
      metadata: {name: guard}
      spec:
        priority: 5
        subject: {namespaces: {matchLabels: {tier: db}}}
        ingress:
          - {action: Allow, from: [{namespaces: {matchLabels: {tier: web}}}], ports: [{namedPort: pg}]}
          - {action: Deny, from: [{namespaces: {}}]}
    `,
  );
  const workspace = buildWorkspace([file]);
  const store = file.objects.find((object) => object.name === 'store')!;

  it('names the admin policy that applies, and the rule that allows each connection, when no NetworkPolicy selects the workload', () => {
    const summary = workloadSummary(workspace, store)!;
    const ingress = summary.split('\n\n').find((part) => part.startsWith('**Ingress**'))!;
    assert.match(ingress, /^\*\*Ingress\*\*: not isolated by a NetworkPolicy; a cluster-admin policy applies: AdminNetworkPolicy \[guard\]\(file:\/\/\/w\/cluster\.yaml#L\d+\) \(priority 5\); allowed:\n/);
    assert.match(ingress, /- from alpha\/front: TCP 5432 \(allowed by \[guard\]\(file:\/\/\/w\/cluster\.yaml#L\d+\) AdminNetworkPolicy priority 5 ingress rule 1\)/);
    assert.match(ingress, /- from any address: all ports/);
    assert.doesNotMatch(ingress, /from alpha\/front: all/);
  });
});

describe('workloadSummary of a replaced definition', () => {
  it('says which later definition takes effect', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec: {template: {metadata: {labels: {app: api}}}}\n';
    const base = parseManifest('file:///w/base/api.yaml', text);
    const overlay = parseManifest('file:///w/overlay/api.yaml', `# overlay\n${text}`);
    const workspace = buildWorkspace([base, overlay]);
    assert.equal(
      workloadSummary(workspace, base.objects[0]),
      '**Deployment shop/api**\n\nReplaced by a later definition (../overlay/api.yaml line 4), as `kubectl apply` would: its connections are those of that definition.',
    );
    assert.match(workloadSummary(workspace, overlay.objects[0])!, /^\*\*Deployment shop\/api\*\* · pods labelled `app=api`\n/);
  });
});
