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
            /// Sending a response in timed steps (a delayed response, a slow body), the first due first.
            case sending([Step])
            /// Never answers again; waits for the peer to go away.
            case stalled
        }

        /// Bytes that go out at `due`, and what happens to the connection once they are sent.
        struct Step {
            enum End {
                case keepOpen
                case close
                case reset
            }

            var due: ContinuousClock.Instant
            var bytes: [UInt8]
            var end: End
        }

        let descriptor: Int32
        let number: Int
        var inbox: [UInt8] = []
        var outbox: [UInt8] = []
        var phase = Phase.reading
        var closeWhenSent = false
        var resetWhenSent = false
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
            if case .sending(let steps) = connection.phase, let due = steps.first?.due,
                nearest.map({ due < $0 }) ?? true
            {
                nearest = due
            }
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
        if connection.outbox.isEmpty, connection.resetWhenSent {
            // Linger 0: close sends RST instead of FIN, so the peer sees a reset, not an orderly end.
            var option = linger(l_onoff: 1, l_linger: 0)
            _ = setsockopt(connection.descriptor, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
            connection.closed = true
        }
        if connection.outbox.isEmpty, connection.closeWhenSent { connection.closed = true }
    }

    private func releaseDueResponse(_ connection: Connection) {
        guard case .sending(var steps) = connection.phase else { return }
        let now = clock.now
        while let step = steps.first, step.due <= now {
            steps.removeFirst()
            connection.outbox += step.bytes
            switch step.end {
            case .keepOpen: break
            case .close: connection.closeWhenSent = true
            case .reset: connection.resetWhenSent = true
            }
        }
        connection.phase = steps.isEmpty ? .reading : .sending(steps)
        flush(connection)
    }

    /// Answers every complete request in the inbox, one at a time (a delayed or stalled reply holds back the
    /// requests pipelined behind it).
    private func serve(_ connection: Connection) {
        while !connection.closed, case .reading = connection.phase, !connection.closeWhenSent, !connection.resetWhenSent
        {
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
                    let due = clock.now.advanced(by: delay ?? .zero)
                    connection.phase = .sending([
                        Connection.Step(due: due, bytes: bytes, end: closing ? .close : .keepOpen)
                    ])
                case .resetMidBody(let status, let headers, let body, let sentBytes):
                    let head = LoopbackHTTPServer.Reply.head(
                        status: status,
                        headers: headers,
                        contentLength: body.count,
                        closing: closing
                    )
                    let part = Array(body.prefix(max(0, min(sentBytes, body.count - 1))))
                    connection.phase = .sending([Connection.Step(due: clock.now, bytes: head + part, end: .reset)])
                case .slowBody(let status, let headers, let body, let chunkSize, let interval):
                    var due = clock.now
                    var steps = [
                        Connection.Step(
                            due: due,
                            bytes: LoopbackHTTPServer.Reply.head(
                                status: status,
                                headers: headers,
                                contentLength: body.count,
                                closing: closing
                            ),
                            end: .keepOpen
                        )
                    ]
                    var offset = 0
                    while offset < body.count {
                        due = due.advanced(by: interval)
                        let end = min(body.count, offset + max(1, chunkSize))
                        steps.append(Connection.Step(due: due, bytes: Array(body[offset..<end]), end: .keepOpen))
                        offset = end
                    }
                    if closing { steps[steps.count - 1].end = .close }
                    connection.phase = .sending(steps)
                case .echoHeaders(let status):
                    let text = request.headers.map { "\($0.name): \($0.value)\n" }.joined()
                    let echo = LoopbackHTTPServer.Reply.response(
                        status: status,
                        headers: ["Content-Type": "text/plain"],
                        body: Array(text.utf8)
                    )
                    let bytes = echo.serialized(closing: closing) ?? []
                    connection.phase = .sending([
                        Connection.Step(due: clock.now, bytes: bytes, end: closing ? .close : .keepOpen)
                    ])
                }
                releaseDueResponse(connection)
            }
        }
    }
}
