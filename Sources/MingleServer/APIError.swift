import Hummingbird
import Mingle

/// An error a client can act on: a status and `{"error": ..., "issues": [{"path", "message"}]}`.
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var message: String
    var issues: [(path: String, message: String)] = []
    /// Seconds after which a retry may succeed (503).
    var retryAfter: Int?

    /// 400 with every issue of the session; paths under `prefix` when the
    /// session is part of a larger body.
    static func invalidSession(_ error: SessionError, under prefix: String = "$") -> APIError {
        APIError(status: .badRequest, message: "invalid session", issues: error.issues.map { (path($0.path, under: prefix), $0.message) })
    }

    static func malformed(_ error: JSONSyntaxError) -> APIError {
        APIError(status: .badRequest, message: "malformed JSON",
                 issues: [("$", "malformed JSON at line \(error.line), column \(error.column): \(error.message)")])
    }

    /// A JSON path of a part (`$.x`) as a path of the whole (`$.session.x`).
    static func path(_ path: String, under prefix: String) -> String {
        path.hasPrefix("$") ? prefix + path.dropFirst() : path
    }

    /// The JSON body, on one line with a newline.
    var body: [UInt8] { JSONWriter.errorLine(message, issues: issues) }

    var response: Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
