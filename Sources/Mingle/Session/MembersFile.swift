/// The members file `mingle import` writes: `{"version": 1, "members": [...]}`.
/// It is a valid session by itself (every other key takes its default) and a
/// members part of a session assembled from parts.
public enum MembersFile {
    /// The members file's text, ending with a newline.
    ///
    /// - Complexity: O(size of the members).
    public static func jsonBytes(_ members: [Member]) -> [UInt8] {
        JSONWriter.partFile("members", members) { $0.member($1) }
    }
}
