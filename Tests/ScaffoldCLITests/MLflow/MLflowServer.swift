import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real MLflow tracking server (`mlflow server`, the venv of `Scripts/mlflow-venv.sh`) for one test: a SQLite store
/// in the test's directory, 127.0.0.1 only, on a port that was free when it was chosen. The test starts it, may kill
/// it (SIGKILL, by PID) and start it again on the same port and store, and stops it (SIGTERM, then SIGKILL) by PID.
final class MLflowServer: Sendable {
    /// The server's process: the uvicorn process itself (`mlflow server` would run it as a child, which a SIGKILL of
    /// the parent would leave listening), so its PID is the server's.
    private let process = Mutex<Process?>(nil)
    let python: String
    let directory: URL
    let port: Int
    /// Every run of the server appends its output here.
    let log: URL

    /// `http://127.0.0.1:<port>`: the tracking URI of MLflow's client, and the base of `/health` and `/v1/traces`.
    var trackingURI: String { "http://127.0.0.1:\(port)" }
    /// The OTLP/HTTP traces endpoint.
    var tracesEndpoint: String { trackingURI + "/v1/traces" }
    /// The SQLite store, which the server creates and migrates at its first start.
    var store: URL { directory.appendingPathComponent("mlflow.db") }

    init(python: String, directory: URL) throws {
        self.python = python
        self.directory = directory
        self.port = try Self.freeLoopbackPort()
        self.log = directory.appendingPathComponent("mlflow-server.log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw MLflowHarness.Failure(message: "cannot create \(log.path)")
        }
    }

    /// Starts the server and waits until `GET /health` answers 200 (bounded by `readyTimeout`; a server that exits
    /// during start-up fails at once, with its log).
    func start(readyTimeout: Duration = .seconds(240)) async throws {
        let output = try FileHandle(forWritingTo: log)
        try output.seekToEnd()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        // What `mlflow server --backend-store-uri sqlite:///… --host 127.0.0.1 --port N --workers 1` runs
        // (mlflow/server/__init__.py, _run_server), without the parent process: the FastAPI app under uvicorn in
        // one process, configured through the variables `mlflow server` sets for it.
        process.arguments = [
            "-m", "uvicorn", "--host", "127.0.0.1", "--port", String(port), "--workers", "1",
            "--no-access-log", "mlflow.server.fastapi_app:app",
        ]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging([
            "_MLFLOW_SERVER_FILE_STORE": "sqlite:///\(store.path)",
            "_MLFLOW_SERVER_ARTIFACT_ROOT": directory.appendingPathComponent("artifacts").path,
            "_MLFLOW_SERVER_SERVE_ARTIFACTS": "true",
            "_MLFLOW_SERVER_ARTIFACT_DESTINATION": directory.appendingPathComponent("artifacts").path,
            "_MLFLOW_SGI_NAME": "uvicorn",
            "_MLFLOW_IN_JOB_EXECUTOR": "false",
        ]) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
        try? output.close()
        self.process.withLock { $0 = process }

        let deadline = ContinuousClock.now + readyTimeout
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                throw MLflowHarness.Failure(message: "MLflow exited during start-up:\n\(logTail())")
            }
            if await healthy() { return }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw MLflowHarness.Failure(message: "MLflow not healthy after \(readyTimeout):\n\(logTail())")
    }

    /// Runs `body` with the server started, and stops it afterwards, whether `body` returned or threw.
    static func withRunning<Result>(
        python: String,
        in directory: URL,
        _ body: (MLflowServer) async throws -> Result
    ) async throws -> Result {
        let server = try MLflowServer(python: python, directory: directory)
        do {
            try await server.start()
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// SIGKILL, as a crash: no request in flight is answered, nothing is flushed.
    func kill() async {
        await signal(SIGKILL, graceful: .zero)
    }

    /// SIGTERM, then SIGKILL after 10 s; a paused server is resumed first, so that it can end politely.
    func stop() async {
        resume()
        await signal(SIGTERM, graceful: .seconds(10))
    }

    /// SIGSTOP, as a hang: the kernel still accepts connections and requests, nothing answers them.
    func pause() {
        guard let process = self.process.withLock({ $0 }), process.isRunning else { return }
        _ = sendSignal(process.processIdentifier, SIGSTOP)
    }

    /// SIGCONT after ``pause()``: the server reads what was sent meanwhile.
    func resume() {
        guard let process = self.process.withLock({ $0 }), process.isRunning else { return }
        _ = sendSignal(process.processIdentifier, SIGCONT)
    }

    private func signal(_ signal: Int32, graceful: Duration) async {
        guard let process = self.process.withLock({ $0 }), process.isRunning else { return }
        let pid = process.processIdentifier
        _ = sendSignal(pid, signal)
        let deadline = ContinuousClock.now + graceful
        while process.isRunning && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(100))
        }
        if process.isRunning { _ = sendSignal(pid, SIGKILL) }
        while process.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
        self.process.withLock { $0 = nil }
    }

    /// True when `GET /health` answers 200.
    func healthy() async -> Bool {
        guard let url = URL(string: trackingURI + "/health") else { return false }
        var request = URLRequest(url: url)
        request.timeoutInterval = 2
        guard let (_, response) = try? await URLSession.shared.data(for: request) else { return false }
        return (response as? HTTPURLResponse)?.statusCode == 200
    }

    /// Creates an experiment through the REST API and returns its id.
    func createExperiment(named name: String) async throws -> String {
        guard let url = URL(string: trackingURI + "/api/2.0/mlflow/experiments/create") else {
            throw MLflowHarness.Failure(message: "no URL for \(trackingURI)")
        }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"name": "\#(name)"}"#.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        guard (response as? HTTPURLResponse)?.statusCode == 200, let id = json?["experiment_id"] as? String else {
            throw MLflowHarness.Failure(
                message: "creating experiment \(name): \(String(decoding: data, as: UTF8.self))"
            )
        }
        return id
    }

    /// The number of spans in the store, read straight from its SQLite file by the system's python (fast, unlike
    /// a start of MLflow's client): how a test knows that a run has begun to arrive. 0 before MLflow has created
    /// its tables (it does so at its first request, not at start-up).
    func storedSpanCount() async throws -> Int {
        let script = """
            import sqlite3, sys
            try:
                print(sqlite3.connect(sys.argv[1]).execute('select count(*) from spans').fetchone()[0])
            except sqlite3.OperationalError as error:
                print(0 if 'no such table' in str(error) else sys.exit(str(error)))
            """
        let outcome = try await MLflowHarness.runPython("python3", ["-c", script, store.path])
        return Int(outcome.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// The stored span count once it has stopped changing (the same for 2 s), for a server that is still
    /// storing what it accepted while it hung; at most 60 s.
    func settledSpanCount() async throws -> Int {
        var last = try await storedSpanCount()
        var unchanged = 0
        let deadline = ContinuousClock.now + .seconds(60)
        while unchanged < 4 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(500))
            let count = try await storedSpanCount()
            unchanged = count == last ? unchanged + 1 : 0
            last = count
        }
        return last
    }

    func logTail(lines: Int = 40) -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }

    /// A port on 127.0.0.1 that nothing listens on now: bound with port 0, read back, released.
    private static func freeLoopbackPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw MLflowHarness.Failure(message: "socket: errno \(errno)") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else { throw MLflowHarness.Failure(message: "bind 127.0.0.1:0: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// `kill(2)`, under a name that the server's own `kill()` does not shadow.
private func sendSignal(_ pid: pid_t, _ signal: Int32) -> Int32 {
    kill(pid, signal)
}
