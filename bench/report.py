"""Formats bench/run's and bench/train's measurements as Markdown tables with ratios against the references of the same run."""
import re
import statistics
import sys


def read_tsv(path):
    """bench/run's engine lines (case, median micros, runs), one line per case per round: {case: ([micros], runs)}."""
    rows = {}
    for line in open(path):
        name, micros, runs = line.rstrip("\n").split("\t")
        rows.setdefault(name, ([], int(runs)))[0].append(float(micros))
    return rows


def engine_table(path):
    rows = read_tsv(path)
    print("| case | median of rounds | runs per round | ratio to best PyTorch (lower is better) | per round |")
    print("|---|---|---|---|---|")
    for case in ("one 28x28, one 3x3", "1000 28x28, 8 3x3, stride 2"):
        torch = [values for name, (values, _) in rows.items() if name.startswith("torch") and name.endswith(case)]
        best = min(statistics.median(values) for values in torch) if torch else None
        best_per_round = [min(round_values) for round_values in zip(*torch)] if torch else []
        for name, (values, runs) in rows.items():
            if name.endswith(case):
                micros = statistics.median(values)
                shown = f"{micros / 1000:.2f} ms" if micros >= 1000 else f"{micros:.1f} µs"
                ratio = f"{micros / best:.2f}×" if best else "no PyTorch here"
                rounds = [value / round_best for value, round_best in zip(values, best_per_round)]
                spread = f"{min(rounds):.2f}–{max(rounds):.2f}" if rounds else "–"
                print(f"| {name} | {shown} | {runs} | {ratio} | {spread} |")


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


def wrk_figures(path):
    text = open(path).read()
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p99 = re.search(r"\s99%\s+([\d.]+\w+)", text).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return rate, p99, int(errors.group(1)) if errors else 0


def cpu_per_request(path):
    """The app's CPU microseconds per answered request, from the ticks bench/run's measure appends to wrk's output."""
    text = open(path).read()
    ticks, per_second = map(int, re.search(r"app CPU ticks: (\d+) at (\d+) per second", text).groups())
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    return ticks / per_second * 1e6 / requests


