import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The outermost middleware: turns every error into a JSON response (never
/// an HTML page), counts the request in the metrics, and logs one line on
/// stderr: method, route, status, duration and request id. The line never
/// holds member data: the route is the matched pattern, not the request's
/// path, and bodies are never logged.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let id = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = Self.response(for: error, logger: logger, id: id)
        }
        response.headers[.requestID] = id
        let route = context.endpointPath ?? "unmatched"
        let code = response.status.code
        metrics.request(route: route, status: code)
        let ms = (ContinuousClock.now - start) / .milliseconds(1)
        logger.info("\(request.method) \(route) \(code) \(String(format: "%.1f", ms))ms id=\(id)")
        return response
    }

    static func response(for error: any Error, logger: Logger, id: String) -> Response {
        switch error {
        case let error as APIError:
            return error.response
        case let error as HTTPError:
            let message = error.status == .contentTooLarge ? "the request body is over the limit (--max-body)" : (error.body ?? error.status.reasonPhrase)
            return APIError(status: error.status, message: message).response
        case let error as any HTTPResponseError:
            return APIError(status: error.status, message: error.status.reasonPhrase).response
        case is CancellationError:
            // The client went away; nobody reads this (499 as nginx names it).
            return APIError(status: .init(code: 499, reasonPhrase: "Client Closed Request"), message: "cancelled").response
        default:
            logger.error("internal error (a bug) id=\(id): \(type(of: error))")
            return APIError(status: .internalServerError, message: "internal error").response
        }
    }
}

extension HTTPField.Name {
    /// The request id of the log line, sent back so a client can quote it.
    static let requestID = HTTPField.Name("X-Request-Id")!
}
