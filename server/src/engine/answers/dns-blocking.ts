import type { ConnectivityAnalysis } from '../connectivity/analysis';
import type { CompiledPolicy } from '../connectivity/compiled-policy';
import { policiesAllowDns } from '../rules/workspace/dns-access';

/**
 * The DNS traffic egress policies leave no way to (with the judgement of the
 * `netpol-egress-blocks-dns` rule: a rule allows DNS when its peers could hold a DNS server):
 * "UDP and TCP 53", "UDP 53", "TCP 53", or undefined when both are allowed.
 */
export function blockedDns(analysis: ConnectivityAnalysis, policies: readonly CompiledPolicy[]): string | undefined {
  const udp = policiesAllowDns(analysis, policies, 'UDP');
  const tcp = policiesAllowDns(analysis, policies, 'TCP');
  if (udp && tcp) return undefined;
  if (!udp && !tcp) return 'UDP and TCP 53';
  return udp ? 'TCP 53' : 'UDP 53';
}
