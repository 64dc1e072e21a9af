import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintManifest, parseManifest } from '../../../server/src/engine';
import { yaml } from '../../support/dedent';

// The rules these tests suppress, and the rules about suppressions; other rules may fire on the fixtures.
const FOLLOWED = /^(host-network|host-port|suppression-.*)$/;

function ruleIdsAt(text: string): string[] {
  return lintManifest(parseManifest('f.yaml', text)).filter((finding) => FOLLOWED.test(finding.ruleId)).map((finding) => `${finding.range.start.line + 1} ${finding.ruleId}`);
}

describe('suppressions', () => {
  it('a next-line comment suppresses only the named rules on the next line with content', () => {
    assert.deepEqual(
      ruleIdsAt(yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        # kube-netsec-disable-next-line host-network, host-port -- node agent

        spec: {hostNetwork: true, containers: [{name: a, ports: [{hostPort: 80}]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b}
        spec:
          # kube-netsec-disable-next-line host-network -- node agent
          hostNetwork: true
          containers:
            - name: a
              ports: [{hostPort: 80}]
      `),
      ['16 host-port'],
    );
  });

  it('a document comment covers its whole document and no other', () => {
    assert.deepEqual(
      ruleIdsAt(yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec: {hostNetwork: true}
        # kube-netsec-disable host-network -- the comment may stand anywhere in the document
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b}
        spec: {hostNetwork: true}
      `),
      ['10 host-network'],
    );
  });

  it('an annotation covers its object only, including every container of it', () => {
    assert.deepEqual(
      ruleIdsAt(yaml`
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Pod
            metadata:
              name: a
              annotations: {kube-netsec.io/ignore-host-port: "node-local metrics"}
            spec:
              containers: [{name: x, ports: [{hostPort: 1}]}]
              initContainers: [{name: y, ports: [{hostPort: 2}]}]
          - apiVersion: v1
            kind: Pod
            metadata: {name: b}
            spec:
              containers: [{name: x, ports: [{hostPort: 3}]}]
      `),
      ['16 host-port'],
    );
  });

  it('a suppressed finding whose suppression lacks a reason is still suppressed, with a hint', () => {
    assert.deepEqual(
      ruleIdsAt(yaml`
        apiVersion: v1
        kind: Pod
        spec:
          # kube-netsec-disable-next-line host-network
          hostNetwork: true
      `),
      ['4 suppression-missing-reason'],
    );
  });

  it('ignores directive-like text that is not a comment', () => {
    assert.deepEqual(
      ruleIdsAt(yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          annotations: {note: "x# kube-netsec-disable-next-line host-network -- no"}
        spec:
          hostNetwork: true
      `),
      ['6 host-network'],
    );
  });
});
