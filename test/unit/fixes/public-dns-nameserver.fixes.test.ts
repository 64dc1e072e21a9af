import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintManifest, mergeConfigs, parseManifest } from '../../../server/src/engine';
import { publicDnsNameserver } from '../../../server/src/engine/rules/pod/public-dns-nameserver';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

const ONLY_RESOLVERS_OF_THE_POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: crawler}
  spec:
    dnsPolicy: None
    dnsConfig:
      nameservers: [8.8.8.8, 10.0.0.53]
    containers: [{name: crawler}]
`;

const SHARED_THROUGH_ALIAS_AND_MERGE = yaml`
  apiVersion: v1
  kind: List
  items:
    - apiVersion: v1
      kind: ConfigMap
      metadata: {name: shared}
      data:
        nameservers: &nameservers [9.9.9.9]
        dns: &dns {nameservers: [1.1.1.1]}
    - apiVersion: v1
      kind: Pod
      metadata: {name: aliased}
      spec:
        dnsConfig: {nameservers: *nameservers}
        containers: [{name: a}]
    - apiVersion: v1
      kind: Pod
      metadata: {name: merged}
      spec:
        dnsConfig:
          <<: *dns
          searches: [corp.example.com]
        containers: [{name: b}]
`;

testFixes(publicDnsNameserver, [
  {
    name: 'with the cluster DNS kept (no dnsPolicy), the public one goes, not preferred; comments and the private one stay',
    code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: crawler
      spec:
        template:
          spec:
            dnsConfig:
              nameservers:
                # the office resolver
                - 10.0.0.53
                - 8.8.8.8 # fallback
              options:
                - name: ndots
                  value: "2"
            containers:
              - name: crawler
    `,
    fixes: [
      {
        title: 'Remove nameserver 8.8.8.8',
        preferred: false,
        output: yaml`
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: crawler
          spec:
            template:
              spec:
                dnsConfig:
                  nameservers:
                    # the office resolver
                    - 10.0.0.53
                  options:
                    - name: ndots
                      value: "2"
                containers:
                  - name: crawler
        `,
      },
    ],
  },
  {
    name: 'the only nameserver, quoted, with the node resolver kept (Default), in a CRLF file indented by 4 with flush sequences',
    code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: crawler\r\nspec:\r\n    dnsPolicy: Default\r\n    dnsConfig:\r\n        nameservers:\r\n        - "1.1.1.1"\r\n        searches:\r\n        - corp.example.com\r\n    containers:\r\n    - name: crawler\r\n',
    fixes: [
      {
        title: 'Remove nameserver 1.1.1.1',
        output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: crawler\r\nspec:\r\n    dnsPolicy: Default\r\n    dnsConfig:\r\n        searches:\r\n        - corp.example.com\r\n    containers:\r\n    - name: crawler\r\n',
      },
    ],
  },
  {
    name: 'flow style in a CronJob in the middle of a multi-document file: an emptied dnsConfig goes whole',
    code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a}
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: crawl}
      spec: {jobTemplate: {spec: {template: {spec: {dnsPolicy: ClusterFirst, dnsConfig: {nameservers: ['2606:4700:4700::1111']}, containers: [{name: c}]}}}}}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c}
    `,
    fixes: [
      {
        title: 'Remove nameserver 2606:4700:4700::1111',
        output: yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
          ---
          apiVersion: batch/v1
          kind: CronJob
          metadata: {name: crawl}
          spec: {jobTemplate: {spec: {template: {spec: {dnsPolicy: ClusterFirst, containers: [{name: c}]}}}}}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        `,
      },
    ],
  },
  {
    name: 'with dnsPolicy None the nameservers are all the pod has: no fix',
    code: ONLY_RESOLVERS_OF_THE_POD,
    fixes: [],
  },
  {
    name: 'nameservers from an alias or a merge key are shared text: no edit is offered',
    code: SHARED_THROUGH_ALIAS_AND_MERGE,
    fixes: [],
  },
]);

describe('public-dns-nameserver without a fix', () => {
  it('still reports the nameservers', () => {
    const count = (code: string) => lintManifest(parseManifest('test.yaml', code), { config: mergeConfigs({}) }).filter((finding) => finding.ruleId === publicDnsNameserver.id).length;
    assert.equal(count(ONLY_RESOLVERS_OF_THE_POD), 1);
    assert.equal(count(SHARED_THROUGH_ALIAS_AND_MERGE), 2);
  });
});
