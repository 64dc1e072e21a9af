import type { Rule } from '../rule';
import { apiserverAuditDisabled } from './apiserver-audit-disabled';
import { apiserverInsecureFlags } from './apiserver-insecure-flags';
import { calicoAllowAll } from './calico-allow-all';
import { ciliumAllowWorld } from './cilium-allow-world';
import { istioAuthzAllowAll } from './istio-authz-allow-all';
import { istioDestinationruleTlsDisabled } from './istio-destinationrule-tls-disabled';
import { istioMtlsPermissive } from './istio-mtls-permissive';
import { istioSidecarBypass } from './istio-sidecar-bypass';
import { kubeletUnauthenticatedAccess } from './kubelet-unauthenticated-access';
import { linkerdSkipPorts } from './linkerd-skip-ports';
import { meshInjectionDisabled } from './mesh-injection-disabled';
import { rbacNetworkPolicyWrite } from './rbac-network-policy-write';

/** Service mesh, CNI policy, RBAC and control-plane rules. */
export const PLATFORM_RULES: readonly Rule[] = [
  // service mesh
  istioMtlsPermissive,
  istioDestinationruleTlsDisabled,
  istioAuthzAllowAll,
  istioSidecarBypass,
  meshInjectionDisabled,
  linkerdSkipPorts,
  // CNI policies
  ciliumAllowWorld,
  calicoAllowAll,
  // RBAC and control plane
  rbacNetworkPolicyWrite,
  apiserverAuditDisabled,
  apiserverInsecureFlags,
  kubeletUnauthenticatedAccess,
];
