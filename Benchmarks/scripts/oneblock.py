#!/usr/bin/env python3
"""One dense block: sessions for the exact solver's benchmark, and CBC on the
fully enumerated model of the same session.

  oneblock.py generate N K REMAINDER SEED FAMILY OUT.json
      FAMILY "dense": department different +3, seniority within 1 +1,
      interests overlap +0.5; "pairwise": department different +2, interests
      overlap +1. Both: one city (no required rule), every member active and
      taking part, 12 weekly sessions of history (random groups of K among 80%
      of the members), forbidWithin 2, penalty 10, half-life 8. Deterministic
      by seed (Python's own Mersenne Twister, seeded), independent of
      `mingle generate`.

  oneblock.py cbc SESSION.json LIMIT
      Enumerates every allowed group (sizes K, and K+1 under merge) from the
      session by SPEC section 2 (groups of K+1 only when N mod K > 0: otherwise
      the fixed count of them is 0), writes the set-packing model with the placed
      and oversized counts fixed at their trivial bounds (as Mingle's stages 1
      and 2 settle them on these sessions), runs PuLP's bundled CBC with a time
      limit and prints "seconds status objective bound columns" (seconds
      include enumeration and writing). Prints "- skipped columns" when there
      are more than 1,500,000 groups.
"""
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
import time

DEPARTMENTS = ["Engineering", "Sales", "Marketing", "Finance", "HR", "Legal", "Operations", "Support"]
INTERESTS = ["books", "chess", "cinema", "climbing", "cooking", "football", "gaming", "hiking",
             "jazz", "photography", "running", "travel"]


def generate(n, k, remainder, seed, family, out):
    rng = random.Random(seed)
    members = []
    for i in range(n):
        members.append({"id": f"m{i}", "status": "active", "categories": {
            "city": "Paris",
            "department": rng.choice(DEPARTMENTS),
            "seniority": rng.randint(1, 5),
            "interests": sorted(rng.sample(INTERESTS, rng.randint(1, 3))),
        }})
    history = []
    for week in range(12):
        ids = [m["id"] for m in members if rng.random() < 0.8]
        rng.shuffle(ids)
        groups = [ids[s:s + k] for s in range(0, len(ids) - len(ids) % k, k)]
        if len(ids) % k and groups:
            groups[-1] += ids[len(ids) - len(ids) % k:]
        history.append({"date": f"2026-{9 + week // 4:02d}-{1 + 7 * (week % 4):02d}", "groups": groups})
    if family == "dense":
        rules = [{"category": "department", "kind": "different", "weight": 3},
                 {"category": "seniority", "kind": "within", "distance": 1, "weight": 1},
                 {"category": "interests", "kind": "overlap", "weight": 0.5}]
    else:
        rules = [{"category": "department", "kind": "different", "weight": 2},
                 {"category": "interests", "kind": "overlap", "weight": 1}]
    session = {"version": 1,
               "program": {"id": f"oneblock-{family}-{n}", "groupSize": k, "remainder": remainder, "rules": rules,
                           "repeats": {"forbidWithin": 2, "penalty": 10, "halfLife": 8}},
               "members": members, "history": history,
               "options": {"solver": "exact", "timeLimit": 60, "seed": seed}}
    with open(out, "w") as f:
        json.dump(session, f)


def as_set(v):
    return set(v) if isinstance(v, list) else {v}


def holds(rule, a, b):
    c = rule["category"]
    if c not in a or c not in b:
        return False
    x, y = a[c], b[c]
    kind = rule["kind"]
    if kind == "same":
        return as_set(x) == as_set(y)
    if kind == "different":
        return as_set(x) != as_set(y)
    if kind == "within":
        return abs(x - y) <= rule.get("distance", 0)
    return bool(as_set(x) & as_set(y))


