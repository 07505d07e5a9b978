/// Issues of the tree reader that the one session reader replaced, recorded
/// from `mingle validate` built from main at a7d560e (the last commit with it);
/// since then only the member statuses (`expired`, `left`) and the session's
/// `date` key (the admin loop's extensions) were added to two messages.
enum GoldenIssues {
    static let cases: [(String, [String])] = [
        (#"{"members": [{"id": "a"}, {"id": "a"}]}"#, [
            #"$.members[1].id: duplicate member id "a" (first at $.members[0]); ids must be unique"#,
        ]),
        (#"{"members": [{"id": ""}]}"#, [
            #"$.members[0].id: a member id must be a non-empty string"#,
        ]),
        (#"{"members": [{"name": "x"}]}"#, [
            #"$.members[0]: a member needs an "id" (a non-empty string)"#,
        ]),
        (#"{"members": [{"id": "a", "status": "away"}]}"#, [
            #"$.members[0].status: status must be one of "active", "pending", "paused", "expired", "left", found "away""#,
        ]),
        (#"{"members": [{"id": "a", "categories": {"c": {"x": 1}}}]}"#, [
            #"$.members[0].categories.c: a category value must be a string, a number, a boolean or an array of strings, found an object"#,
        ]),
        (#"{"members": [{"id": "a", "categories": {"c": ["x", 1]}}]}"#, [
            #"$.members[0].categories.c[1]: a category array must hold strings only, found a number"#,
        ]),
        (#"{"members": [], "history": [{"date": "13/11/2026", "groups": []}]}"#, [
            #"$.history[0].date: date must be an ISO-8601 date such as "2026-11-13" or "2026-11-13T09:00:00Z", found "13/11/2026""#,
        ]),
        (#"{"members": [], "history": [{"groups": [["a", 3]]}]}"#, [
            #"$.history[0].groups[0][1]: a member id must be a non-empty string, found a number"#,
        ]),
        (#"{"members": [], "history": [{"date": "2026-11-13"}]}"#, [
            #"$.history[0]: a past session needs "groups": an array of groups, each an array of member ids"#,
        ]),
        (#"{"members": [], "history": [{"groups": [], "groups": []}]}"#, [
            #"$.history[0].groups: malformed JSON at line 1, column 44 (byte 43): duplicate key "groups"; each key may appear once in an object"#,
        ]),
        (#"{"members": [], "members": []}"#, [
            #"$.members: malformed JSON at line 1, column 17 (byte 16): duplicate key "members"; each key may appear once in an object"#,
        ]),
        (#"{"members": [], "extra": 1}"#, [
            #"$.extra: unknown key "extra" in the session (allowed: version, program, members, participants, history, exclusions, options, date)"#,
        ]),
        (#"{"members": [}"#, [
            #"$.members[0]: malformed JSON at line 1, column 14 (byte 13): unexpected character '}', expected a value"#,
        ]),
        (#"{"members": [{"id": "a",}]}"#, [
            #"$.members[0]: malformed JSON at line 1, column 25 (byte 24): expected a string key in the object"#,
        ]),
        (#"[1, 2]"#, [
            #"$: a session must be an object, found an array"#,
        ]),
        (#"{"members": []} x"#, [
            #"$: malformed JSON at line 1, column 17 (byte 16): unexpected text after the JSON value"#,
        ]),
        (#"{"members": [{"id": "a", "groups": "t1"}], "program": {"audience": {"groups": {"in": ["t1"]}}}}"#, [
            #"$.members[0].groups: groups must be an array of non-empty group names such as ["team-paris"], found a string (the program's audience uses it)"#,
            #"warning: $.program.audience.groups.in: no member belongs to any of these groups, so the audience admits nobody"#,
        ]),
        (#"{"members": [{"id": "a", "guest": "yes"}], "program": {"audience": {"guests": false}}}"#, [
            #"$.members[0].guest: guest must be true or false, found a string (the program's audience uses it)"#,
        ]),
        (#"{"members": [{"id": "a"}], "history": [{"groups": [], "unmatched": [3]}]}"#, [
            #"$.history[0].unmatched[0]: a member id must be a non-empty string, found a number"#,
        ]),
        (#"{"members": [{"id": "a"}, {"id": "b"}], "history": [{"groups": [["a", "b"]], "unmatched": ["a"]}]}"#, [
            #"warning: $.history[0].unmatched[0]: "a" is listed as unmatched and also in a group of this session"#,
        ]),
        (#"{"memebrs": [], "members": [{"id": 3, "firstName": 2, "status": 1, "categories": {"a": {}, "b": [1, 2], "c": null}, "email": [], "language": 4, "guest": 1, "groups": [""]}, 7, {"categories": 1, "id": "x", "lastName": true}, {"id": "x"}], "history": [{"unmatched": ["a", 2], "grups": [], "date": 5, "groups": [1, ["a", ""], ["b"]]}, 3, {"date": null, "groups": {}}], "participants": ["zz"]}"#, [
            #"$.memebrs: unknown key "memebrs" in the session (allowed: version, program, members, participants, history, exclusions, options, date); did you mean "members"?"#,
            #"$.members[0].id: a member id must be a non-empty string, found a number"#,
            #"$.members[1]: a member must be an object with at least an "id", found a number"#,
            #"$.members[2].lastName: lastName must be a string, found a boolean"#,
            #"$.members[2].categories: categories must be an object, found a number"#,
            #"$.members[3].id: duplicate member id "x" (first at $.members[2]); ids must be unique"#,
            #"$.participants[0]: participant "zz" is not a member; add it to "members" or remove it here"#,
            #"$.history[0].grups: unknown key "grups" in a past session (allowed: date, groups, unmatched); did you mean "groups"?"#,
            #"$.history[0].date: date must be a string, found a number"#,
            #"$.history[0].groups[0]: a group must be an array, found a number"#,
            #"$.history[0].groups[1][1]: a member id must be a non-empty string"#,
            #"$.history[0].unmatched[1]: a member id must be a non-empty string, found a number"#,
            #"$.history[1]: a past session must be an object, found a number"#,
            #"$.history[2].date: date must be a string, found null"#,
            #"$.history[2].groups: groups must be an array, found an object"#,
            #"warning: $.members[0].groups: groups must be an array of non-empty group names such as ["team-paris"], found an array; it is ignored"#,
            #"warning: $.members[0].guest: guest must be true or false, found a number; it is ignored"#,
            #"warning: $.members[0].language: language must be a string such as "fr" or "en", found a number; messages will be in English"#,
        ]),
        (#"{"members": [{"id": "a", "firstName": 2, "status": "away", "categories": {"a": {}, "b": [1, 2]}, "email": [], "language": 4, "guest": 1, "groups": [""]}, {"id": "b", "lastName": 1, "firstName": 1}], "program": {"audience": {"guests": false, "groups": {"in": ["x"]}}}}"#, [
            #"$.members[0].firstName: firstName must be a string, found a number"#,
            #"$.members[0].email: email must be a string, found an array"#,
            #"$.members[0].status: status must be one of "active", "pending", "paused", "expired", "left", found "away""#,
            #"$.members[0].categories.a: a category value must be a string, a number, a boolean or an array of strings, found an object"#,
            #"$.members[0].categories.b[0]: a category array must hold strings only, found a number"#,
            #"$.members[1].firstName: firstName must be a string, found a number"#,
            #"$.members[1].lastName: lastName must be a string, found a number"#,
            #"$.members[0].groups: groups must be an array of non-empty group names such as ["team-paris"], found an array (the program's audience uses it)"#,
            #"$.members[0].guest: guest must be true or false, found a number (the program's audience uses it)"#,
            #"warning: $.members[0].language: language must be a string such as "fr" or "en", found a number; messages will be in English"#,
            #"warning: $.program.audience.groups.in: no member belongs to any of these groups, so the audience admits nobody"#,
        ]),
        (#"{"members": 3, "history": "x"}"#, [
            #"$.members: members must be an array, found a number"#,
            #"$.history: history must be an array, found a string"#,
        ]),
        (#"{"members": [{"id": "a", "id": "b"}]}"#, [
            #"$.members[0].id: malformed JSON at line 1, column 26 (byte 25): duplicate key "id"; each key may appear once in an object"#,
        ]),
        (#"{"members": [{"id": "a", "categories": {"c": 1, "c": 2}}]}"#, [
            #"$.members[0].categories.c: malformed JSON at line 1, column 49 (byte 48): duplicate key "c"; each key may appear once in an object"#,
        ]),
        (#"{"members": [{"id": "a"} {"id": "b"}]}"#, [
            #"$.members[0]: malformed JSON at line 1, column 26 (byte 25): expected ',' or ']' in the array"#,
        ]),
        (#"{"members": [{"id": "a"}], "history": [{"groups": [["a"] ["b"]]}]}"#, [
            #"$.history[0].groups[0]: malformed JSON at line 1, column 58 (byte 57): expected ',' or ']' in the array"#,
        ]),
        (#"{"members": [{"id": "a\u12"}]}"#, [
            #"$.members[0].id: malformed JSON at line 1, column 27 (byte 26): invalid hex digit in \u escape"#,
        ]),
        (#"{"members": [{"id": "a"}, ], "history": []}"#, [
            #"$.members[1]: malformed JSON at line 1, column 27 (byte 26): unexpected character ']', expected a value"#,
        ]),
        (#"{"members": [{"id": "a"}]"#, [
            #"$.members: malformed JSON at line 1, column 26 (byte 25): unexpected end of input inside an object"#,
        ]),
        (#"{"members": [{"id": "a"}], "history": [{"groups": [["a"]]}"#, [
            #"$.history[0]: malformed JSON at line 1, column 59 (byte 58): unexpected end of input inside an array"#,
        ]),
        (#"{"members": [{"id": "a", "categories": {"c": 1e999}}]}"#, [
            #"$.members[0].categories.c: malformed JSON at line 1, column 46 (byte 45): number 1e999 is out of range (beyond ±1.8e308)"#,
        ]),
        (#"{"members": [[[[[[1]]]]], {"id": "x"}], "a": [}"#, [
            #"$.a[0]: malformed JSON at line 1, column 47 (byte 46): unexpected character '}', expected a value"#,
        ]),
        (#"{"members": [{"id": "a"}], "options": {"seed": -1, "timeLimit": 0}, "exclusions": [["a", "a"]]}"#, [
            #"$.exclusions[0]: an exclusion needs two different members, found "a" twice"#,
            #"$.options.timeLimit: timeLimit must be a number of seconds > 0, found 0.0"#,
        ]),
        (#"{"members": [{"id":"a","status":null,"firstName":"x","lastName":null}], "history": [{"groups": [["a","a"]]}]}"#, [
            #"$.members[0].status: status must be one of "active", "pending", "paused", "expired", "left", found null"#,
            #"warning: $.history[0].groups[0][1]: "a" is listed twice in this group; it counts once"#,
        ]),
        (#""#, [
            #"$: malformed JSON at line 1, column 1 (byte 0): unexpected end of input, expected a value"#,
        ]),
        (#"  "#, [
            #"$: malformed JSON at line 1, column 3 (byte 2): unexpected end of input, expected a value"#,
        ]),
        ("{\"members\": [{\"id\": \"\u{1}\"}]}", [
            #"$.members[0].id: malformed JSON at line 1, column 22 (byte 21): control character in a string; escape it"#,
        ]),
        (#"{"history": [], "members": [{"id": "a", "x": [1, 2, {"y": [}]}]}"#, [
            #"$.members[0].x[2].y[0]: malformed JSON at line 1, column 60 (byte 59): unexpected character '}', expected a value"#,
        ]),
        (#"{"history": [{"groups": [["a"]]}, {"groups": [["a"], 2}], "members": [{"id": "a", "x": [1, 2, {"y": [}]}]}"#, [
            #"$.history[1].groups[1]: malformed JSON at line 1, column 55 (byte 54): expected ',' or ']' in the array"#,
        ]),
        (#"{"members": [{"id": "a"}, {"id": "b", "categories": {"c": "x", "d": [1]}}, {"id": "a", "status": 3}], "history": [{"groups": [["a", "b", "a"]], "date": "2026-01-01"}, {"groups": [["a", "b"]], "unmatched": ["b", "c"], "x": 1}]}"#, [
            #"$.members[1].categories.d[0]: a category array must hold strings only, found a number"#,
            #"$.members[2].status: status must be one of "active", "pending", "paused", "expired", "left", found a number"#,
            #"$.members[2].id: duplicate member id "a" (first at $.members[0]); ids must be unique"#,
            #"$.history[1].x: unknown key "x" in a past session (allowed: date, groups, unmatched)"#,
            #"warning: $.history[1].unmatched[0]: "b" is listed as unmatched and also in a group of this session"#,
            #"warning: $.history[0].groups[0][2]: "a" is listed twice in this group; it counts once"#,
        ]),
    ]
}
