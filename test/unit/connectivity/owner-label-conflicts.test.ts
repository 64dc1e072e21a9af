// Pods of one owner with different labels (admin-policy-semantics.md §2, last bullet): a warning when
// an admin policy's pod selector tells them apart; the analysis goes on with the first member's labels.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli, tempProject } from '../../support/cli-harness';
import { analysisOf, connectionLines } from './scenario';

const statefulSet = `---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: data}\nspec: {template: {metadata: {labels: {app: db}}, spec: {containers: [{name: c, image: i}]}}}\n`;
/** A pod of StatefulSet db, as `kubectl get pods -o yaml` shows it: with the label the controller adds. */
const statefulPod = (index: number, extra = '') =>
  `---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: db-${index}\n  namespace: data\n  labels: {app: db, statefulset.kubernetes.io/pod-name: db-${index}${extra}}\n  ownerReferences: [{apiVersion: apps/v1, kind: StatefulSet, name: db, controller: true}]\nspec: {containers: [{name: c, image: i}]}\n`;
const client = `---\napiVersion: v1\nkind: Pod\nmetadata: {name: client, namespace: apps, labels: {app: client}}\nspec: {containers: [{name: c, image: i}]}\n`;
const PODS = statefulPod(0) + statefulPod(1) + client;
const anp = (spec: string) => `---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: guard}\nspec: ${spec}\n`;
const denyFromAll = 'ingress: [{action: Deny, from: [{namespaces: {}}]}]';

function warningsOf(...files: string[]): { path: readonly (string | number)[]; message: string }[] {
  return analysisOf(...files).analysis.adminProblems.warnings.map(({ path, message }) => ({ path, message }));
}

