import ArgumentParser

/// A `--seed` value, read as the session file reads `options.seed`: an
/// unsigned 64-bit integer, or a negative one taken as its bit pattern
/// (`-1` is 18446744073709551615).
struct SeedArgument: ExpressibleByArgument {
    var value: UInt64

    init?(argument: String) {
        if let unsigned = UInt64(argument) {
            value = unsigned
        } else if let signed = Int64(argument) {
            value = UInt64(bitPattern: signed)
        } else {
            return nil
        }
    }
}
