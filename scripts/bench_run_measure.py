#!/usr/bin/env python3
"""Measurement and table for scripts/bench-run.sh (stdlib only).

  bench_run_measure.py measure --out RESULT.json --timeout S [--stderr LOG] [--stdout LOG] -- CMD...
      Runs `/usr/bin/time -v -o … timeout S CMD…` and writes wall, user, sys, peak RSS and the exit status
      from /usr/bin/time. When CMD is `alim run`, it also reads alim's log as it comes: at each
      `stage done … stage=X` line it samples the alim process's CPU time (utime + stime, /proc/PID/stat)
      and its peak RSS so far (VmHWM, /proc/PID/status). alim reports no CPU time per stage itself; these
      samples are the closest outside measure (a stage's CPU = difference of two samples, the first one
      including start-up).
  bench_run_measure.py table DIR
      Prints the per-stage table of one size from DIR (manifest.json, xmllint.json, night1.json,
      night1-summary.json, night1-run.json, night2…).
"""
import json
import os
import re
import subprocess
import sys
import time

STAGES = ["ingest", "normalize", "match", "accounts", "sheets", "report"]
TICK = os.sysconf("SC_CLK_TCK")


def descendants(root):
    """Pids below `root`, from /proc (children files when the kernel has them, else a scan of ppids)."""
    parents = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open("/proc/%s/stat" % name) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                parents.setdefault(int(fields[1]), []).append(int(name))
            except (OSError, IndexError):
                pass
    out, todo = [], [root]
    while todo:
        p = todo.pop()
        for c in parents.get(p, []):
            out.append(c)
            todo.append(c)
    return out


def comm(pid):
    try:
        with open("/proc/%d/comm" % pid) as f:
            return f.read().strip()
    except OSError:
        return ""


def sample(pid):
    """(cpu seconds, VmHWM kB) of a live process, or None."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / TICK
        hwm = None
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
        return cpu, hwm
    except (OSError, IndexError, ValueError):
        return None


def parse_time(path):
    out = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            key, _, value = line.partition(": ")
            if key == "Elapsed (wall clock) time (h:mm:ss or m:ss)":
                s = 0.0
                for part in value.split(":"):
                    s = s * 60 + float(part)
                out["wall_s"] = s
            elif key == "User time (seconds)":
                out["user_s"] = float(value)
            elif key == "System time (seconds)":
                out["sys_s"] = float(value)
            elif key == "Maximum resident set size (kbytes)":
                out["max_rss_kb"] = int(value)
            elif key == "Exit status":
                out["exit"] = int(value)
    return out


def measure(argv):
    args = {"--timeout": "3600", "--stderr": None, "--stdout": None, "--out": None}
    i = 0
    while argv[i] != "--":
        args[argv[i]] = argv[i + 1]
        i += 2
    cmd = argv[i + 1:]
    time_file = args["--out"] + ".time"
    target = os.path.basename(cmd[0])
    stdout = open(args["--stdout"] or os.devnull, "w")
    err_log = open(args["--stderr"], "w", buffering=1) if args["--stderr"] else None  # line-buffered: follow it with tail -f
    start = time.monotonic()
    proc = subprocess.Popen(["/usr/bin/time", "-v", "-o", time_file, "timeout", "--kill-after=30", args["--timeout"]] + cmd,
                            stdout=stdout, stderr=subprocess.PIPE, text=True, errors="replace")
    pid = None
    stages = []
    pattern = re.compile(r"stage done .*stage=(\w+)")
    ms_pattern = re.compile(r"\bms=(\d+)")
    for line in proc.stderr:
        if err_log:
            err_log.write(line)
        if pid is None:
            pid = next((p for p in descendants(proc.pid) if comm(p) == target[:15]), None)
        m = pattern.search(line)
        if m:
            s = sample(pid) if pid else None
            ms = ms_pattern.search(line)
            stages.append({"name": m.group(1), "at_s": round(time.monotonic() - start, 3),
                           "log_ms": int(ms.group(1)) if ms else None,
                           "cpu_s": s[0] if s else None, "hwm_kb": s[1] if s else None})
    proc.wait()
    result = parse_time(time_file)
    result["timed_out"] = result.get("exit") in (124, 137) or proc.returncode in (124, 137)
    result["timeout_s"] = int(args["--timeout"])
    result["stages"] = stages
    result["cmd"] = cmd
    with open(args["--out"], "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    if err_log:
        err_log.close()


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def stage_rows(d, night):
    """[(stage, wall s, cpu s or None, hwm MB or None)] for one night, and the summary's counts."""
    m = load(os.path.join(d, night + ".json"))
    if m is None:
        return None
    summary = load(os.path.join(d, night + "-summary.json")) or {}
    run = load(os.path.join(d, night + "-run.json")) or {}
    wall = {s["name"]: s["duration_ms"] / 1000 for s in summary.get("stages", [])}
    for s in run.get("stages", []):  # summary.json is written by the report stage, so lacks its own time
        if s.get("summary") and s["stage"] not in wall:
            wall[s["stage"]] = s["summary"]["duration_ms"] / 1000
    for s in m["stages"]:  # a run that timed out wrote no summary: the log's ms= of each finished stage
        if s["name"] not in wall and s["log_ms"] is not None:
            wall[s["name"]] = s["log_ms"] / 1000
    rows, prev = [], 0.0
    samples = {s["name"]: s for s in m["stages"]}
    for name in STAGES:
        if name not in wall:
            continue
        s = samples.get(name, {})
        cpu = None
        if s.get("cpu_s") is not None:
            cpu = s["cpu_s"] - prev
            prev = s["cpu_s"]
        rows.append((name, wall[name], cpu, s["hwm_kb"] / 1024 if s.get("hwm_kb") else None))
    return m, rows, summary


