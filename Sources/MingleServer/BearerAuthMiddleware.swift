import Hummingbird

/// Requires `Authorization: Bearer TOKEN` on every route but the open ones
/// (health and the OpenAPI document); 401 otherwise. The token is compared
/// in time that depends on the expected token's length only.
struct BearerAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: [UInt8]
    let openPaths: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard openPaths.contains(request.uri.path) || authorized(request.headers[.authorization]) else {
            throw APIError(status: .unauthorized, message: "missing or wrong bearer token (send Authorization: Bearer TOKEN)")
        }
        return try await next(request, context)
    }

    func authorized(_ header: String?) -> Bool {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else { return false }
        return Self.equalInConstantTime(Array(header.utf8.dropFirst(7)), token)
    }

    /// Whether `given == expected`, reading every byte of `expected` whatever
    /// `given` is, so the time taken tells nothing about where they differ.
    static func equalInConstantTime(_ given: [UInt8], _ expected: [UInt8]) -> Bool {
        var difference: UInt8 = given.count == expected.count ? 0 : 1
        for i in expected.indices {
            difference |= (i < given.count ? given[i] : 0) ^ expected[i]
        }
        return difference == 0
    }
}
