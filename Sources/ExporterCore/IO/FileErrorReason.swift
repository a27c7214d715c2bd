import Foundation

/// The operating system's reason for a failed file operation, in the words a user meets everywhere
/// (`is a directory`, `no space left on device`, `permission denied`), whatever layer the error came from: a
/// Foundation `CocoaError` (whose own description is `NSCocoaErrorDomain error 256`), a `POSIXError`, an `errno`
/// or a ``FileIOError``. The one function the CLI and the configuration loader report file errors through.
package enum FileErrorReason {
    /// The reason for `error`; `path`, when given, is looked at when the error itself says nothing useful (Foundation
    /// reports reading a directory as an unknown read error).
    package static func describe(_ error: any Error, path: String? = nil) -> String {
        if let error = error as? FileIOError { return describe(errno: error.errno) }
        if let error = error as? POSIXError { return describe(errno: error.code.rawValue) }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return describe(errno: Int32(nsError.code)) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return describe(errno: Int32(underlying.code))
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return describe(errno: ENOENT)
            case .fileReadNoPermission, .fileWriteNoPermission: return describe(errno: EACCES)
            case .fileWriteOutOfSpace: return describe(errno: ENOSPC)
            case .fileWriteVolumeReadOnly: return describe(errno: EROFS)
            case .fileWriteFileExists: return describe(errno: EEXIST)
            case .fileReadTooLarge: return describe(errno: EFBIG)
            case .fileReadInapplicableStringEncoding, .fileReadCorruptFile:
                return "it is not valid UTF-8 text"
            default: break
            }
        }
        if let path, let reason = reasonFromFileSystem(path) { return reason }
        if nsError.domain == NSCocoaErrorDomain { return "the file system refused (error \(nsError.code))" }
        return String(describing: error)
    }

    /// The system's text for `code`, lower-cased to read inside a sentence (`no space left on device`).
    package static func describe(errno code: Int32) -> String {
        let text = FileIOError.reason(code)
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// What the file system says about `path` when the error did not: missing, a directory, not readable.
    static func reasonFromFileSystem(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return describe(errno: errno) }
        if (status.st_mode & S_IFMT) == S_IFDIR { return describe(errno: EISDIR) }
        if access(path, R_OK) != 0 { return describe(errno: errno) }
        return nil
    }
}
