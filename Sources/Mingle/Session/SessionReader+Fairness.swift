extension SessionReader {
    /// Reads `program.fairness` (an extension of the spec): an object whose only
    /// key is `lookback`, an integer >= 1 (default 1).
    mutating func readFairness(_ json: JSONValue, at path: JSONPath) -> FairnessPolicy? {
        guard let members = object(json, at: path, what: "fairness") else { return nil }
        checkKeys(members, at: path, allowed: ["lookback"], what: "fairness")
        var policy = FairnessPolicy()
        if let v = json["lookback"], let n = integer(v, at: path.key("lookback"), what: "lookback") {
            policy.lookback = Int(clamping: n) // `Session.validate` checks the range
        }
        return policy
    }
}
