import Foundation
import NIOConcurrencyHelpers
import Mesh
import NostrClient

/// A mesh whose every node is a standalone node server (`bench node-server`) in its own Linux
/// network namespace, with its own address on a bridge made for the run: node *i*'s `eth0` is
/// 198.18.X.(10 + i), the host end of its veth pair hangs on bridge `mbnx<pid>b` (198.18.X.1),
/// and nodes reach one another only through that bridge, never over loopback. The driver (this
/// process) reaches them through the bridge too. The links add no delay: this kernel has no
/// netem.
///
/// Everything is removed by `tearDown` (the processes, the namespaces and with them the veth
/// pairs, the bridge, the stores), also when set-up fails half way and on SIGINT or SIGTERM
/// while the mesh exists; what a killed earlier run left is removed before a new one starts.
///
/// Thread safety: `tearDown` takes a lock and runs once, from whichever thread calls it first
/// (the owner, or the signal handler's queue); the rest is set once in `start`, before the mesh
/// is shared. `@unchecked Sendable` rests on that invariant (the lock guards only what `tearDown`
/// reads); `NamespaceMeshTests` (as root) forms meshes and tears them down.
public final class NamespaceMesh: @unchecked Sendable {
    public let mesh: MeshFile
    public let topology: Topology
    let names: NamespaceNames
    let subnet: NamespaceSubnet
    private let ip: IPTool
    private let folder: URL
    private let lock = NIOLock()
    private var children: [(process: Process, stdin: Pipe)] = []
    private var namespacesMade = 0
    private var bridgeMade = false
    private var tornDown = false
    private var signalSources: [DispatchSourceSignal] = []
    /// The port every node listens on, in its own namespace.
    static let port = 7000

    /// Seconds from the first `ip` command until every node reported every link ready.
    public private(set) var setUpSeconds = 0.0

    private init(
        mesh: MeshFile, topology: Topology, names: NamespaceNames, subnet: NamespaceSubnet, ip: IPTool, folder: URL
    ) {
        self.mesh = mesh
        self.topology = topology
        self.names = names
        self.subnet = subnet
        self.ip = ip
        self.folder = folder
    }

    /// Checks root and `ip` (`NamespaceError.notRoot`, `.noIPTool`), without changing anything.
    public static func checkPrivileges() throws -> Void {
        guard geteuid() == 0 else { throw NamespaceError.notRoot }
        guard IPTool.locate() != nil else { throw NamespaceError.noIPTool }
    }

    /// Builds the namespaces, the bridge and the links, starts one node server per namespace and
    /// returns once every node's links are ready; on any failure everything made so far is removed.
    /// Every node adds `injectedDelayMicros` before forwarding (`--inject-delay-us`).
    public static func start(
        topology: Topology, seed: UInt64, executable: String?, storage: URL,
        readyTimeout: Double, injectedDelayMicros: Int = 0
    ) async throws -> NamespaceMesh {
        try checkPrivileges()
        guard let ip = IPTool.locate() else { throw NamespaceError.noIPTool }
        guard let executable else { throw ProcessMeshError.noExecutable }
        guard topology.nodeCount <= NamespaceNames.maximumNodes else {
            throw NamespaceError.node(
                index: topology.nodeCount - 1,
                reason: "a namespace mesh has at most \(NamespaceNames.maximumNodes) nodes (one /24 subnet)")
        }
        let started = DispatchTime.now().uptimeNanoseconds
        try NamespaceLeftovers.remove(ip: ip)
        let owner = getpid()
        let subnet = try NamespaceSubnet.free(ip: ip, start: Int(owner) % 200)
        let names = NamespaceNames(owner: owner)
        let addresses = (0..<topology.nodeCount).map { HostPort(host: subnet.nodeAddress($0), port: port) }
        let folder = storage.appendingPathComponent("\(names.prefix)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let mesh = NamespaceMesh(
            mesh: MeshFile(topology: topology, addresses: addresses, seed: seed), topology: topology,
            names: names, subnet: subnet, ip: ip, folder: folder)
        mesh.installSignalHandlers()
        do {
            try mesh.buildNetwork()
            try mesh.startNodes(executable: executable, injectedDelayMicros: injectedDelayMicros)
            try await mesh.waitUntilReady(timeout: readyTimeout)
        } catch {
            mesh.tearDown()
            throw error
        }
        mesh.setUpSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return mesh
    }

    /// The nodes as targets of the external driver: `ws://198.18.X.(10+i):7000/nostr`, labelled
    /// `node-<i>`, with the topology's links (so propagation is given per hop).
    public func targets() throws -> RelayTargets {
        try RelayTargets.parse(try mesh.targetsJSON(placement: "netns"), path: "namespace mesh")
    }

    private func buildNetwork() throws {
        try ip.run(["link", "add", names.bridge, "type", "bridge"])
        lock.withLock { bridgeMade = true }
        try ip.run(["address", "add", "\(subnet.bridgeAddress)/24", "dev", names.bridge])
        try ip.run(["link", "set", names.bridge, "up"])
        for node in 0..<topology.nodeCount {
            let namespace = names.namespace(node)
            try ip.run(["netns", "add", namespace])
            lock.withLock { namespacesMade = node + 1 }
            // The namespace's end is created inside it as eth0; the host end joins the bridge.
            try ip.run(
                ["-batch", "-"],
                input: """
                    link add \(names.hostEnd(node)) type veth peer name eth0 netns \(namespace)
                    link set \(names.hostEnd(node)) master \(names.bridge) up
                    """)
            try ip.run(
                ["-n", namespace, "-batch", "-"],
                input: """
                    link set lo up
                    address add \(subnet.nodeAddress(node))/24 dev eth0
                    link set eth0 up
                    """)
        }
    }

