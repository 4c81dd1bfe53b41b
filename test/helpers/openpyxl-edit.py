# Applies clerk edits (clerk-edits.ts) to workbooks with openpyxl, the way a script or a clerk's
# tool built on it saves them: formulas kept as text, no cached results.
# stdin: [{"template": path, "out": path, "edits": [...]}, ...]
import datetime
import json
import sys

import openpyxl
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.styles.numbers import NumberFormat


def value(v):
    if isinstance(v, dict) and "date" in v:
        return datetime.datetime.strptime(v["date"], "%Y-%m-%d")
    if isinstance(v, dict) and "formula" in v:
        return "=" + v["formula"]
    return v


def apply(job):
    wb = openpyxl.load_workbook(job["template"])
    for e in job["edits"]:
        op = e["op"]
        if op == "set":
            wb[e["sheet"]][e["cell"]] = value(e["value"])
        elif op == "rename":
            wb[e["sheet"]].title = e["to"]
        elif op == "copy":
            c = wb.copy_worksheet(wb[e["sheet"]])
            c.title = e["to"]
        elif op == "merge":
            wb[e["sheet"]].merge_cells(e["range"])
        elif op == "hideRow":
            wb[e["sheet"]].row_dimensions[e["row"]].hidden = True
        elif op == "insertRow":
            wb[e["sheet"]].insert_rows(e["row"])
        elif op == "autoFilter":
            wb[e["sheet"]].auto_filter.ref = e["range"]
        elif op == "deleteSheet":
            del wb[e["sheet"]]
        elif op == "highlight":
            # As a script writes it: the rule's number format numbered 164, the first custom id,
            # which openpyxl also gives the cells' first custom format.
            rule = CellIsRule(operator="lessThan", formula=[str(e["below"])])
            rule.dxf = DifferentialStyle(numFmt=NumberFormat(numFmtId=164, formatCode=e["numFmt"]))
            wb[e["sheet"]].conditional_formatting.add(e["range"], rule)
        else:
            raise ValueError(op)
    wb.save(job["out"])


for job in json.load(sys.stdin):
    apply(job)
