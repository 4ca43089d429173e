import Foundation
import Mesh

/// The Kubernetes manifests of one mesh (`bench deploy kubernetes`, docs/kubernetes.md): what
/// users apply to run our node servers on a cluster and measure them from a Job with the same
/// driver by address as every other placement.
///
/// `mesh.yaml` holds the ConfigMap (the mesh file every node reads, peers by their stable DNS
/// names, and the targets file of the driver, placement `kubernetes`), the headless Service that
/// gives pod *i* the name `meshbench-node-<i>.meshbench-node` (published before the pods are
/// ready, so peers can dial one another while their links come up), and the StatefulSet (pods
/// started in parallel: an ordered start would wait for pod 0 to be ready, which needs its
/// peers). `bench-job.yaml` holds the Job that runs `bench --targets` against the pods and keeps
/// the samples in its pod until they are copied out. The text is a pure function of the options:
/// the same options give the same bytes.
public struct KubernetesManifests: Sendable {
    public let topology: Topology
    public let seed: UInt64
    public let image: String

    /// The port every node listens on (peers, clients and probes).
    public static let port = 7000
    /// Most nodes one set of manifests describes: the mesh and targets files stay far below the
    /// 1 MiB a ConfigMap may hold.
    public static let maximumNodes = 1_000
    /// The scenarios the Job runs: propagation per hop and the mesh's throughput knee, with every
    /// node's counters read from `/counters` (the same as `tier3.netns-10`).
    public static let jobScenarios = ["external.propagation", "external.mesh-ingest"]
    /// Where the Job's pod keeps the samples.
    public static let samplesPath = "/samples/run.jsonl.gz"

    /// Checks the options; a bad one names the flag and the fix.
    public init(topology: Topology, seed: UInt64, image: String) throws(StandaloneConfigError) {
        guard topology.nodeCount <= Self.maximumNodes else {
            throw .invalid(
                place: "--nodes \(topology.nodeCount)", reason: "at most \(Self.maximumNodes) nodes per mesh")
        }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./:_@-")
        guard !image.isEmpty, image.allSatisfy(allowed.contains),
            image.first?.isLetter == true || image.first?.isNumber == true
        else {
            throw .invalid(
                place: "--image \(image)",
                reason: "not an image reference; write e.g. registry.example.com/meshbench:1.0")
        }
        self.topology = topology
        self.seed = seed
        self.image = image
    }

    /// The files to write, by name, in the order they are applied.
    public func files() throws -> [(name: String, text: String)] {
        [("mesh.yaml", try meshManifests()), ("bench-job.yaml", jobManifest())]
    }

    /// Node *i*'s stable address inside the namespace.
    static func address(of node: Int) -> HostPort {
        HostPort(host: "meshbench-node-\(node).meshbench-node", port: port)
    }

    var meshFile: MeshFile {
        MeshFile(topology: topology, addresses: (0..<topology.nodeCount).map(Self.address(of:)), seed: seed)
    }

