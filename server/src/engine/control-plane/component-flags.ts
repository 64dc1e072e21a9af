import { isPlainObject, type KubeObject, type PlainObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import { containersOf, podSpecOf, type ContainerRef } from '../workloads/pod-spec';

/**
 * The command-line flags given to Kubernetes control-plane components, wherever a manifest sets
 * them: the command of a container that runs the component (static pods, hosted control planes),
 * or kubeadm's `extraArgs` (also inside Cluster API's kubeadm objects).
 */
export type ControlPlaneComponent = 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'kubelet';

export interface ComponentFlag {
  /** The flag name without dashes, normalized as the components do (`_` read as `-`). */
  name: string;
  /** The value; undefined when the flag is written alone (`--profiling`), which sets a boolean flag to true. */
  value: string | undefined;
  /** The list item (or `extraArgs` entry) that sets the flag; a shell script item for `sh -c` commands. */
  path: ObjectPath;
  /** For a flag inside a shell script: the word as written and how many identical words precede it. */
  inScript?: { word: string; ordinal: number };
}

export interface ComponentInvocation {
  component: ControlPlaneComponent;
  /** Where the flags come from, for messages: `container "kube-apiserver"`, `apiServer.extraArgs`. */
  source: string;
  /** Whether the flags are the complete command line (a container) or only overrides (kubeadm `extraArgs`). */
  complete: boolean;
  /** The key that starts the component (`command`, `args`, `extraArgs`): where an absent flag is reported. */
  anchor: ObjectPath;
  flags: ComponentFlag[];
}

const COMPONENTS: readonly ControlPlaneComponent[] = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet'];

// `hyperkube <name>` ran every component from one binary (until Kubernetes 1.19).
const HYPERKUBE_COMMANDS: Record<string, ControlPlaneComponent> = {
  apiserver: 'kube-apiserver',
  'kube-apiserver': 'kube-apiserver',
  'controller-manager': 'kube-controller-manager',
  'kube-controller-manager': 'kube-controller-manager',
  scheduler: 'kube-scheduler',
  'kube-scheduler': 'kube-scheduler',
  kubelet: 'kubelet',
};

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
const SHELL_SEPARATORS = new Set(['&&', '||', ';', '|', '&']);

/**
 * Boolean flags of the components that the rules read. Written alone they mean true, and they never
 * take the next item as their value (`--profiling false` leaves "false" as a stray argument).
 */
const BOOLEAN_FLAGS = new Set(['anonymous-auth', 'profiling', 'kubelet-https', 'enable-debugging-handlers']);

/** Every component invocation in an object: containers of workloads, kubeadm and Cluster API configurations. */
export function componentInvocationsOf(object: KubeObject): ComponentInvocation[] {
  const pod = podSpecOf(object);
  if (pod) return containersOf(pod).flatMap((container) => containerInvocation(container) ?? []);
  return kubeadmInvocations(object);
}

/** The last occurrence of a flag (the one the component uses), or undefined. */
export function lastFlag(invocation: ComponentInvocation, name: string): ComponentFlag | undefined {
  for (let i = invocation.flags.length - 1; i >= 0; i--) if (invocation.flags[i].name === name) return invocation.flags[i];
  return undefined;
}

interface Word {
  text: string;
  path: ObjectPath;
  inScript?: { word: string; ordinal: number };
}

function containerInvocation(container: ContainerRef): ComponentInvocation | undefined {
  const command = wordsOf(container.container.command, [...container.path, 'command']);
  const args = wordsOf(container.container.args, [...container.path, 'args']);
  // Without `command` the image's entrypoint runs with `args`; they show the binary only when they start with it.
  const words = command.length > 0 ? [...command, ...args] : args;
  const anchor = [...container.path, command.length > 0 ? 'command' : 'args'];
  const started = startedComponent(words);
  if (!started) return undefined;
  return {
    component: started.component,
    source: `container "${container.name}"`,
    // A script can pass more flags through shell variables (`exec kube-apiserver "$@"`).
    complete: !started.rest.some((word) => word.inScript && word.text.includes('$')),
    anchor,
    flags: parseFlags(started.rest),
  };
}

function wordsOf(list: unknown, path: ObjectPath): Word[] {
  if (!Array.isArray(list)) return [];
  const words: Word[] = [];
  list.forEach((item, index) => {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') words.push({ text: String(item), path: [...path, index] });
  });
  return words;
}

/** Which component a command line starts, and the words after the binary. */
function startedComponent(words: Word[]): { component: ControlPlaneComponent; rest: Word[] } | undefined {
  if (words.length === 0) return undefined;
  const binary = basename(words[0].text);
  const direct = COMPONENTS.find((component) => component === binary);
  if (direct) return { component: direct, rest: words.slice(1) };
  if (binary === 'hyperkube' && words.length > 1 && HYPERKUBE_COMMANDS[words[1].text.trim()]) {
    return { component: HYPERKUBE_COMMANDS[words[1].text.trim()], rest: words.slice(2) };
  }
  // `sh -c "exec kube-apiserver --flag ..."`: the flags are words of the script, all reported on its item.
  if (SHELLS.has(binary) && words.length > 2 && /^-[a-z]*c[a-z]*$/.test(words[1].text.trim())) {
    return scriptComponent(words[2]);
  }
  return undefined;
}

function scriptComponent(script: Word): { component: ControlPlaneComponent; rest: Word[] } | undefined {
  // Line continuations join lines; other line breaks end a command like `;`.
  const words = script.text
    .replace(/\\\r?\n/g, ' ')
    .replace(/\r?\n/g, ' ; ')
    .replace(/(&&|\|\||[;|&])/g, ' $1 ')
    .split(/\s+/)
    .filter((word) => word !== '');
  const seen = new Map<string, number>();
  const tokens: Word[] = words.map((word) => {
    const ordinal = seen.get(word) ?? 0;
    seen.set(word, ordinal + 1);
    return { text: word.replace(/^["']|["']$/g, ''), path: script.path, inScript: { word, ordinal } };
  });
  // Only words in command position start a program: first, or after `exec`, a separator or `VAR=value`.
  let commandPosition = true;
  for (let i = 0; i < tokens.length; i++) {
    const text = tokens[i].text;
    if (SHELL_SEPARATORS.has(text) || (commandPosition && (text === 'exec' || /^[A-Za-z_][A-Za-z0-9_]*=/.test(text)))) {
      commandPosition = true;
      continue;
    }
    const started = commandPosition ? startedComponent(tokens.slice(i)) : undefined;
    commandPosition = false;
    if (!started) continue;
    // The component's flags end where the shell command does.
    const end = started.rest.findIndex((token) => SHELL_SEPARATORS.has(token.text));
    return { component: started.component, rest: end === -1 ? started.rest : started.rest.slice(0, end) };
  }
  return undefined;
}

function basename(text: string): string {
  const trimmed = text.trim();
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

function parseFlags(words: Word[]): ComponentFlag[] {
  const flags: ComponentFlag[] = [];
  for (let i = 0; i < words.length; i++) {
    const text = words[i].text.trim();
    if (text === '--') break;
    if (!text.startsWith('--')) continue;
    const start = i;
    const path = words[i].path;
    const body = text.slice(2);
    const equals = body.indexOf('=');
    const name = normalizeName(equals === -1 ? body : body.slice(0, equals));
    let value = equals === -1 ? undefined : body.slice(equals + 1);
    // `--flag value` as two items: a non-boolean flag takes the next item as its value.
    if (value === undefined && !BOOLEAN_FLAGS.has(name) && i + 1 < words.length && !words[i + 1].text.trim().startsWith('-')) {
      value = words[i + 1].text.trim();
      i++;
    }
    flags.push({ name, value, path, ...(words[start].inScript ? { inScript: words[start].inScript } : {}) });
  }
  return flags;
}

function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/_/g, '-');
}

// Where kubeadm configurations sit: kubeadm's own kinds, and Cluster API's objects that embed them.
const KUBEADM_ROOTS: Record<string, { groups: readonly string[]; path: ObjectPath }> = {
  ClusterConfiguration: { groups: ['kubeadm.k8s.io'], path: [] },
  InitConfiguration: { groups: ['kubeadm.k8s.io'], path: [] },
  JoinConfiguration: { groups: ['kubeadm.k8s.io'], path: [] },
  KubeadmControlPlane: { groups: ['controlplane.cluster.x-k8s.io'], path: ['spec', 'kubeadmConfigSpec'] },
  KubeadmControlPlaneTemplate: { groups: ['controlplane.cluster.x-k8s.io'], path: ['spec', 'template', 'spec', 'kubeadmConfigSpec'] },
  KubeadmConfig: { groups: ['bootstrap.cluster.x-k8s.io'], path: ['spec'] },
  KubeadmConfigTemplate: { groups: ['bootstrap.cluster.x-k8s.io'], path: ['spec', 'template', 'spec'] },
};

const CLUSTER_CONFIGURATION_COMPONENTS: readonly [string, ControlPlaneComponent][] = [
  ['apiServer', 'kube-apiserver'],
  ['controllerManager', 'kube-controller-manager'],
  ['scheduler', 'kube-scheduler'],
];

function kubeadmInvocations(object: KubeObject): ComponentInvocation[] {
  const root = KUBEADM_ROOTS[object.kind];
  if (!root) return [];
  const group = object.apiGroup;
  if (group !== undefined && !root.groups.some((known) => group === known)) return [];
  const invocations: ComponentInvocation[] = [];
  // A kubeadm kind is its own configuration; Cluster API objects hold them under these keys.
  const embedded = root.path.length > 0;
  const clusterPath = embedded ? [...root.path, 'clusterConfiguration'] : object.kind === 'ClusterConfiguration' ? [] : undefined;
  if (clusterPath) {
    for (const [key, component] of CLUSTER_CONFIGURATION_COMPONENTS) {
      const invocation = extraArgsInvocation(object, [...clusterPath, key, 'extraArgs'], component, `${key}.extraArgs`);
      if (invocation) invocations.push(invocation);
    }
  }
  const nodePaths = embedded
    ? [[...root.path, 'initConfiguration'], [...root.path, 'joinConfiguration']]
    : object.kind === 'ClusterConfiguration'
      ? []
      : [[]];
  for (const nodePath of nodePaths) {
    const invocation = extraArgsInvocation(object, [...nodePath, 'nodeRegistration', 'kubeletExtraArgs'], 'kubelet', 'nodeRegistration.kubeletExtraArgs');
    if (invocation) invocations.push(invocation);
  }
  return invocations;
}

/** kubeadm `extraArgs`: a map of flag name to value (up to v1beta3), or a list of `{name, value}` (v1beta4). */
function extraArgsInvocation(object: KubeObject, path: ObjectPath, component: ControlPlaneComponent, source: string): ComponentInvocation | undefined {
  const extraArgs = object.get(path);
  const flags: ComponentFlag[] = [];
  if (isPlainObject(extraArgs)) {
    for (const [name, value] of Object.entries(extraArgs)) flags.push({ name: normalizeName(name), value: scalarText(value) ?? '', path: [...path, name] });
  } else if (Array.isArray(extraArgs)) {
    extraArgs.forEach((entry: unknown, index) => {
      if (!isPlainObject(entry) || typeof entry.name !== 'string') return;
      flags.push({ name: normalizeName(entry.name), value: scalarText((entry as PlainObject).value) ?? '', path: [...path, index] });
    });
  } else {
    return undefined;
  }
  return { component, source, complete: false, anchor: path, flags };
}

function scalarText(value: unknown): string | undefined {
  if (value === null || value === undefined || typeof value === 'object') return undefined;
  return String(value);
}
