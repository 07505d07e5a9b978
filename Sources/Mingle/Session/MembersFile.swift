/// The members file `mingle import` writes: `{"version": 1, "members": [...]}`.
/// It is a valid session by itself (every other key takes its default) and a
/// members part of a session assembled from parts.
public enum MembersFile {
    /// The members file's text, ending with a newline.
    ///
    /// - Complexity: O(size of the members).
    public static func jsonBytes(_ members: [Member]) -> [UInt8] {
        var w = JSONWriter(indent: 1)
        w.beginObject()
        w.key("version"); w.integer(1)
        w.key("members"); w.beginArray()
        for m in members { w.member(m) }
        w.endArray()
        w.endObject()
        var bytes = w.bytes
        bytes.append(0x0A)
        return bytes
    }
}
