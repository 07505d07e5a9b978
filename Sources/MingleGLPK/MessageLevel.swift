// MessageLevel.swift

/// How much GLPK writes to its terminal (`msg_lev` in `glp_smcp` and
/// `glp_iocp`).
///
/// GLPK never writes to stdout through this library: whatever it prints is
/// routed to the problem's ``LinearProgram/output`` handler (or discarded
/// when there is none). The default for every solve is ``off``.
public enum MessageLevel: Sendable, Hashable, CaseIterable {
    /// `GLP_MSG_OFF`: no output.
    case off
    /// `GLP_MSG_ERR`: warnings and errors only.
    case errors
    /// `GLP_MSG_ON`: normal output.
    case normal
    /// `GLP_MSG_ALL`: full output, including informational messages.
    case all
    /// `GLP_MSG_DBG`: debug output.
    case debug
}
