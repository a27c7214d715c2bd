#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The server thread: one `poll` loop over the wake pipe, the listener and every connection. It owns the
/// connections outright (no locks) and closes them all before it returns.
final class EventLoop {
    private final class Connection {
        enum Phase {
            /// Reading the next request.
            case reading
            /// A delayed response goes out at `due`.
            case delayed(due: ContinuousClock.Instant, bytes: [UInt8], closing: Bool)
            /// Never answers again; waits for the peer to go away.
            case stalled
        }

        let descriptor: Int32
        let number: Int
        var inbox: [UInt8] = []
        var outbox: [UInt8] = []
        var phase = Phase.reading
        var closeWhenSent = false
        var sentContinue = false
        var closed = false

        init(descriptor: Int32, number: Int) {
            self.descriptor = descriptor
            self.number = number
        }
    }

    private let listener: Int32
    private let wakeRead: Int32
    private let book: ScriptBook
    private var connections: [Connection] = []
    private let clock = ContinuousClock()

    init(listener: Int32, wakeRead: Int32, book: ScriptBook) {
        self.listener = listener
        self.wakeRead = wakeRead
        self.book = book
    }

    /// Runs until a byte arrives on the wake pipe.
    func run() {
        defer {
            for connection in connections { _ = close(connection.descriptor) }
            connections = []
        }
        while true {
            var descriptors = [
                pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
                pollfd(fd: listener, events: Int16(POLLIN), revents: 0),
            ]
            for connection in connections {
                let events = Int16(POLLIN) | (connection.outbox.isEmpty ? 0 : Int16(POLLOUT))
                descriptors.append(pollfd(fd: connection.descriptor, events: events, revents: 0))
            }
            let ready = poll(&descriptors, nfds_t(descriptors.count), pollTimeoutMilliseconds())
            if ready < 0, errno != EINTR { return }
            if descriptors[0].revents != 0 { return }
            if descriptors[1].revents != 0 { acceptConnections() }
            for (offset, connection) in connections.enumerated() where offset + 2 < descriptors.count {
                let events = descriptors[offset + 2].revents
                if events & Int16(POLLOUT) != 0 { flush(connection) }
                if events & (Int16(POLLIN) | Int16(POLLHUP) | Int16(POLLERR)) != 0 { receive(connection) }
            }
            for connection in connections where !connection.closed {
                releaseDueResponse(connection)
                serve(connection)
            }
            connections.removeAll { connection in
                if connection.closed { _ = close(connection.descriptor) }
                return connection.closed
            }
        }
    }

    /// Until the nearest delayed response is due, or forever.
    private func pollTimeoutMilliseconds() -> Int32 {
        var nearest: ContinuousClock.Instant?
        for connection in connections {
            if case .delayed(let due, _, _) = connection.phase, nearest.map({ due < $0 }) ?? true { nearest = due }
        }
        guard let nearest else { return -1 }
        let remaining = clock.now.duration(to: nearest)
        guard remaining > .zero else { return 0 }
        let (seconds, attoseconds) = remaining.components
        return Int32(min(seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1, 60_000))
    }

    private func acceptConnections() {
        while true {
            let descriptor = accept(listener, nil, nil)
            guard descriptor >= 0 else { return }
            Socket.configure(descriptor)
            connections.append(Connection(descriptor: descriptor, number: book.connectionAccepted()))
        }
    }

    private func receive(_ connection: Connection) {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while !connection.closed {
            let count = chunk.withUnsafeMutableBytes { recv(connection.descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                connection.inbox += chunk[..<count]
            } else if count == 0 {
                connection.closed = true
            } else {
                if errno == EINTR { continue }
                if errno != EAGAIN, errno != EWOULDBLOCK { connection.closed = true }
                return
            }
        }
    }

    private func flush(_ connection: Connection) {
        while !connection.outbox.isEmpty, !connection.closed {
            let sent = connection.outbox.withUnsafeBytes {
                send(connection.descriptor, $0.baseAddress, $0.count, Socket.sendFlags)
            }
            if sent > 0 {
                connection.outbox.removeFirst(sent)
            } else if sent < 0, errno == EINTR {
                continue
            } else {
                if sent < 0, errno != EAGAIN, errno != EWOULDBLOCK { connection.closed = true }
                return
            }
        }
        if connection.outbox.isEmpty, connection.closeWhenSent { connection.closed = true }
    }

    private func releaseDueResponse(_ connection: Connection) {
        guard case .delayed(let due, let bytes, let closing) = connection.phase, due <= clock.now else { return }
        connection.outbox += bytes
        connection.closeWhenSent = closing
        connection.phase = .reading
        flush(connection)
    }

    /// Answers every complete request in the inbox, one at a time (a delayed or stalled reply holds back the
    /// requests pipelined behind it).
    private func serve(_ connection: Connection) {
        while !connection.closed, case .reading = connection.phase, !connection.closeWhenSent {
            switch ParsedRequest.parse(connection.inbox) {
            case .incomplete(let expectsContinue):
                if expectsContinue, !connection.sentContinue {
                    connection.sentContinue = true
                    connection.outbox += Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
                    flush(connection)
                }
                return
            case .malformed(let reason):
                connection.outbox += LoopbackHTTPServer.Reply.status(400, body: reason).serialized(closing: true) ?? []
                connection.closeWhenSent = true
                flush(connection)
                return
            case .complete(let request):
                connection.inbox.removeFirst(request.consumed)
                connection.sentContinue = false
                let reply = book.record(
                    LoopbackHTTPServer.RecordedRequest(
                        method: request.method,
                        target: request.target,
                        headers: request.headers,
                        body: request.body,
                        connection: connection.number
                    )
                )
                let closing = request.headers["Connection"]?.lowercased() == "close"
                switch reply {
                case .stall:
                    connection.phase = .stalled
                case .closeConnection:
                    connection.closed = true
                case .response(_, _, _, let delay):
                    let bytes = reply.serialized(closing: closing) ?? []
                    if let delay, delay > .zero {
                        connection.phase = .delayed(due: clock.now.advanced(by: delay), bytes: bytes, closing: closing)
                    } else {
                        connection.outbox += bytes
                        connection.closeWhenSent = closing
                        flush(connection)
                    }
                }
            }
        }
    }
}
