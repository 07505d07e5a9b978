import Foundation
import Mingle

/// Reading a members file that a command rewrites (`import --update`,
/// `members`, `invitations`): it must be a valid members file holding nothing
/// but `version` and `members`, so that rewriting it loses nothing.
enum MembersFileInput {
    static func read(_ path: String, log: Log) throws(CLIFailure) -> [Member] {
        let (bytes, name) = try InputFile.read(path)
        let session: Session
        do {
            let decoded = try Session.decode(bytes, file: name)
            for w in decoded.warnings { log.warning("\(path): \(w)") }
            session = decoded.session
        } catch {
            throw CLIFailure(code: .dataError, message: "invalid members file; nothing was written:\n" + error.description)
        }
        if session != Session(members: session.members) {
            throw CLIFailure(code: .dataError, message: "\(path): this file holds more than members (a program, history or options); "
                + "these commands rewrite a members file, {\"version\": 1, \"members\": [...]}; nothing was written")
        }
        return session.members
    }

    /// The index of each id in `ids`, or exit 65 naming the closest ids of an unknown one.
    static func indices(of ids: [String], in members: [Member], file: String) throws(CLIFailure) -> [Int] {
        var index: [String: Int] = [:]
        for (i, m) in members.enumerated() where index[m.id] == nil { index[m.id] = i }
        var result: [Int] = []
        for id in ids {
            guard let i = index[id] else {
                let closest = MemberIDs.closest(to: id, in: members.map(\.id))
                let hint = closest.isEmpty ? "" : "; closest: " + closest.joined(separator: ", ")
                throw CLIFailure(code: .dataError, message: "\(file): no member has the id \"\(id)\"\(hint); nothing was written")
            }
            result.append(i)
        }
        return result
    }
}
