#!/usr/bin/python3
# The province bench's yardstick: what a county clerk would script with openpyxl to merge the
# townships' workbooks. Reads every file (read_only, cached formula values), checks each row's
# total against the sum of its scores and its grade against the score bands, and writes a detail
# workbook (every organization) and a summary (counts by township, grade and category).
# Usage: clerk-merge.py <config.json>   config: {"files": [...], "out": "...", "sheet": "...",
#   "firstRow": 5, "cols": {"name": 2, "category": 4, "scores": [8..14], "total": 15,
#   "forcedBottom": 16, "newlyEstablished": 17, "grade": 18}, "bands": [["好", 90], ...]}
# Prints one JSON line: seconds, files, orgs, total/grade mismatches, peak RSS.
import json
import resource
import sys
import time

from openpyxl import Workbook, load_workbook


def band(bands, total):
    for label, low in bands:
        if total >= low:
            return label
    return bands[-1][0]


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cfg = json.load(f)
    cols = cfg["cols"]
    bands = sorted(cfg["bands"], key=lambda b: -b[1])
    t0 = time.perf_counter()
    out = Workbook(write_only=True)
    detail = out.create_sheet("明细")
    detail.append(["乡镇", "党组织名称", "类别", "总分", "等次", "核对"])
    counts = {}
    by_category = {}
    orgs = 0
    sum_bad = 0
    band_bad = 0
    for path in cfg["files"]:
        wb = load_workbook(path, read_only=True, data_only=True)
        ws = wb[cfg["sheet"]]
        township = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        for row in ws.iter_rows(min_row=cfg["firstRow"], values_only=True):
            name = row[cols["name"] - 1] if len(row) >= cols["name"] else None
            if name is None or str(name).strip() == "":
                continue
            scores = [row[c - 1] or 0 for c in cols["scores"]]
            total = row[cols["total"] - 1]
            computed = sum(float(s) for s in scores)
            note = ""
            if total is None or abs(float(total) - computed) > 1e-6:
                sum_bad += 1
                note = "总分不符"
                total = computed
            grade = row[cols["grade"] - 1]
            forced = row[cols["forcedBottom"] - 1] in ("是", "√", True)
            newly = row[cols["newlyEstablished"] - 1] in ("是", "√", True)
            if not forced and not newly and grade != band(bands, float(total)):
                band_bad += 1
                note = (note + " " if note else "") + "等次与分数段不符"
            category = row[cols["category"] - 1]
            detail.append([township, name, category, float(total), grade, note])
            counts.setdefault(township, {})
            counts[township][grade] = counts[township].get(grade, 0) + 1
            by_category.setdefault(category, {})
            by_category[category][grade] = by_category[category].get(grade, 0) + 1
            orgs += 1
        wb.close()
    labels = [b[0] for b in bands]
    summary = out.create_sheet("汇总")
    summary.append(["乡镇"] + labels + ["合计"])
    for township, c in counts.items():
        summary.append([township] + [c.get(g, 0) for g in labels] + [sum(c.values())])
    summary.append([])
    summary.append(["类别"] + labels + ["合计"])
    for category, c in by_category.items():
        summary.append([category] + [c.get(g, 0) for g in labels] + [sum(c.values())])
    out.save(cfg["out"])
    seconds = time.perf_counter() - t0
    print(json.dumps({
        "seconds": seconds,
        "files": len(cfg["files"]),
        "orgs": orgs,
        "totalMismatches": sum_bad,
        "gradeMismatches": band_bad,
        "maxRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


main()
