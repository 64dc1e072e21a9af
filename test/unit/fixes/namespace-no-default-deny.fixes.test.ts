import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { FixChecker, fixAllOfFile, lintWorkspaceLocated, mergeConfigs, parseManifest } from '../../../server/src/engine';
import { namespaceNoDefaultDeny } from '../../../server/src/engine/rules/workspace/namespace-no-default-deny';
import { yaml } from '../../support/dedent';
import { offeredFixes, testFixes } from '../fix-tester';

const shop = yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: shop
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    namespace: shop
  spec:
    template:
      metadata:
        labels: {app: web}
      spec:
        containers: [{name: web, image: web:1}]
`;

const denyBoth = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: default-deny
    namespace: shop
  spec:
    podSelector: {}
    policyTypes:
      - Ingress
      - Egress
`;

const allowDns = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: allow-dns
    namespace: shop
  spec:
    podSelector: {}
    policyTypes:
      - Egress
    egress:
      - to:
          - namespaceSelector:
              matchLabels:
                kubernetes.io/metadata.name: kube-system
            podSelector:
              matchLabels:
                k8s-app: kube-dns
        ports:
          - protocol: UDP
            port: 53
          - protocol: TCP
            port: 53
`;

const bothTitle = 'Add default deny for namespace shop (ingress and egress) with DNS allowed';
const bothInNewFile = `${bothTitle} in networkpolicies/shop.yaml`;

// The Namespace object carries the finding (ingress and egress): it gets both fixes.
const bothFixes = [
  { title: bothTitle, preferred: false, output: `${shop}---\n${denyBoth}---\n${allowDns}` },
  { title: bothInNewFile, preferred: false, output: shop },
];

testFixes(namespaceNoDefaultDeny, [
  { name: 'a namespace denying nothing gets a default deny for both directions and DNS, at the end of its file', code: shop, fixes: bothFixes },
  {
    name: 'a CRLF file without a final line end: the separator and the policies keep its line ends',
    code: shop.replace(/\n$/, '').replace(/\n/g, '\r\n'),
    fixes: [bothFixes].flatMap(([inFile, beside]) => [
      { ...inFile, output: `${shop}---\n${denyBoth}---\n${allowDns}`.replace(/\n/g, '\r\n') },
      { ...beside, output: shop.replace(/\n$/, '').replace(/\n/g, '\r\n') },
    ]),
  },
  {
    name: 'workloads that name no namespace: the policies name none either, so they land with them',
    code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          metadata:
            labels: {app: web}
    `,
    fixes: [
      {
        title: 'Add default deny for namespace default (ingress and egress) with DNS allowed',
        output: `${yaml`
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
          spec:
            template:
              metadata:
                labels: {app: web}
        `}---\n${denyBoth.replace('  namespace: shop\n', '')}---\n${allowDns.replace('  namespace: shop\n', '')}`,
      },
      { title: 'Add default deny for namespace default (ingress and egress) with DNS allowed in networkpolicies/default.yaml', output: yaml`
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
          spec:
            template:
              metadata:
                labels: {app: web}
        ` },
    ],
  },
  {
    name: 'ingress already denied elsewhere: only egress is added, beside a policy that took the name allow-dns',
    code: shop,
    otherFiles: {
      'policies.yaml': yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: default-deny-ingress, namespace: shop}
        spec: {podSelector: {}, policyTypes: [Ingress]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-dns, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Ingress]
      `,
    },
    fixes: [
      {
        title: 'Add default deny for namespace shop (egress) with DNS allowed',
        preferred: false,
        output: `${shop}---\n${denyBoth.replace('name: default-deny', 'name: default-deny-egress').replace('    - Ingress\n', '')}---\n${allowDns.replace('name: allow-dns', 'name: allow-dns-2')}`,
      },
      { title: 'Add default deny for namespace shop (egress) with DNS allowed in networkpolicies/shop.yaml', output: shop },
    ],
  },
  {
    name: 'egress already denied with DNS allowed: only ingress is added, without another DNS policy',
    code: shop,
    otherFiles: {
      'policies.yaml': `${denyBoth.replace('name: default-deny', 'name: default-deny-egress').replace('    - Ingress\n', '')}---\n${allowDns}`,
    },
    fixes: [
      { title: 'Add default deny for namespace shop (ingress)', preferred: false, output: `${shop}---\n${denyBoth.replace('name: default-deny', 'name: default-deny-ingress').replace('    - Egress\n', '')}` },
      { title: 'Add default deny for namespace shop (ingress) in networkpolicies/shop.yaml', output: shop },
    ],
  },
  {
    name: 'the policy file beside already exists: only the end-of-file fix is offered',
    code: yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: shop}
      spec:
        containers: [{name: web, image: web:1}]
    `,
    otherFiles: { 'networkpolicies/shop.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: notes, namespace: shop}\n' },
    fixes: [{
      title: bothTitle,
      output: `${yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop}
        spec:
          containers: [{name: web, image: web:1}]
      `}---\n${denyBoth}---\n${allowDns}`,
    }],
    notOffered: [bothInNewFile],
  },
]);

describe('the default-deny fix in a new file', () => {
  it('creates networkpolicies/<namespace>.yaml beside the file, holding the policies alone', () => {
    const fix = offeredFixes(namespaceNoDefaultDeny, shop, {}, {}).find((candidate) => candidate.title === bothInNewFile);
    assert.ok(fix, 'the new-file fix is offered');
    assert.deepEqual(
      fix.edits.map((edit) => [edit.uri, edit.create]),
      [['networkpolicies/shop.yaml', true]],
    );
    assert.equal(fix.results.get('networkpolicies/shop.yaml'), `${denyBoth}---\n${allowDns}`);
  });
});

describe('the default-deny fix of the documented example', () => {
  it('turns the insecure example into the fixed one (the same objects, in the fix\'s layout)', () => {
    const { insecure, fixed } = namespaceNoDefaultDeny.examples;
    const inFile = offeredFixes(namespaceNoDefaultDeny, insecure).find((fix) => fix.kind === 'insert-policy' && fix.edits.every((edit) => !edit.create));
    assert.ok(inFile);
    const values = (text: string) => parseAllDocuments(text).map((document) => document.toJS());
    assert.deepEqual(values(inFile.results.get('test.yaml') ?? ''), values(fixed));
  });
});

describe('fixing all of a file', () => {
  it('has one finding for a namespace of two workloads, and its policies cover both directions', () => {
    const deployment = shop.split('---\n')[1];
    const code = `${deployment}---\n${deployment.replace(/web/g, 'api')}`.replace(/\n$/, '');
    const config = mergeConfigs({});
    const checker = new FixChecker({ files: [parseManifest('test.yaml', code)], textOf: (uri) => (uri === 'test.yaml' ? code : undefined), config });
    const located = (lintWorkspaceLocated(checker.workspace, { config }).get('test.yaml') ?? []).filter((entry) => entry.finding.ruleId === namespaceNoDefaultDeny.id);
    assert.deepEqual(
      located.map((entry) => entry.finding.message.slice(0, entry.finding.message.indexOf(':'))),
      ['Namespace "shop" of Deployment "web" and Deployment "api" has no NetworkPolicy selecting all its pods for ingress or egress'],
    );
    // A default deny cuts connections across the namespace: it is never applied unasked.
    assert.deepEqual(fixAllOfFile('test.yaml', located, checker).fixed, []);
    // Were it preferred, the fix would be applied once and remove the finding.
    const original = namespaceNoDefaultDeny.fixes!;
    namespaceNoDefaultDeny.fixes = function* (input) {
      for (const fix of original(input)) yield { ...fix, preferred: !fix.edits.some((edit) => edit.create) };
    };
    try {
      const all = fixAllOfFile('test.yaml', located, new FixChecker({ ...checker.environment }));
      assert.equal(all.fixed.length, 1);
      assert.equal(all.text, `${code}\n---\n${denyBoth}---\n${allowDns}`);
    } finally {
      namespaceNoDefaultDeny.fixes = original;
    }
  });
});