def pair_weights(session):
    """Allowed pairs and weights of SPEC section 2 (dense sessions of this file)."""
    members = session["members"]
    index = {m["id"]: i for i, m in enumerate(members)}
    n = len(members)
    program = session["program"]
    repeats = program.get("repeats", {})
    forbid, penalty, half = repeats.get("forbidWithin", 0), repeats.get("penalty", 10), repeats.get("halfLife", 8)
    w = [[0.0] * n for _ in range(n)]
    allowed = [[True] * n for _ in range(n)]
    cats = [m.get("categories", {}) for m in members]
    for a in range(n):
        for b in range(a + 1, n):
            s = 0.0
            for rule in program["rules"]:
                ok = holds(rule, cats[a], cats[b])
                if rule.get("required"):
                    allowed[a][b] &= ok
                elif ok:
                    s += rule.get("weight", 1)
            w[a][b] = s
    history = sorted(session.get("history", []), key=lambda h: h["date"])
    for age, past in enumerate(reversed(history), start=1):
        for group in past["groups"]:
            ids = [index[x] for x in group if x in index]
            for a, b in itertools.combinations(sorted(ids), 2):
                if age <= forbid:
                    allowed[a][b] = False
                else:
                    w[a][b] -= penalty * 0.5 ** ((age - 1) / half) if half else penalty
    return n, w, allowed


def cbc(path, limit):
    start = time.time()
    session = json.load(open(path))
    n, w, allowed = pair_weights(session)
    k = session["program"]["groupSize"]
    merge = session["program"].get("remainder", "merge") == "merge"
    # Groups of k+1 only when the fixed count of them is not 0 (else they are 0 anyway).
    sizes = [k, k + 1] if merge and n % k else [k]
    groups = []

    def extend(group, score, nxt):
        if len(group) in sizes:
            groups.append((tuple(group), score))
            if len(groups) > 1_500_000:
                raise OverflowError
        if len(group) == sizes[-1]:
            return
        for c in range(nxt, n):
            if all(allowed[x][c] for x in group):
                extend(group + [c], score + sum(w[x][c] for x in group), c + 1)
    try:
        for i in range(n):
            extend([i], 0.0, i + 1)
    except OverflowError:
        print("- >1.5M")
        return
    placed = n if merge else k * (n // k)
    oversized = placed % k if merge else 0
    lines = ["Maximize", " obj: " + " + ".join(f"{s:.12g} x{j}" for j, (_, s) in enumerate(groups)), "Subject To"]
    rows = [[] for _ in range(n)]
    for j, (g, _) in enumerate(groups):
        for x in g:
            rows[x].append(j)
    for i in range(n):
        lines.append(f" m{i}: " + " + ".join(f"x{j}" for j in rows[i]) + (" = 1" if placed == n else " <= 1"))
    lines.append(" p: " + " + ".join(f"{len(g)} x{j}" for j, (g, _) in enumerate(groups)) + f" = {placed}")
    if len(sizes) > 1:
        big = [j for j, (g, _) in enumerate(groups) if len(g) > k]
        lines.append(" o: " + (" + ".join(f"x{j}" for j in big) if big else "0 x0") + f" = {oversized}")
    lines.append("Binary")
    lines += [f" x{j}" for j in range(len(groups))]
    lines.append("End")
    with tempfile.TemporaryDirectory() as d:
        lp = os.path.join(d, "m.lp")
        with open(lp, "w") as f:
            f.write("\n".join(lines))
        import pulp
        binary = pulp.apis.PULP_CBC_CMD().path
        out = subprocess.run([binary, lp, "sec", str(limit), "threads", "1", "solve", "solu", os.path.join(d, "s.txt")],
                             capture_output=True, text=True).stdout
    seconds = time.time() - start
    status, objective, bound = "?", "-", "-"
    for line in out.splitlines():
        if line.startswith("Result - "):
            status = "optimal" if "Optimal" in line else "stopped"
        if line.startswith("Objective value:"):
            objective = line.split()[-1]
        if line.startswith("Lower bound:") or line.startswith("Upper bound:"):
            bound = line.split()[-1]
    if status == "optimal":
        bound = objective
    print(f"{seconds:.1f} {status} {objective} {bound} {len(groups)}")


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5]), sys.argv[6], sys.argv[7])
    else:
        cbc(sys.argv[2], float(sys.argv[3]))
