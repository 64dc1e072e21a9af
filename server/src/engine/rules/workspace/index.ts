import type { Rule } from '../rule';
import { ingressBackendMissing } from './ingress-backend-missing';
import { namespaceNoDefaultDeny } from './namespace-no-default-deny';
import { netpolEgressBlocksDns } from './netpol-egress-blocks-dns';
import { netpolPeerSelectsNothing } from './netpol-peer-selects-nothing';
import { netpolSelectsNothing } from './netpol-selects-nothing';
import { netpolUnknownNamedPort } from './netpol-unknown-named-port';
import { serviceSelectsNothing } from './service-selects-nothing';
import { serviceTargetPortUnknown } from './service-target-port-unknown';
import { workloadNotIsolated } from './workload-not-isolated';

/** Cross-object rules: workloads against policies, policies against workloads, Services and Ingresses against what they route to. */
export const WORKSPACE_RULES: readonly Rule[] = [
  // Isolation
  namespaceNoDefaultDeny,
  workloadNotIsolated,
  netpolEgressBlocksDns,
  // Policies against the workloads they name
  netpolSelectsNothing,
  netpolPeerSelectsNothing,
  netpolUnknownNamedPort,
  // Services and Ingresses
  serviceSelectsNothing,
  serviceTargetPortUnknown,
  ingressBackendMissing,
];
