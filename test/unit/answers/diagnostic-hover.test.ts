import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWorkspace, DEFAULT_CONFIG, lintWorkspaceLocated, parseManifest, type AnswerContext, type LocatedFinding } from '../../../server/src/engine';
import { diagnosticHover, findingsAt } from '../../../server/src/engine/answers/diagnostic-hover';
import { yaml } from '../../support/dedent';

const code = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: debug, namespace: tools}
  spec:
    hostNetwork: true
    containers:
      - name: shell
        image: nicolaka/netshoot:v0.13
`;
const file = parseManifest('file:///work/debug.yaml', code);
const workspace = buildWorkspace([file]);
const findings = lintWorkspaceLocated(workspace).get(file.uri) ?? [];
const hostNetwork = findings.find(({ finding }) => finding.ruleId === 'host-network');

function contextWith(extra: Partial<AnswerContext> = {}): AnswerContext {
  return { file, workspace, findings, config: DEFAULT_CONFIG, ...extra };
}

/** A copy of the host-network finding under another rule (or message), at the same place. */
function sameRangeAs(located: LocatedFinding, ruleId: string, message = located.finding.message): LocatedFinding {
  return { ...located, finding: { ...located.finding, ruleId, message } };
}

describe('diagnosticHover', () => {
  it('explains a host-network finding in its object, how to fix it, and lists the fix titles given', () => {
    assert.ok(hostNetwork, 'the fixture has a host-network finding');
    const titles: LocatedFinding[] = [];
    const markdown = diagnosticHover(
      contextWith({
        fixTitles: (located) => (titles.push(located), ['Remove hostNetwork: true', 'Set hostNetwork: false']),
        ruleLink: (ruleId) => `https://kube-netsec.example/rules/${ruleId}`,
      }),
      [hostNetwork],
    );
    assert.equal(titles[0], hostNetwork, 'the fix titles are asked for the reported finding itself');
    assert.equal(
      markdown,
      [
        '**Pod uses the host network namespace** · [`host-network`](https://kube-netsec.example/rules/host-network) · warning · Pod debug',
        "hostNetwork: true puts this pod in the node's network namespace: it can reach node-local services and bind node ports, and NetworkPolicies do not isolate it.",
        "**Why it matters:** With `hostNetwork: true` the pod shares the node's network namespace: it sees every interface of the node, can bind any node port, can reach services listening on the node's loopback (the kubelet, metadata agents), and NetworkPolicies do not reliably apply to it because its traffic carries the node's IP address.",
        '**How to fix:** Remove `hostNetwork: true` (or set it to `false`) and expose the pod through a Service. Keep host networking for node-level agents (CNI, node exporters) only, in a dedicated namespace with restricted access.',
        '**Quick fixes:**\n- Remove hostNetwork: true\n- Set hostNetwork: false',
      ].join('\n\n'),
    );
  });

  it('says nothing about quick fixes when there are none, and names the rule without a link when there is none', () => {
    const markdown = diagnosticHover(contextWith({ fixTitles: () => [] }), [hostNetwork!]);
    assert.doesNotMatch(markdown, /Quick fixes/);
    assert.match(markdown, /^\*\*Pod uses the host network namespace\*\* · `host-network` · warning/);
    assert.doesNotMatch(diagnosticHover(contextWith(), [hostNetwork!]), /Quick fixes/);
  });

  it('keeps long explanations to their first sentences, pointing to the rule page for the rest', () => {
    const located = sameRangeAs(hostNetwork!, 'netpol-egress-blocks-dns', 'NetworkPolicy "deny" isolates the egress of the pods it selects and no egress rule lets them reach DNS.');
    const markdown = diagnosticHover(contextWith({ ruleLink: (ruleId) => `https://kube-netsec.example/rules/${ruleId}` }), [located]);
    const why = markdown.split('\n\n').find((part) => part.startsWith('**Why it matters:**'))!;
    assert.match(why, /^\*\*Why it matters:\*\* Once a NetworkPolicy selects a pod for egress, .*breaks name resolution/);
    assert.doesNotMatch(why, /The rule reports/, 'the details of what the rule checks are left to its page');
    assert.match(markdown, /\n\n\[More on the rule page\]\(https:\/\/kube-netsec\.example\/rules\/netpol-egress-blocks-dns\)$/);
    assert.equal(markdown.match(/More on the rule page/g)?.length, 1);
  });

  it('gives several findings at one place one section each, capped', () => {
    const located = [hostNetwork!, sameRangeAs(hostNetwork!, 'net-raw-not-dropped', 'Container "shell" keeps NET_RAW.')];
    const sections = diagnosticHover(contextWith(), located).split('\n\n---\n\n');
    assert.equal(sections.length, 2);
    assert.match(sections[0], /^\*\*Pod uses the host network namespace\*\*/);
    assert.match(sections[1], /`net-raw-not-dropped`[\s\S]*Container "shell" keeps NET\\_RAW\./);
    const many = ['host-port', 'privileged-container', 'ssh-port', 'sensitive-port', 'unsafe-net-sysctl'].map((ruleId) => sameRangeAs(hostNetwork!, ruleId));
    const capped = diagnosticHover(contextWith(), many).split('\n\n---\n\n');
    assert.equal(capped.length, 5);
    assert.equal(capped[4], 'And 1 more finding here: see the Problems panel.');
  });

  it('escapes Markdown in messages and fix titles', () => {
    const located = sameRangeAs(hostNetwork!, 'ingress-wildcard-host', 'Host *.example.com answers <any> name');
    const markdown = diagnosticHover(contextWith({ fixTitles: () => ['Replace *.example.com'] }), [located]);
    assert.match(markdown, /Host \\\*\.example\.com answers \\<any\\> name/);
    assert.match(markdown, /- Replace \\\*\.example\.com/);
  });
});

describe('findingsAt', () => {
  it('holds the start of a range and not its end', () => {
    const { start, end } = hostNetwork!.finding.range;
    assert.deepEqual(findingsAt(findings, start), [hostNetwork]);
    assert.deepEqual(findingsAt(findings, { line: start.line, character: end.character - 1 }), [hostNetwork]);
    assert.deepEqual(findingsAt(findings, end), []);
    assert.deepEqual(findingsAt(findings, { line: 0, character: 0 }), []);
  });
});
