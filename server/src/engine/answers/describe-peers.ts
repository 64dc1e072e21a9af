import type { ConnectivityAnalysis } from '../connectivity/analysis';
import type { CompiledPolicy, CompiledRule } from '../connectivity/compiled-policy';
import { peerMatchesWorkload, type CompiledPeer } from '../connectivity/rule-peers';
import { isPlainObject } from '../manifest/kube-object';
import { PEERS_KEY, RULES_KEY } from '../policy/network-policy';
import { namespacesText, podsText } from './describe-selector';
import { matchedWorkloads } from './name-lists';

/** What a rule's `from`/`to` matches: "anywhere", or each peer in words with the workloads it matches. */
export function rulePeersText(analysis: ConnectivityAnalysis, policy: CompiledPolicy, rule: CompiledRule): string {
  if (rule.peers === 'everything') return 'anywhere (every pod of every namespace and every address)';
  return rule.peers.map((peer) => peerText(analysis, policy, rule, peer)).join(', or ');
}

function peerText(analysis: ConnectivityAnalysis, policy: CompiledPolicy, rule: CompiledRule, peer: CompiledPeer): string {
  const { namespace } = policy.info;
  switch (peer.kind) {
    case 'invalid':
      return `an invalid peer that matches nothing (${peer.reason})`;
    case 'ipBlock':
      return ipBlockText(policy.info.spec, rule, peer.index);
    case 'selectors': {
      const pods = peer.podSelector ? podsText(peer.podSelector) : 'all pods';
      const where = peer.namespaceSelector ? namespacesText(peer.namespaceSelector) : `\`${namespace}\``;
      const matched = analysis.model.workloads.filter((workload) => peerMatchesWorkload(peer, namespace, workload, analysis.model.namespaces));
      return `${pods} in ${where} (${matchedWorkloads(matched, namespace)})`;
    }
  }
}

/** "addresses in 10.0.0.0/8 except 10.1.0.0/16", as written (the compiled form only keeps the set). */
function ipBlockText(spec: Record<string, unknown>, rule: CompiledRule, peerIndex: number): string {
  const rules = spec[RULES_KEY[rule.direction]];
  const rawRule = Array.isArray(rules) ? rules[rule.index] : undefined;
  const peers = isPlainObject(rawRule) ? rawRule[PEERS_KEY[rule.direction]] : undefined;
  const raw = Array.isArray(peers) ? peers[peerIndex] : undefined;
  const block = isPlainObject(raw) && isPlainObject(raw.ipBlock) ? raw.ipBlock : {};
  const except = Array.isArray(block.except) ? block.except.map(String) : [];
  const cidr = String(block.cidr);
  const whole = cidr === '0.0.0.0/0' || cidr === '::/0';
  const base = whole ? `any address (${cidr})` : `addresses in ${cidr}`;
  return except.length > 0 ? `${base} except ${except.join(', ')}` : base;
}