def fmt(x, spec="%.1f"):
    return "n/a" if x is None else spec % x


def table(d):
    man = load(os.path.join(d, "manifest.json")) or {}
    lint = load(os.path.join(d, "xmllint.json")) or {}
    n = man.get("persons", 0)
    c = man.get("counts", {})
    xml_mb = sum(man.get("xml_bytes", {}).values()) / 1e6
    files = load(os.path.join(d, "xmlfiles.json")) or {}
    print("== %s person records (seed %s): %d primary schools (ONDE: %s pupil rows + %s guardian rows), "
          "%d SIECLE collèges (%s + %s), %d AAF collèges (%s + %s); %s guardians written in ONDE and in a collège export"
          % (f"{n:,}", man.get("seed"), man.get("primary_schools", 0), f"{c.get('onde_pupils', 0):,}",
             f"{c.get('onde_guardian_rows', 0):,}", man.get("siecle_colleges", 0), f"{c.get('siecle_pupils', 0):,}",
             f"{c.get('siecle_guardians', 0):,}", man.get("aaf_colleges", 0), f"{c.get('aaf_pupils', 0):,}",
             f"{c.get('aaf_guardians', 0):,}", f"{man.get('guardians_in_onde_and_college', 0):,}"))
    lw = lint.get("wall_s")
    print("floor: xmllint --stream --noout over the %s XML files (%.0f MB; zips unzipped beforehand, ONDE CSV not included): "
          "wall %s s, CPU %s s, peak RSS %s MB"
          % (files.get("count", "?"), xml_mb, fmt(lw, "%.2f"),
             fmt(lint.get("user_s", 0) + lint.get("sys_s", 0) if lint else None, "%.2f"),
             fmt(lint.get("max_rss_kb", 0) / 1024 if lint else None, "%.0f")))
    nights = {}
    for night in ("night1", "night2"):
        r = stage_rows(d, night)
        if r:
            nights[night] = r
    if "night1" not in nights:
        print("alim run: not measured")
        return
    m1, rows1, s1 = nights["night1"]
    m2, rows2, s2 = nights.get("night2", (None, [], {}))
    w1 = m1.get("wall_s", 0)
    w2 = m2.get("wall_s") if m2 else None
    print()
    print("night 1 = cold run (fresh workdir, --date %s), exit %s%s; night 2 = unchanged second night (same inbox and workdir, --date %s)%s"
          % (d_date(m1), m1.get("exit"), "  ** TIMED OUT after %d s **" % m1["timeout_s"] if m1.get("timed_out") else "",
             d_date(m2) if m2 else "-", ", exit %s" % m2.get("exit") if m2 else ": not run"
             + (" (night 1 timed out)" if m1.get("timed_out") else "")))
    print("CPU per stage: alim does not report it; sampled from /proc/PID/stat at each `stage done` log line (first stage includes start-up).")
    print()
    print("%-16s %10s %7s %9s %13s | %10s %7s %9s" % ("stage", "wall s", "share", "CPU s", "RSS so far MB", "2nd wall s", "share", "CPU s"))
    r2 = {name: (wall, cpu) for name, wall, cpu, _ in rows2}
    for name, wall, cpu, hwm in rows1:
        w, cp = r2.get(name, (None, None))
        print("%-16s %10.2f %6.1f%% %9s %13s | %10s %7s %9s" % (
            name, wall, 100 * wall / w1 if w1 else 0, fmt(cpu, "%.2f"), fmt(hwm, "%.0f"), fmt(w, "%.2f"),
            fmt(100 * w / w2 if w is not None and w2 else None, "%.1f%%"), fmt(cp, "%.2f")))
    out1 = w1 - sum(r[1] for r in rows1)
    if m1.get("timed_out") and m1["stages"] and len(rows1) < len(STAGES):
        # The stage running when the timeout struck: from its predecessor's `stage done` line to the kill.
        last = m1["stages"][-1]
        killed = w1 - last["at_s"]
        cpu_k = (m1.get("user_s", 0) + m1.get("sys_s", 0) - last["cpu_s"]) if last.get("cpu_s") is not None else None
        print("%-16s %10.2f %6.1f%% %9s %13s | %10s %7s %9s" % (STAGES[len(rows1)] + " (killed)", killed, 100 * killed / w1,
                                                               fmt(cpu_k, "%.2f"), fmt(m1.get("max_rss_kb", 0) / 1024, "%.0f"),
                                                               "n/a", "n/a", "n/a"))
        out1 -= killed
    out2 = (w2 - sum(r[1] for r in rows2)) if w2 is not None else None
    cpu1 = m1.get("user_s", 0) + m1.get("sys_s", 0)
    cpu2 = (m2.get("user_s", 0) + m2.get("sys_s", 0)) if m2 else None
    print("%-16s %10.2f %6.1f%% %9s %13s | %10s %7s %9s" % ("outside stages", out1, 100 * out1 / w1 if w1 else 0, "", "",
                                                           fmt(out2, "%.2f"), fmt(100 * out2 / w2 if w2 else None, "%.1f%%"), ""))
    rss1 = m1.get("max_rss_kb", 0) / 1024
    print("%-16s %10.2f %6.1f%% %9.2f %13.0f | %10s %7s %9s" % ("total", w1, 100.0, cpu1, rss1, fmt(w2, "%.2f"),
                                                               "100.0%" if w2 else "", fmt(cpu2, "%.2f")))
    print()
    if lw:
        print("ratio vs xmllint: night 1 wall %s%.1f × (CPU %.1f ×)%s" % (
            "≥ " if m1.get("timed_out") else "", w1 / lw, cpu1 / max(1e-9, lint["user_s"] + lint["sys_s"]),
            " (a lower bound: the run was killed before its end)" if m1.get("timed_out") else ""))
        ingest = next((r[1] for r in rows1 if r[0] == "ingest"), None)
        if ingest is not None:
            print("ingest stage vs xmllint: %.1f × wall (ingest also reads the ONDE CSV and unzips the SIECLE exports)" % (ingest / lw))
    print("peak RSS (night 1): %.0f MB = %.0f bytes per person record%s"
          % (rss1, rss1 * 1024 * 1024 / n if n else 0,
             "; night 2: %.0f MB" % (m2["max_rss_kb"] / 1024) if m2 and m2.get("max_rss_kb") else ""))
    print("records/s (night 1): %s%.0f" % ("≤ " if m1.get("timed_out") else "", n / w1 if w1 else 0))
    if w2:
        print("unchanged second night: %.2f s = %.2f × the cold run (target ≤ 0.10)" % (w2, w2 / w1))
    counts = {st["name"]: st for st in s1.get("stages", [])}
    counts2 = {st["name"]: st for st in s2.get("stages", [])}
    if counts:
        print("alim read %s person records (ingest records_in), kept %s persons after matching, %s accounts, made %s sheets%s"
              % (f"{counts.get('ingest', {}).get('records_in', 0):,}", f"{counts.get('match', {}).get('records_out', 0):,}",
                 f"{counts.get('accounts', {}).get('records_out', 0):,}", f"{counts.get('sheets', {}).get('records_out', 0):,}",
                 "; night 2 made %s sheets" % f"{counts2['sheets']['records_out']:,}" if "sheets" in counts2 else ""))


def d_date(m):
    cmd = m.get("cmd", []) if m else []
    return cmd[cmd.index("--date") + 1] if "--date" in cmd else "?"


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "measure":
        measure(sys.argv[2:])
    elif len(sys.argv) == 3 and sys.argv[1] == "table":
        table(sys.argv[2])
    else:
        sys.exit(__doc__)
