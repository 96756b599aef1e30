#!/usr/bin/env python3
"""Generates N incidents by resampling the real Chicago rows with jittered dates and locations.

Usage: generate.py N OUT.csv   (deterministic: the same N gives the same file)
Dates move back by 0-729 days (so CompStat has a year before to compare with) plus a random time of day;
locations move by up to ~55 m; ids and case numbers are new and unique; the source's Beat/District stay.
"""
import csv
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "src/main/resources/demo/chicago/crimes-2015-01.csv"
FORMAT = "%m/%d/%Y %I:%M:%S %p"


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20150208)
    with open(SOURCE, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    col = {name: i for i, name in enumerate(header)}
    latest = datetime(2015, 2, 8, 23, 59, 59)
    with open(out, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for k in range(n):
            row = list(rows[rng.randrange(len(rows))])
            when = datetime.strptime(row[col["Date"]], FORMAT)
            when = when - timedelta(days=rng.randrange(730), seconds=rng.randrange(86400))
            if when > latest:
                when = latest - timedelta(seconds=rng.randrange(86400))
            row[col["ID"]] = str(20_000_000 + k)
            row[col["Case Number"]] = "BB%07d" % k
            row[col["Date"]] = when.strftime(FORMAT)
            row[col["Year"]] = str(when.year)
            if row[col["Latitude"]]:
                lat = float(row[col["Latitude"]]) + rng.uniform(-0.0005, 0.0005)
                lon = float(row[col["Longitude"]]) + rng.uniform(-0.0005, 0.0005)
                row[col["Latitude"]] = "%.9f" % lat
                row[col["Longitude"]] = "%.9f" % lon
                row[col["Location"]] = "(%.9f, %.9f)" % (lat, lon)
            writer.writerow(row)


if __name__ == "__main__":
    main()
