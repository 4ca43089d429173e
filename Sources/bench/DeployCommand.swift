import ArgumentParser
import BenchFormats
import Foundation
import Scenarios

/// `bench deploy`: writes what an orchestrator needs to run a mesh of our node servers.
struct DeployCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Write the manifests that run a mesh of node servers on a cluster (docs/kubernetes.md).",
        subcommands: [DeployKubernetesCommand.self])
}

/// `bench deploy kubernetes`: the ConfigMap, headless Service and StatefulSet of the nodes
/// (`mesh.yaml`) and the driver's Job (`bench-job.yaml`), written together or not at all.
struct DeployKubernetesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubernetes",
        abstract: "Write Kubernetes manifests for a mesh of node servers and a Job that measures it.",
        discussion: """
            Writes DIR/mesh.yaml (ConfigMap, headless Service, StatefulSet) and
            DIR/bench-job.yaml (the Job that runs bench --targets against the pods).
            Example:
              bench deploy kubernetes --nodes 25 --topology regular --degree 4 \\
                  --image registry.example.com/meshbench:1.0 --out k8s
            """)

    @OptionGroup var shape: MeshShapeOptions

    @Option(
        help: ArgumentHelp("Container image with bench at /usr/local/bin (deploy/Containerfile).", valueName: "image"))
    var image = "meshbench:latest"

    @Option(help: ArgumentHelp("Folder to write the manifests into (created if missing).", valueName: "dir"))
    var out = "meshbench-kubernetes"

    func run() throws {
        let manifests: KubernetesManifests
        do {
            manifests = try KubernetesManifests(topology: try shape.build(), seed: shape.seed, image: image)
        } catch let error as StandaloneConfigError {
            throw UsageError(error.description)
        }
        let files = try manifests.files()
        let commit = FileCommit()
        do {
            for file in files {
                try commit.add(
                    Array(file.text.utf8), to: (out as NSString).appendingPathComponent(file.name), createFolder: true)
            }
            try commit.commit()
        } catch {
            throw UsageError("\(error)")
        }
        for file in files { print((out as NSString).appendingPathComponent(file.name)) }
    }
}
