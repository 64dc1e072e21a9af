import type { Rule } from '../rule';
import { hostNetwork } from './host-network';
import { hostPort } from './host-port';
import { netCapabilityAdded } from './net-capability-added';
import { netRawNotDropped } from './net-raw-not-dropped';
import { privilegedContainer } from './privileged-container';
import { publicDnsNameserver } from './public-dns-nameserver';
import { sensitivePort } from './sensitive-port';
import { sshPort } from './ssh-port';
import { unsafeNetSysctl } from './unsafe-net-sysctl';

/** Pod and container networking rules. */
export const POD_RULES: readonly Rule[] = [
  hostNetwork,
  hostPort,
  privilegedContainer,
  netCapabilityAdded,
  netRawNotDropped,
  unsafeNetSysctl,
  sshPort,
  sensitivePort,
  publicDnsNameserver,
];
