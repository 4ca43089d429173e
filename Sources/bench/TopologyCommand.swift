import ArgumentParser
import CommandLineSupport
import Foundation
import Scenarios

/// `bench topology`: prints a mesh without starting it — nodes, degrees, links, diameter and hop
/// distances from one node — so a scenario's shape can be checked before it runs.
struct TopologyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topology",
        abstract: "Print a mesh topology: nodes, degree of each, links, diameter, hop distances from a node.",
        discussion: """
            Examples:
              bench topology --nodes 25 --topology regular --degree 4 --seed 7
              bench topology --nodes 10 --topology line --from 0 --json
            """)

    @OptionGroup var shape: MeshShapeOptions

    @Option(help: "Node the hop distances are measured from.")
    var from = 0

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        guard from >= 0, from < shape.nodes else {
            throw ValidationError("--from \(from) is not a node; nodes are 0…\(shape.nodes - 1)")
        }
    }

    func run() throws {
        let summary = TopologySummary(try shape.build(), from: from)
        if json {
            try Console.output(try summary.jsonText() + "\n")
        } else {
            try Console.output(summary.text())
        }
    }
}
