import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWorkspace, lintWorkspace, mergeConfigs, parseManifest } from '../../../server/src/engine';
import { duplicateObject } from '../../../server/src/engine/rules/workspace/duplicate-object';
import { relativeFileName } from '../../../server/src/engine/text/relative-file-name';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

const deployment = (name: string, namespace?: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: ${name}${namespace === undefined ? '' : `\n    namespace: ${namespace}`}
  spec:
    template:
      metadata:
        labels: {app: ${name}}
`;

const CONSEQUENCE = 'the checks across objects (policies, Services, isolation) use that one, as `kubectl apply` would.';

testRule(duplicateObject, {
  valid: [
    {
      name: 'one definition of each object',
      code: `${deployment('web')}---\n${deployment('api')}`,
      otherFiles: { 'db.yaml': deployment('db') },
    },
    {
      name: 'the same name in different namespaces',
      code: `${deployment('web', 'shop')}---\n${deployment('web', 'staging')}`,
      otherFiles: { 'web.yaml': deployment('web') },
    },
    {
      name: 'the same name for different kinds, and for a core and a Knative Service',
      code: yaml`
        {apiVersion: apps/v1, kind: Deployment, metadata: {name: web}}
        ---
        {apiVersion: v1, kind: Service, metadata: {name: web}}
        ---
        {apiVersion: serving.knative.dev/v1, kind: Service, metadata: {name: web}}
      `,
    },
    {
      name: 'objects named only by generateName',
      code: yaml`
        {apiVersion: batch/v1, kind: Job, metadata: {generateName: migrate-}}
        ---
        {apiVersion: batch/v1, kind: Job, metadata: {generateName: migrate-}}
      `,
    },
    {
      name: 'a kustomize patch of the object is not a definition',
      code: deployment('web'),
      otherFiles: {
        'overlays/prod/kustomization.yaml': 'resources: [../../base]\npatches:\n  - path: replicas.yaml\n',
        'overlays/prod/replicas.yaml': '{apiVersion: apps/v1, kind: Deployment, metadata: {name: web}, spec: {replicas: 3}}\n',
      },
    },
    {
      name: 'a later definition that does not parse (being typed) replaces nothing',
      code: deployment('web'),
      otherFiles: { 'web.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web\n' },
    },
  ],
  invalid: [
    {
      name: 'two definitions in one file: the first is reported',
      code: `${deployment('web', 'shop')}---\n${deployment('web', 'shop')}`,
      findings: [
        {
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 12,
          message: `Deployment "web" in namespace "shop" is defined again at line 14, and that later definition replaces this one: ${CONSEQUENCE}`,
        },
      ],
    },
    {
      name: 'a later file replaces this one (absent namespace = the default one)',
      code: deployment('web'),
      otherFiles: { 'overlays/prod/web.yaml': deployment('web', 'default') },
      findings: [
        {
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 12,
          message: `Deployment "web" in namespace "default" is defined again in overlays/prod/web.yaml at line 4, and that later definition replaces this one: ${CONSEQUENCE}`,
        },
      ],
    },
    {
      name: 'three definitions: both earlier ones name the last',
      code: `${deployment('web')}---\n${deployment('web')}`,
      otherFiles: { 'zz.yaml': `# the last one\n${deployment('web')}` },
      findings: [
        { line: 4, column: 3, endLine: 4, endColumn: 12, message: `Deployment "web" in namespace "default" is defined 3 times; the last definition, in zz.yaml at line 5, replaces this one: ${CONSEQUENCE}` },
        { line: 13, column: 3, endLine: 13, endColumn: 12, message: `Deployment "web" in namespace "default" is defined 3 times; the last definition, in zz.yaml at line 5, replaces this one: ${CONSEQUENCE}` },
      ],
    },
    {
      name: 'an item of a List, replaced by a later document',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
          - {apiVersion: v1, kind: Service, metadata: {name: web}, spec: {ports: [{port: 80}]}}
          - {apiVersion: v1, kind: Service, metadata: {name: api}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {ports: [{port: 8080}]}
      `,
      findings: [{ line: 4, column: 48, endLine: 4, endColumn: 57, message: `Service "web" in namespace "default" is defined again at line 9, and that later definition replaces this one: ${CONSEQUENCE}` }],
    },
    {
      name: 'a cluster-scoped object is named without a namespace, whatever metadata.namespace says',
      code: yaml`
        {apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: reader, namespace: shop}}
        ---
        {apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: reader}}
      `,
      findings: [{ line: 1, column: 74, endLine: 1, endColumn: 86, message: `ClusterRole "reader" is defined again at line 3, and that later definition replaces this one: ${CONSEQUENCE}` }],
    },
    {
      name: 'extensions/v1beta1 and apps/v1 Deployments are one object',
      code: yaml`
        {apiVersion: extensions/v1beta1, kind: Deployment, metadata: {name: web}}
        ---
        {apiVersion: apps/v1, kind: Deployment, metadata: {name: web}}
      `,
      findings: [{ line: 1, column: 63, endLine: 1, endColumn: 72, message: /^Deployment "web" in namespace "default" is defined again at line 3,/ }],
    },
  ],
});

describe('rule duplicate-object: locations', () => {
  const lint = (files: Record<string, string>) => lintWorkspace(buildWorkspace(Object.entries(files).map(([uri, text]) => parseManifest(uri, text))), { rules: [duplicateObject], config: mergeConfigs({}) });

  it('points the finding at the definition that takes effect, which is not reported itself', () => {
    const byFile = lint({ 'file:///repo/base/web.yaml': deployment('web'), 'file:///repo/overlays/prod/web.yaml': `---\n${deployment('web')}` });
    assert.deepEqual(byFile.get('file:///repo/overlays/prod/web.yaml'), []);
    const [finding] = byFile.get('file:///repo/base/web.yaml') ?? [];
    assert.match(finding.message, /is defined again in \.\.\/overlays\/prod\/web\.yaml at line 5,/);
    assert.deepEqual(finding.related, [
      { uri: 'file:///repo/overlays/prod/web.yaml', range: { start: { line: 4, character: 2 }, end: { line: 4, character: 11 } }, message: 'The definition that takes effect' },
    ]);
    assert.equal(finding.severity, 'info');
  });

  it('follows the severity configured for the rule', () => {
    const byFile = lintWorkspace(buildWorkspace([parseManifest('a.yaml', `${deployment('web')}---\n${deployment('web')}`)]), {
      rules: [duplicateObject],
      config: mergeConfigs({ rules: { 'duplicate-object': 'warning' } }),
    });
    assert.deepEqual(byFile.get('a.yaml')?.map((finding) => finding.severity), ['warning']);
  });
});

describe('relativeFileName', () => {
  it('names a file of the same folder by its base name', () => {
    assert.equal(relativeFileName('file:///repo/k8s/a.yaml', 'file:///repo/k8s/b.yaml'), 'b.yaml');
    assert.equal(relativeFileName('a.yaml', 'b.yaml'), 'b.yaml');
  });

  it('names a file of another folder by a path from the first file', () => {
    assert.equal(relativeFileName('file:///repo/base/web.yaml', 'file:///repo/overlays/prod/web.yaml'), '../overlays/prod/web.yaml');
    assert.equal(relativeFileName('deploy/base/web.yaml', 'deploy/web.yaml'), '../web.yaml');
    assert.equal(relativeFileName('C:\\repo\\base\\web.yaml', 'C:\\repo\\prod\\web.yaml'), '../prod/web.yaml');
  });

  it('decodes URIs and names in full what shares no folder', () => {
    assert.equal(relativeFileName('file:///repo/a.yaml', 'file:///repo/my%20app/b.yaml'), 'my app/b.yaml');
    assert.equal(relativeFileName('file:///home/a.yaml', 'file:///srv/b.yaml'), 'file:///srv/b.yaml');
    assert.equal(relativeFileName('untitled:Untitled-1', 'file:///srv/b.yaml'), 'file:///srv/b.yaml');
    assert.equal(relativeFileName('/home/a.yaml', '/srv/b.yaml'), '/srv/b.yaml');
  });
});