def batch_table(paths):
    """Batched against unbatched, connection count by connection count: the first half of paths batched, the second not."""
    half = len(paths) // 2
    print("| connections | batched requests/s | p50 | p99 | CPU/request | unbatched requests/s | p50 | p99 | CPU/request "
          "| throughput batched / unbatched | CPU per request batched / unbatched |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for batched, unbatched in zip(paths[:half], paths[half:]):
        connections = re.search(r"(\d+) connections", open(batched).read()).group(1)
        rows = []
        for path in (batched, unbatched):
            text = open(path).read()
            rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
            p50 = re.search(r"\s50%\s+([\d.]+\w+)", text).group(1)
            p99 = re.search(r"\s99%\s+([\d.]+\w+)", text).group(1)
            rows.append((rate, p50, p99, cpu_per_request(path)))
        (rate, p50, p99, cpu), (rate_u, p50_u, p99_u, cpu_u) = rows
        print(f"| {connections} | {rate:,.0f} | {p50} | {p99} | {cpu:.0f} µs | {rate_u:,.0f} | {p50_u} | {p99_u} | {cpu_u:.0f} µs "
              f"| {rate / rate_u:.2f}× | {cpu / cpu_u:.2f}× |")


def cold_table(off, on, warm):
    """The first 10 s after ready, without and with the warm-up, as a share of the warm throughput (goal: 80%, p99 25 ms)."""
    warm_rate, warm_p99, _ = wrk_figures(warm)
    print("| first 10 s after /q/health/ready | requests/s | p99 | non-2xx | share of warm throughput |")
    print("|---|---|---|---|---|")
    for name, path in (("warm-up off (convlab.compute.warm-up=0s)", off), ("as shipped (30 s warm-up before ready)", on)):
        rate, p99, errors = wrk_figures(path)
        print(f"| {name} | {rate:,.0f} | {p99} | {errors} | {rate / warm_rate:.0%} |")
    print(f"| warm (after 25 s of load) | {warm_rate:,.0f} | {warm_p99} |  | 100% |")


def read_runs(path):
    """bench/train's lines (engine, case, value) as {case: {engine: [values in run order]}}."""
    runs = {}
    for line in open(path):
        engine, case, value = line.rstrip("\n").split("\t")
        runs.setdefault(case, {}).setdefault(engine, []).append(float(value))
    return runs


def training_tables(path):
    """Images/s and CPU time per image of each case, TF against the best PyTorch of the same round (issue 16: ≥ 1.25×)."""
    runs = read_runs(path)
    print("| images/s (median of rounds) | TF Java | PyTorch 1 thread | PyTorch 2 threads | TF / best PyTorch | per round | target |")
    print("|---|---|---|---|---|---|---|")
    for case, engines in runs.items():
        if not case.startswith(("speed", "queue")):
            continue
        torch_engines = ["torch"] if case.startswith("queue") else ["torch(1)", "torch(2)"]
        tf = engines["tf"]
        torch = [engines.get(engine, []) for engine in torch_engines]
        cells = [f"{statistics.median(values):,.0f}" if values else "–" for values in [tf] + torch]
        if case.startswith("queue"):
            cells = [cells[0], cells[1] + " (two processes)", "–"]
        if all(torch):
            best = max(statistics.median(values) for values in torch)
            rounds = [t / max(others) for t, *others in zip(tf, *torch)]
            ratio = f"{statistics.median(tf) / best:.2f}×"
            spread = f"{min(rounds):.2f}–{max(rounds):.2f}"
        else:
            ratio, spread = "no PyTorch here", "–"
        name = case[len("speed "):] if case.startswith("speed") else f"**{case}**"
        print(f"| {name} | {' | '.join(cells)} | {ratio} | {spread} | ≥ 1.25× |")

    print()
    print("| CPU µs per image (median of rounds; lower is better) | TF Java | PyTorch 1 thread | PyTorch 2 threads | least PyTorch / TF | per round |")
    print("|---|---|---|---|---|---|")
    for case, engines in runs.items():
        if not case.startswith("cpu µs per image: "):
            continue
        shown = case[len("cpu µs per image: "):]
        torch_engines = ["torch"] if shown.startswith("queue") else ["torch(1)", "torch(2)"]
        tf = engines["tf"]
        torch = [engines.get(engine, []) for engine in torch_engines]
        cells = [f"{statistics.median(values):.1f}" if values else "–" for values in [tf] + torch]
        if shown.startswith("queue"):
            cells = [cells[0], cells[1] + " (two processes)", "–"]
        if all(torch):
            least = min(statistics.median(values) for values in torch)
            rounds = [min(others) / t for t, *others in zip(tf, *torch)]
            ratio = f"{least / statistics.median(tf):.2f}×"
            spread = f"{min(rounds):.2f}–{max(rounds):.2f}"
        else:
            ratio, spread = "no PyTorch here", "–"
        name = shown[len("speed "):] if shown.startswith("speed") else shown
        print(f"| {name} | {' | '.join(cells)} | {ratio} | {spread} |")

    accuracy = {}
    for case, engines in runs.items():
        if case.startswith("accuracy"):
            network = case.split()[1]
            for engine, values in engines.items():
                accuracy.setdefault((network, engine), []).extend(values)
    if not accuracy:
        return
    print()
    print("| t10k accuracy, 5 epochs, SGD 0.4, batch 256 | per seed | mean | target |")
    print("|---|---|---|---|")
    for (network, engine), values in accuracy.items():
        name = ("lesson net" if network == "stride-2" else "lesson net + batch norm") + (", TF Java" if engine == "tf" else ", PyTorch")
        target = "0.870 ± 0.010" if network == "stride-2" else "–"
        print(f"| {name} | {', '.join(f'{v:.3f}' for v in values)} | {statistics.mean(values):.3f} | {target} |")

if __name__ == "__main__":
    if sys.argv[1] == "engine":
        engine_table(sys.argv[2])
    elif sys.argv[1] == "training":
        training_tables(sys.argv[2])
    elif sys.argv[1] == "batch":
        batch_table(sys.argv[2:])
    elif sys.argv[1] == "cold":
        cold_table(*sys.argv[2:5])
    else:
        wrk_table(sys.argv[2:])
