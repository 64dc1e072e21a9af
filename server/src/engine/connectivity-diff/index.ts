// The connectivity difference between two snapshots of manifests (`kube-netsec diff`).
export { compareDiffEndpoints, diffConnections, diffEndpointName, type ChangeStatus, type ConnectionChange, type DiffEndpoint } from './connection-diff';
export { exposuresOf, type Exposure, type ExposureKind } from './exposure';
export { reachesInternet } from './internet-addresses';
export { AllowingObjects, type AllowingObject } from './allowing-object';
export { diffConnectivity, type ConnectivityDiff, type ExposureChange } from './snapshot-diff';
