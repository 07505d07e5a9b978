extension Session {
    /// Problems with the dates of the extensions: the session's `date` and each
    /// member's `pausedUntil`, `invitedAt` and `remindedAt` must be days written
    /// `YYYY-MM-DD` (errors: they decide who takes part and who gets a message);
    /// an invitation or reminder after the session's date is a warning (a
    /// clock or a file from the future), as is a reminder before its invitation.
    ///
    /// - Complexity: O(members).
    func dateIssues() -> [SessionIssue] {
        var issues: [SessionIssue] = []
        let root = JSONPath.root
        var sessionDay: CalendarDate?
        if let date {
            sessionDay = CalendarDate(date)
            if sessionDay == nil { issues.append(SessionIssue(.error, path: root.key("date").description, CalendarDate.problem(date, what: "date"))) }
        }
        for (i, member) in members.enumerated() where member.pausedUntil != nil || member.invitedAt != nil || member.remindedAt != nil {
            let path = root.key("members").index(i)
            var days: [String: CalendarDate] = [:]
            for (key, value) in [("pausedUntil", member.pausedUntil), ("invitedAt", member.invitedAt), ("remindedAt", member.remindedAt)] {
                guard let value else { continue }
                guard let day = CalendarDate(value) else {
                    issues.append(SessionIssue(.error, path: path.key(key).description, CalendarDate.problem(value, what: key)))
                    continue
                }
                days[key] = day
            }
            for key in ["invitedAt", "remindedAt"] {
                if let day = days[key], let sessionDay, day > sessionDay {
                    issues.append(SessionIssue(.warning, path: path.key(key).description,
                                               "\(key) \(day) is after the session's date \(sessionDay); check the clock of the job that wrote it"))
                }
            }
            if let invited = days["invitedAt"], let reminded = days["remindedAt"], reminded < invited {
                issues.append(SessionIssue(.warning, path: path.key("remindedAt").description,
                                           "remindedAt \(reminded) is before invitedAt \(invited): the reminder was of an earlier invitation"))
            }
        }
        return issues
    }
}