describe('pods of one owner with different labels', () => {
  it('warns at the matchLabels entry of a subject podSelector that tells two pods of a StatefulSet apart', () => {
    const { analysis } = analysisOf(PODS + anp(`{priority: 1, subject: {pods: {podSelector: {matchLabels: {statefulset.kubernetes.io/pod-name: db-1}}}}, ${denyFromAll}}`));
    const [warning, ...others] = analysis.adminProblems.warnings;
    assert.deepEqual(others, []);
    assert.deepEqual(warning.path, ['spec', 'subject', 'pods', 'podSelector', 'matchLabels', 'statefulset.kubernetes.io/pod-name']);
    assert.equal(
      warning.message,
      'AdminNetworkPolicy "guard": this selector tells apart pods of one owner, data/db[StatefulSet]: label "statefulset.kubernetes.io/pod-name" is "db-0" on Pod "db-0" and "db-1" on Pod "db-1". The reference analyzer refuses such input; the connections listed give them all the labels of Pod "db-0".',
    );
    const { start } = warning.object.rangeOf(warning.path, 'key');
    assert.deepEqual([start.line, start.character], [27, 65]);
    assert.deepEqual(analysis.adminProblems.fatal, []);
  });

  it('goes on with the first member\'s labels: the StatefulSet object when it comes first', () => {
    const files = statefulSet + PODS + anp(`{priority: 1, subject: {pods: {podSelector: {matchLabels: {statefulset.kubernetes.io/pod-name: db-1}}}}, ${denyFromAll}}`);
    assert.deepEqual(
      warningsOf(files).map((warning) => warning.message),
      ['AdminNetworkPolicy "guard": this selector tells apart pods of one owner, data/db[StatefulSet]: label "statefulset.kubernetes.io/pod-name" is absent on StatefulSet "db" and "db-1" on Pod "db-1". The reference analyzer refuses such input; the connections listed give them all the labels of StatefulSet "db".'],
    );
    // With the StatefulSet's labels the subject selects nothing: the Deny changes nothing.
    assert.deepEqual(connectionLines(files).filter((line) => !/\d+\.\d+\.\d+\.\d+\//.test(line)), ['apps/client[Pod] => data/db[StatefulSet] : All Connections', 'data/db[StatefulSet] => apps/client[Pod] : All Connections']);
  });

  it('examines In and NotIn lists by substring, and pods peers of rules', () => {
    const inList = anp(`{priority: 1, subject: {namespaces: {}}, egress: [{action: Deny, to: [{namespaces: {}}, {pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: data}}, podSelector: {matchExpressions: [{key: app, operator: Exists}, {key: statefulset.kubernetes.io/pod-name, operator: NotIn, values: [db-0x]}]}}}]}]}`);
    assert.deepEqual(warningsOf(PODS + inList).map((warning) => warning.path), [['spec', 'egress', 0, 'to', 1, 'pods', 'podSelector', 'matchExpressions', 1]]);
  });

  it('says nothing when the selector cannot tell the pods apart', () => {
    const subject = (podSelector: string, namespaceSelector = '{}') => anp(`{priority: 1, subject: {pods: {namespaceSelector: ${namespaceSelector}, podSelector: ${podSelector}}}, ${denyFromAll}}`);
    const quiet = [
      ['a namespaces subject is never examined', anp(`{priority: 1, subject: {namespaces: {matchLabels: {statefulset.kubernetes.io/pod-name: db-1}}}, ${denyFromAll}}`)],
      ['a key both pods share', subject('{matchLabels: {app: db}}')],
      ['Exists on the differing key', subject('{matchExpressions: [{key: statefulset.kubernetes.io/pod-name, operator: Exists}]}')],
      ['an In list that contains both values', subject('{matchExpressions: [{key: statefulset.kubernetes.io/pod-name, operator: In, values: [db-0, db-1]}]}')],
      ['a matchLabels value neither pod has', subject('{matchLabels: {statefulset.kubernetes.io/pod-name: db-2}}')],
      ['a namespaceSelector that does not match the owner\'s namespace', subject('{matchLabels: {statefulset.kubernetes.io/pod-name: db-1}}', '{matchLabels: {kubernetes.io/metadata.name: apps}}')],
    ];
    for (const [name, policy] of quiet) assert.deepEqual(warningsOf(PODS + policy), [], name);
  });

  it('counts a missing label as the empty string, which every In list contains', () => {
    const pods = statefulSet + statefulPod(0);
    const byList = anp(`{priority: 1, subject: {pods: {podSelector: {matchExpressions: [{key: statefulset.kubernetes.io/pod-name, operator: In, values: [db-0]}]}}}, ${denyFromAll}}`);
    assert.deepEqual(warningsOf(pods + byList), []);
    const byLabel = anp(`{priority: 1, subject: {pods: {podSelector: {matchLabels: {statefulset.kubernetes.io/pod-name: db-0}}}}, ${denyFromAll}}`);
    assert.equal(warningsOf(pods + byLabel).length, 1);
  });

  it('examines the BaselineAdminNetworkPolicy and ClusterNetworkPolicies (v1alpha2) alike', () => {
    const banp = `---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: default}\nspec: {subject: {namespaces: {}}, ingress: [{action: Deny, from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {statefulset.kubernetes.io/pod-name: db-0}}}}]}]}\n`;
    const cnp = `---\napiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: cnp}\nspec: {tier: Admin, priority: 3, subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {statefulset.kubernetes.io/pod-name: db-1}}}}, ingress: [{action: Accept, from: [{namespaces: {}}]}]}\n`;
    assert.deepEqual(
      warningsOf(PODS + banp + cnp).map(({ path, message }) => [path.join('.'), message.slice(0, message.indexOf(':'))]),
      [
        ['spec.ingress.0.from.0.pods.podSelector.matchLabels.statefulset.kubernetes.io/pod-name', 'BaselineAdminNetworkPolicy "default"'],
        ['spec.subject.pods.podSelector.matchLabels.statefulset.kubernetes.io/pod-name', 'ClusterNetworkPolicy "cnp"'],
      ],
    );
  });

  it('is a warning of kube-netsec connectivity at the requirement at fault: the connections are still listed', async (context) => {
    const root = tempProject(context, {
      'pods.yaml': PODS,
      'admin.yaml': anp(`{priority: 1, subject: {pods: {podSelector: {matchLabels: {statefulset.kubernetes.io/pod-name: db-1}}}}, ${denyFromAll}}`),
    });
    const { code, out, err } = await runCli(['connectivity', root]);
    assert.equal(code, 0);
    assert.match(out, /apps\/client\[Pod\] => data\/db\[StatefulSet\]/);
    const warnings = err.split('\n').filter((line) => line.includes(': warning: '));
    assert.deepEqual(warnings.map((line) => line.slice(root.length + 1, line.indexOf(': warning: '))), ['admin.yaml:5:66']);
  });
});
