// Commands the engine's answers ask the editor to run. A module of constants only, so the VS Code
// client can share them without bundling any engine code.

/** The command a workload's lens runs: the editor shows the workload's inbound and outbound connections. */
export const SHOW_WORKLOAD_CONNECTIONS = 'kubeNetsec.showWorkloadConnections';
