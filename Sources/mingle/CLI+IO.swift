import Foundation
import Mingle

/// Exit codes of SPEC section 4 (from BSD's sysexits).
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
        FileHandle.standardError.write(Data(("mingle: " + message + "\n").utf8))
    }

    func warning(_ message: String) {
        FileHandle.standardError.write(Data(("mingle: warning: " + message + "\n").utf8))
    }

    /// An error that does not end the run (one bad session of a batch).
    func error(_ message: String) {
        FileHandle.standardError.write(Data(("mingle: " + message + "\n").utf8))
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

enum OutputFile {
    /// Writes bytes to a file atomically (a temporary file in the same folder,
    /// then rename), or to standard output for nil or "-". On failure an existing
    /// file is left as it was.
    static func write(_ bytes: [UInt8], to path: String?) throws(CLIFailure) {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                throw CLIFailure(code: .cannotCreate, message: "cannot write \(path): it is a folder")
            }
            guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes)) else {
                throw CLIFailure(code: .cannotCreate, message: "cannot write \(path): cannot create a file in \(folder.path)")
            }
            if rename(temporary.path, path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw CLIFailure(code: .cannotCreate, message: "cannot write \(path): \(reason)")
            }
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CLIFailure(code: .cannotCreate, message: "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
