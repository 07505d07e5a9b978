/// A day of the proleptic Gregorian calendar, written `YYYY-MM-DD`: the
/// session's `date` and a member's `pausedUntil`, `invitedAt` and `remindedAt`
/// (extensions of the spec). Days are counted from 1970-01-01, so that
/// "3 days after" and "30 days old" are plain integer arithmetic.
///
/// The conversions are Howard Hinnant's `days_from_civil` and
/// `civil_from_days` ("chrono-Compatible Low-Level Date Algorithms", 2013).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public let dayNumber: Int

    public init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// Reads exactly `YYYY-MM-DD`, a day that exists (`2026-02-30` does not); nil otherwise.
    public init?(_ text: String) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        var digits: [Int] = []
        for i in [0, 1, 2, 3, 5, 6, 8, 9] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(u[i]) else { return nil }
            digits.append(Int(u[i] - UInt8(ascii: "0")))
        }
        let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        let month = digits[4] * 10 + digits[5], day = digits[6] * 10 + digits[7]
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.days(inMonth: month, year: year) else { return nil }
        self.dayNumber = CalendarDate.dayNumber(year: year, month: month, day: day)
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// Days from `earlier` to this date (negative when `earlier` is later).
    public func days(since earlier: CalendarDate) -> Int {
        dayNumber - earlier.dayNumber
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }

    /// `YYYY-MM-DD`.
    public var description: String {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// What is wrong with a text that should be a date, for messages.
    static func problem(_ text: String, what: String) -> String {
        "\(what) must be a date written YYYY-MM-DD, such as \"2026-12-14\", found \"\(text)\""
    }
}

extension Session {
    /// Whether a pause until `day` is over on this session's date: the member
    /// takes part from `day` on. Without a session date a pause is never over,
    /// so that a paused member is never placed by mistake.
    public func isOver(pauseUntil day: String) -> Bool {
        guard let date = date.flatMap(CalendarDate.init), let until = CalendarDate(day) else { return false }
        return date >= until
    }
}