    private func startNodes(executable: String, injectedDelayMicros: Int) throws {
        let meshPath = folder.appendingPathComponent("mesh.json")
        try mesh.json().write(to: meshPath)
        for node in 0..<topology.nodeCount {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ip.path)
            process.arguments = [
                "netns", "exec", names.namespace(node), executable, "node-server",
                "--mesh", meshPath.path, "--index", String(node),
                "--listen", HostPort(host: subnet.nodeAddress(node), port: Self.port).description,
                "--store", folder.appendingPathComponent("node-\(node).sqlite").path, "--stop-with-stdin",
                "--inject-delay-us", String(injectedDelayMicros),
            ]
            let stdin = Pipe()
            process.standardInput = stdin
            process.standardOutput = try logFile(node, "out")
            process.standardError = try logFile(node, "err")
            do {
                try process.run()
            } catch {
                throw NamespaceError.node(index: node, reason: "cannot start \(executable) node-server: \(error)")
            }
            lock.withLock { children.append((process, stdin)) }
        }
    }

    private func logFile(_ node: Int, _ kind: String) throws -> FileHandle {
        let url = folder.appendingPathComponent("node-\(node).\(kind)")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw NamespaceError.node(index: node, reason: "cannot create its log \(url.path)")
        }
        return try FileHandle(forWritingTo: url)
    }

    /// Waits until every node has said `ready` (every link authenticated and both REQs exchanged).
    private func waitUntilReady(timeout: Double) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        var waiting = Set(0..<topology.nodeCount)
        while !waiting.isEmpty {
            for node in waiting.sorted() {
                if output(of: node, "out").contains("\nready") { waiting.remove(node); continue }
                let exited = lock.withLock { !children[node].process.isRunning }
                if exited {
                    throw NamespaceError.node(
                        index: node,
                        reason: "exited during set-up; its standard error: \(output(of: node, "err").suffix(600))")
                }
            }
            guard Date() < deadline || waiting.isEmpty else {
                throw NamespaceError.node(
                    index: waiting.min() ?? 0,
                    reason:
                        "links not ready after \(timeout) s (\(waiting.count) nodes waiting); its standard error: \(output(of: waiting.min() ?? 0, "err").suffix(600))"
                )
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
    }

    private func output(of node: Int, _ kind: String) -> String {
        // Quoted in an error already being reported: a missing log adds nothing to quote.
        let data = (try? Data(contentsOf: folder.appendingPathComponent("node-\(node).\(kind)"))) ?? Data()
        return "\n" + String(decoding: data, as: UTF8.self)
    }

    /// Stops every node (end of standard input, then SIGTERM, SIGKILL after 5 s), deletes the
    /// namespaces (their veth pairs go with them) and the bridge, and removes the stores. Runs
    /// once; later calls return at once. Returns the seconds it took.
    @discardableResult
    public func tearDown() -> Double {
        let started = DispatchTime.now().uptimeNanoseconds
        let (children, namespaces, bridge) = lock.withLock { () -> ([(process: Process, stdin: Pipe)], Int, Bool) in
            if tornDown { return ([], 0, false) }
            tornDown = true
            return (self.children, namespacesMade, bridgeMade)
        }
        // Teardown is best effort step by step: what fails here, NamespaceLeftovers removes later.
        for child in children { try? child.stdin.fileHandleForWriting.close() }
        for child in children where child.process.isRunning { kill(child.process.processIdentifier, SIGTERM) }
        let deadline = Date().addingTimeInterval(5)
        while children.contains(where: { $0.process.isRunning }) && Date() < deadline { usleep(10_000) }
        for child in children where child.process.isRunning { kill(child.process.processIdentifier, SIGKILL) }
        for node in 0..<namespaces {
            NamespaceLeftovers.killProcesses(in: names.namespace(node), ip: ip)
            // Deleting the host end removes both ends at once; a namespace's own teardown frees
            // its end later, in the kernel's cleanup work, so the host end would outlive this call.
            _ = try? ip.run(["link", "delete", names.hostEnd(node)])
            _ = try? ip.run(["netns", "delete", names.namespace(node)])
        }
        if bridge { _ = try? ip.run(["link", "delete", names.bridge]) }
        try? FileManager.default.removeItem(at: folder)
        lock.withLock {
            for source in signalSources { source.cancel() }
            signalSources = []
        }
        for number in [SIGINT, SIGTERM] { signal(number, SIG_DFL) }
        return Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    }

    /// SIGINT and SIGTERM tear the mesh down, then end the process as the signal would have.
    private func installSignalHandlers() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                self?.tearDown()
                signal(number, SIG_DFL)
                kill(getpid(), number)
            }
            source.resume()
            lock.withLock { signalSources.append(source) }
        }
    }
}
