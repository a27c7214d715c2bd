import ExporterHTTP
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A small, real HTTP/1.1 server on 127.0.0.1 for tests: it records every request and answers from a script.
///
/// It listens on an ephemeral port of the loopback interface only, keeps connections alive, reads bodies sized
/// by `Content-Length` or sent chunked, and answers `Expect: 100-continue`. Replies come from a queue filled
/// with ``enqueue(_:)`` (a response with any status, optionally delayed; ``Reply/stall``;
/// ``Reply/closeConnection``; the faults ``Reply/resetMidBody(status:headers:body:sentBytes:)``,
/// ``Reply/slowBody(status:headers:body:chunkSize:interval:)``, ``Reply/echoHeaders(status:)`` and
/// ``Reply/otlpPartialSuccess(rejectedSpans:errorMessage:json:)``) and, when the queue is empty, from the default
/// reply.
///
/// One dedicated thread runs a `poll` loop over the listener and the connections. **Always call ``stop()``**
/// (in a `defer` right after ``start()``): it closes the listener and every connection and joins the thread;
/// the server cannot be restarted.
public final class LoopbackHTTPServer: Sendable {
    private let book: ScriptBook
    private let control = Mutex(Control())

    private struct Control {
        var thread: pthread_t?
        var listener: Int32 = -1
        var wakeWrite: Int32 = -1
        var wakeRead: Int32 = -1
        var port: Int?
        var stopped = false
    }

    /// Creates a stopped server that answers `defaultReply` whenever its queue is empty.
    public init(defaultReply: Reply = .status(200)) {
        book = ScriptBook(defaultReply: defaultReply)
    }

    deinit {
        stop()
    }

    /// Adds replies to the end of the queue.
    public func enqueue(_ replies: Reply...) {
        book.enqueue(replies)
    }

    /// Adds replies to the end of the queue.
    public func enqueue(contentsOf replies: [Reply]) {
        book.enqueue(replies)
    }

    /// Binds 127.0.0.1 on an ephemeral port, starts the thread and returns the port.
    public func start() async throws -> Int {
        try control.withLock { (control: inout Control) throws -> Int in
            if let port = control.port { return port }
            guard !control.stopped else { throw StartError(operation: "start after stop", code: 0) }
            let (listener, port) = try Self.listenOnLoopback()
            var pipeEnds: [Int32] = [-1, -1]
            guard pipe(&pipeEnds) == 0 else {
                let code = errno
                _ = close(listener)
                throw StartError(operation: "pipe", code: code)
            }
            for descriptor in pipeEnds { Socket.configure(descriptor) }
            let loop = EventLoop(listener: listener, wakeRead: pipeEnds[0], book: book)
            #if canImport(Darwin)
            var thread: pthread_t?
            #else
            var thread = pthread_t()
            #endif
            let context = Unmanaged.passRetained(loop).toOpaque()
            let status = pthread_create(
                &thread,
                nil,
                { raw in
                    guard let raw else { return nil }
                    Unmanaged<EventLoop>.fromOpaque(raw).takeRetainedValue().run()
                    return nil
                },
                context
            )
            guard status == 0 else {
                Unmanaged<EventLoop>.fromOpaque(context).release()
                for descriptor in [listener, pipeEnds[0], pipeEnds[1]] { _ = close(descriptor) }
                throw StartError(operation: "pthread_create", code: status)
            }
            control.thread = thread
            control.listener = listener
            control.wakeRead = pipeEnds[0]
            control.wakeWrite = pipeEnds[1]
            control.port = port
            return port
        }
    }

    /// Closes the listener and every connection and joins the thread. Safe to call more than once.
    public func stop() {
        control.withLock { control in
            guard !control.stopped else { return }
            control.stopped = true
            guard let thread = control.thread else { return }
            var byte: UInt8 = 1
            _ = write(control.wakeWrite, &byte, 1)
            pthread_join(thread, nil)
            for descriptor in [control.listener, control.wakeRead, control.wakeWrite] { _ = close(descriptor) }
            control.thread = nil
        }
    }

    /// The port, once started.
    public var port: Int? { control.withLock { $0.port } }

    /// `http://127.0.0.1:<port><path>`; nil before ``start()``.
    public func url(path: String = "/") -> URL? {
        port.flatMap { URL(string: "http://127.0.0.1:\($0)\(path)") }
    }

    /// Every request received so far, in arrival order.
    public var requests: [RecordedRequest] { book.requests }

    /// How many connections were accepted so far.
    public var connectionsAccepted: Int { book.connectionsAccepted }

    /// Waits until at least `count` requests have arrived; false when that did not happen within `timeout`.
    public func waitForRequests(count: Int, timeout: Duration = .seconds(10)) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while book.requestCount < count {
            guard clock.now < deadline, (try? await Task.sleep(for: .milliseconds(2))) != nil else { return false }
        }
        return true
    }

    private static func listenOnLoopback() throws -> (Int32, Int) {
        let listener = socket(AF_INET, Socket.streamType, 0)
        guard listener >= 0 else { throw StartError(operation: "socket", code: errno) }
        var reuse: Int32 = 1
        _ = setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            let code = errno
            _ = close(listener)
            throw StartError(operation: "bind/listen", code: code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        guard named == 0 else {
            let code = errno
            _ = close(listener)
            throw StartError(operation: "getsockname", code: code)
        }
        Socket.configure(listener)
        return (listener, Int(UInt16(bigEndian: address.sin_port)))
    }
}

/// The script and the record, shared between the test's tasks and the server thread.
final class ScriptBook: Sendable {
    private struct State {
        var queue: [LoopbackHTTPServer.Reply] = []
        var defaultReply: LoopbackHTTPServer.Reply
        var requests: [LoopbackHTTPServer.RecordedRequest] = []
        var connectionsAccepted = 0
    }

    private let state: Mutex<State>

    init(defaultReply: LoopbackHTTPServer.Reply) {
        state = Mutex(State(defaultReply: defaultReply))
    }

    func enqueue(_ replies: [LoopbackHTTPServer.Reply]) {
        state.withLock { $0.queue += replies }
    }

    /// Records `request` and hands out the reply it gets.
    func record(_ request: LoopbackHTTPServer.RecordedRequest) -> LoopbackHTTPServer.Reply {
        state.withLock { state in
            state.requests.append(request)
            return state.queue.isEmpty ? state.defaultReply : state.queue.removeFirst()
        }
    }

    /// Counts an accepted connection and returns its number.
    func connectionAccepted() -> Int {
        state.withLock { state in
            state.connectionsAccepted += 1
            return state.connectionsAccepted
        }
    }

    var requests: [LoopbackHTTPServer.RecordedRequest] { state.withLock { $0.requests } }
    var requestCount: Int { state.withLock { $0.requests.count } }
    var connectionsAccepted: Int { state.withLock { $0.connectionsAccepted } }
}

/// Socket settings that differ between platforms.
enum Socket {
    #if canImport(Glibc) || canImport(Musl)
    static let streamType = Int32(SOCK_STREAM.rawValue)
    static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    static let streamType = SOCK_STREAM
    static let sendFlags: Int32 = 0
    #endif

    /// Non-blocking, close-on-exec, and (where the platform needs it) no SIGPIPE.
    static func configure(_ descriptor: Int32) {
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        #if canImport(Darwin)
        var one: Int32 = 1
        _ = setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }
}
