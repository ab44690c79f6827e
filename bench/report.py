"""Formats bench/run's measurements as Markdown tables with ratios against the references of the same run."""
import re
import sys


def read_tsv(path):
    rows = {}
    for line in open(path):
        name, micros, runs = line.rstrip("\n").split("\t")
        rows[name] = (float(micros), int(runs))
    return rows


def engine_table(path):
    rows = read_tsv(path)
    print("| case | median | runs | ratio to best PyTorch (lower is better) |")
    print("|---|---|---|---|")
    for case in ("one 28x28, one 3x3", "1000 28x28, 8 3x3, stride 2"):
        torch = [v[0] for k, v in rows.items() if k.startswith("torch") and k.endswith(case)]
        best = min(torch) if torch else None
        for name, (micros, runs) in rows.items():
            if name.endswith(case):
                shown = f"{micros / 1000:.2f} ms" if micros >= 1000 else f"{micros:.1f} µs"
                ratio = f"{micros / best:.2f}×" if best else "no PyTorch here"
                print(f"| {name} | {shown} | {runs} | {ratio} |")


def wrk_table(paths):
    print("| connections | requests/s | p50 | p99 | non-2xx |")
    print("|---|---|---|---|---|")
    for path in paths:
        text = open(path).read()
        connections = re.search(r"(\d+) connections", text).group(1)
        rate = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
        p50 = re.search(r"\s50%\s+([\d.]+\w+)", text).group(1)
        p99 = re.search(r"\s99%\s+([\d.]+\w+)", text).group(1)
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
        print(f"| {connections} | {float(rate):,.0f} | {p50} | {p99} | {errors.group(1) if errors else 0} |")


if __name__ == "__main__":
    if sys.argv[1] == "engine":
        engine_table(sys.argv[2])
    else:
        wrk_table(sys.argv[2:])
