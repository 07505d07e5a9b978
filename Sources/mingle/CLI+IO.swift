import Foundation
import Mingle

/// Exit codes of docs/format.md (exit codes) (from BSD's sysexits).
enum ExitStatus: Int32 {
    case success = 0
    case usage = 2
    case dataError = 65
    case noInput = 66
    case internalError = 70
    case cannotCreate = 73
}

/// An error that ends the command with a message on stderr and an exit code.
struct CLIFailure: Error {
    var code: ExitStatus
    var message: String
}

/// Messages for the user, on standard error only.
struct Log {
    var quiet = false

    func info(_ message: String) {
        guard !quiet else { return }
        Descriptor.standardError("mingle: " + message + "\n")
    }

    func warning(_ message: String) {
        Descriptor.standardError("mingle: warning: " + message + "\n")
    }

    /// An error that does not end the run (one bad session of a batch).
    func error(_ message: String) {
        Descriptor.standardError("mingle: " + message + "\n")
    }

    /// Told the phase of the run ("reading", "decoding", ...) and how far it is.
    var onProgress: (@Sendable (_ phase: String, _ fraction: Double) -> Void)? = nil

    func phase(_ name: String, _ fraction: Double = 0) {
        onProgress?(name, fraction)
    }
}

enum InputFile {
    /// Reads a file, or standard input for nil or "-".
    static func read(_ path: String?) throws(CLIFailure) -> (bytes: [UInt8], name: String?) {
        guard let path, path != "-" else {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return ([UInt8](data), nil)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a regular file" : "no such file"
            throw CLIFailure(code: .noInput, message: "cannot open \(path): \(reason)")
        }
        defer { try? handle.close() }
        if let bytes = readWhole(handle.fileDescriptor) { return (bytes, path) }
        do {
            let data = try handle.readToEnd() ?? Data()
            return ([UInt8](data), path)
        } catch {
            throw CLIFailure(code: .noInput, message: "cannot read \(path): \(error.localizedDescription)")
        }
    }

    /// A regular file read straight into one buffer of its size (a 600 MB
    /// session is not copied through `Data`); nil for anything else, or when
    /// the size changed while reading.
    private static func readWhole(_ fd: Int32) -> [UInt8]? {
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = Foundation.read(fd, buffer.baseAddress! + done, size - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { break }
                done += n
            }
            count = done
            complete = done == size
        }
        return complete ? bytes : nil
    }

    /// Reads and validates a session; invalid input is exit 65 with every problem listed.
    static func session(_ path: String?, log: Log) throws(CLIFailure) -> Session {
        log.phase("reading")
        let (bytes, name) = try read(path)
        log.phase("decoding")
        do {
            let (session, warnings) = try Session.decode(bytes, file: name) { log.phase("decoding", $0) }
            for w in warnings { log.warning("\(name ?? "<stdin>"): \(w)") }
            return session
        } catch {
            throw CLIFailure(code: .dataError, message: "invalid session:\n" + error.description)
        }
    }
}

/// Writes to a file descriptor that report failure instead of trapping
/// (`FileHandle.write` traps on a full disk).
enum Descriptor {
    /// Writes every byte; the `errno` of the failure, or nil.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { raw -> Int32? in
            var done = 0
            while done < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                done += n
            }
            return nil
        }
    }

    /// Standard output; a failure (a full disk, a closed pipe) is exit 73.
    static func standardOutput(_ bytes: [UInt8]) throws(CLIFailure) {
        if let code = writeAll(1, bytes) {
            throw CLIFailure(code: .cannotCreate, message: "cannot write to standard output: \(String(cString: strerror(code)))")
        }
    }

    /// Standard error, for messages: a failure there has nowhere to be told.
    static func standardError(_ text: String) {
        _ = writeAll(2, Array(text.utf8))
    }
}

/// The files one command writes, all or none: each regular file is first
/// written to a temporary file in its folder, and the temporary files are
/// renamed over their targets only when every file was written. Standard
/// output and targets that are not regular files (a device such as
/// /dev/null, a FIFO, /dev/stdout) are written into, never renamed over,
/// first at commit, so that their failure still leaves every file as it was.
struct OutputFiles {
    private var staged: [(temporary: String, path: String)] = []
    private var direct: [(bytes: [UInt8], path: String?)] = []

    /// Stages bytes for `path`, or standard output for nil or "-". On a
    /// failure every staged file is discarded.
    mutating func add(_ bytes: [UInt8], to path: String?) throws(CLIFailure) {
        do {
            try stage(bytes, to: path)
        } catch {
            discard()
            throw error
        }
    }

    private mutating func stage(_ bytes: [UInt8], to path: String?) throws(CLIFailure) {
        guard let path, path != "-" else {
            direct.append((bytes, nil))
            return
        }
        var info = stat()
        if stat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR { throw failure(path, "it is a folder") }
            if type != S_IFREG || path.hasPrefix("/dev/") || path.hasPrefix("/proc/") {
                direct.append((bytes, path))
                return
            }
        }
        // A symbolic link keeps pointing at the file: its target is replaced.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(staged.count).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw failure(path, "cannot create a file in \(target.deletingLastPathComponent().path): \(String(cString: strerror(errno)))") }
        var code = Descriptor.writeAll(fd, bytes)
        if code == nil && fsync(fd) != 0 { code = errno }
        if close(fd) != 0 && code == nil { code = errno }
        if let code {
            unlink(temporary)
            throw failure(path, String(cString: strerror(code)))
        }
        staged.append((temporary, target.path))
    }

    /// Writes standard output and the other direct targets, then renames the
    /// staged files over their targets. On a failure before the renames, no
    /// file was replaced.
    mutating func commit() throws(CLIFailure) {
        defer { discard() }
        for (bytes, path) in direct {
            guard let path else {
                try Descriptor.standardOutput(bytes)
                continue
            }
            let fd = open(path, O_WRONLY | O_TRUNC)
            guard fd >= 0 else { throw failure(path, String(cString: strerror(errno))) }
            let code = Descriptor.writeAll(fd, bytes)
            close(fd)
            if let code { throw failure(path, String(cString: strerror(code))) }
        }
        direct = []
        for (n, file) in staged.enumerated() where rename(file.temporary, file.path) != 0 {
            let reason = String(cString: strerror(errno))
            let done = staged[..<n].map(\.path)
            throw failure(file.path, reason + (done.isEmpty ? "" : "; already written: " + done.joined(separator: ", ")))
        }
        staged = []
    }

    /// Removes the temporary files not renamed.
    mutating func discard() {
        for file in staged { unlink(file.temporary) }
        staged = []
        direct = []
    }

    private func failure(_ path: String, _ reason: String) -> CLIFailure {
        CLIFailure(code: .cannotCreate, message: "cannot write \(path): \(reason); nothing was written")
    }
}

enum OutputFile {
    /// Writes one file as `OutputFiles` does (atomically for a regular file),
    /// or standard output for nil or "-".
    static func write(_ bytes: [UInt8], to path: String?) throws(CLIFailure) {
        var files = OutputFiles()
        try files.add(bytes, to: path)
        try files.commit()
    }
}