    private func meshManifests() throws -> String {
        let mesh = meshFile
        return """
            # MeshBench: \(topology.nodeCount) node servers, \(topology.edges.count) links, seed \(seed). Written by `bench deploy kubernetes`;
            # apply with `kubectl apply -f mesh.yaml`, then wait for every pod to be ready (docs/kubernetes.md).
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: meshbench-mesh
              labels:
                app.kubernetes.io/part-of: meshbench
            data:
              mesh.json: |
            \(Self.indented(try mesh.json(), by: 4))
              targets.json: |
            \(Self.indented(try mesh.targetsJSON(placement: "kubernetes"), by: 4))
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: meshbench-node
              labels:
                app.kubernetes.io/part-of: meshbench
            spec:
              clusterIP: None
              publishNotReadyAddresses: true
              selector:
                app.kubernetes.io/name: meshbench-node
              ports:
                - name: mesh
                  port: \(Self.port)
                  targetPort: mesh
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: meshbench-node
              labels:
                app.kubernetes.io/part-of: meshbench
            spec:
              serviceName: meshbench-node
              replicas: \(topology.nodeCount)
              podManagementPolicy: Parallel
              selector:
                matchLabels:
                  app.kubernetes.io/name: meshbench-node
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: meshbench-node
                    app.kubernetes.io/part-of: meshbench
                spec:
                  containers:
                    - name: node
                      image: \(Self.quoted(image))
                      imagePullPolicy: IfNotPresent
                      args: ["node-server", "--mesh", "/etc/meshbench/mesh.json", "--index-from-hostname", "--listen", "0.0.0.0:\(Self.port)", "--store", "/data/node.sqlite"]
                      ports:
                        - name: mesh
                          containerPort: \(Self.port)
                      readinessProbe:
                        httpGet:
                          path: /readyz
                          port: mesh
                        periodSeconds: 2
                        failureThreshold: 1
                      livenessProbe:
                        httpGet:
                          path: /healthz
                          port: mesh
                        initialDelaySeconds: 10
                        periodSeconds: 10
                        failureThreshold: 3
                      resources:
                        requests:
                          cpu: 250m
                          memory: 128Mi
                        limits:
                          cpu: "1"
                          memory: 512Mi
                      volumeMounts:
                        - name: mesh
                          mountPath: /etc/meshbench
                          readOnly: true
                        - name: data
                          mountPath: /data
                  volumes:
                    - name: mesh
                      configMap:
                        name: meshbench-mesh
                    - name: data
                      emptyDir: {}

            """
    }

    private func jobManifest() -> String {
        let scenarios = Self.jobScenarios.map { "--scenario \($0)" }.joined(separator: " ")
        return """
            # MeshBench: the driver. Apply once every node pod is ready; it writes the samples to \(Self.samplesPath)
            # in its pod and waits (up to 1 hour) until they are copied out (docs/kubernetes.md).
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: meshbench-bench
              labels:
                app.kubernetes.io/part-of: meshbench
            spec:
              backoffLimit: 0
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: meshbench-bench
                    app.kubernetes.io/part-of: meshbench
                spec:
                  restartPolicy: Never
                  containers:
                    - name: bench
                      image: \(Self.quoted(image))
                      imagePullPolicy: IfNotPresent
                      command:
                        - /bin/sh
                        - -c
                        - |
                          bench --targets /etc/meshbench/targets.json \(scenarios) --out \(Self.samplesPath)
                          status=$?
                          echo "$status" > /samples/done
                          echo "bench exited $status; samples in $HOSTNAME:\(Self.samplesPath) (kubectl cp $HOSTNAME:\(Self.samplesPath) run.jsonl.gz), then: kubectl exec $HOSTNAME -- touch /samples/copied"
                          waited=0
                          while [ ! -e /samples/copied ] && [ "$waited" -lt 3600 ]; do sleep 5; waited=$((waited + 5)); done
                          exit "$status"
                      readinessProbe:
                        exec:
                          command: ["test", "-e", "/samples/done"]
                        periodSeconds: 2
                      resources:
                        requests:
                          cpu: "1"
                          memory: 256Mi
                        limits:
                          cpu: "2"
                          memory: 1Gi
                      volumeMounts:
                        - name: mesh
                          mountPath: /etc/meshbench
                          readOnly: true
                        - name: samples
                          mountPath: /samples
                  volumes:
                    - name: mesh
                      configMap:
                        name: meshbench-mesh
                    - name: samples
                      emptyDir: {}

            """
    }

    /// `data` (UTF-8 JSON) as a YAML block scalar's lines, each indented by `spaces`.
    private static func indented(_ data: Data, by spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { pad + $0 }.joined(separator: "\n")
    }

    /// A YAML double-quoted scalar (JSON's string syntax is YAML's); the image is checked to hold
    /// no quote or backslash.
    private static func quoted(_ text: String) -> String { "\"\(text)\"" }
}
