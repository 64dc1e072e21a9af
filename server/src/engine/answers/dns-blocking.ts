import type { ClusterDnsConfig } from '../config/lint-config';
import type { ConnectivityAnalysis } from '../connectivity/analysis';
import type { CompiledPolicy } from '../connectivity/compiled-policy';
import type { Workload } from '../model';
import { blockedDns as blockedDnsTraffic } from '../rules/workspace/dns-access';

/**
 * The DNS traffic egress policies leave no way to (the judgement of the `netpol-egress-blocks-dns`
 * rule, toward the configured cluster DNS, for `workload`'s resolvers when given): "UDP and TCP
 * 53", "UDP 53", "TCP 53", or undefined when every DNS protocol gets through.
 */
export function blockedDns(analysis: ConnectivityAnalysis, dns: ClusterDnsConfig, policies: readonly CompiledPolicy[], workload?: Workload): string | undefined {
  return blockedDnsTraffic(analysis, dns, policies, workload)?.text;
}
