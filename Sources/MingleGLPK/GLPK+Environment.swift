// GLPK+Environment.swift

extension GLPK {
    /// The thread-local storage class GLPK was built with
    /// (`glp_config("TLS")`, e.g. `"_Thread_local"`), or nil when GLPK was
    /// built without TLS and is therefore not usable from several threads
    /// at once.
    public static var threadLocalStorage: String? {
        glpk_config_tls()
    }

    /// Number of memory blocks GLPK currently has allocated in the calling
    /// thread's environment (`glp_mem_usage`). Zero when no problem object
    /// of this thread is alive. Creates the environment if needed.
    public static var allocatedBlocksOnCurrentThread: Int {
        glpk_mem_count()
    }

    /// Frees the calling thread's GLPK environment (`glp_free_env`) if it
    /// holds no allocations, and returns whether it did.
    ///
    /// `glp_free_env` invalidates every problem object of the thread, so
    /// this refuses (returns false) while any GLPK memory is allocated on
    /// this thread, e.g. when called inside ``withProblem(direction:output:_:)``.
    /// Useful before a long-lived thread ends. O(1).
    @discardableResult
    public static func releaseThreadEnvironment() -> Bool {
        guard glpk_mem_count() == 0 else { return false }
        glpk_free_env()
        return true
    }
}
