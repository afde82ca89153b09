// Go's sort.Sort (pdqsort) and kubectl's isLess. The unstable order of ties is
// what real kubectl v1.32 printed for `get pods -A --sort-by=.status.phase`
// over these 25 pods (in the API server's list order).
import { describe, expect, it } from "vitest";
import { goSort, goStringLess, isLess } from "./sort.ts";

describe("goSort", () => {
  it("orders ties as Go's pdqsort does", () => {
    const names = [
      "many-4d4vs", "many-529rx", "many-64m5v", "many-9pws6", "many-g84tl", "many-j5zpn", "many-qd9xc", "many-qmzcm",
      "many-r2th4", "many-s6r24", "many-snjtt", "many-tg47s", "many-v68vp", "many-vfmv9", "many-wmzmn", "many-zb7wq",
      "many-zw9jw", "broken", "crash", "nginx-9ltjj", "nginx-clzc5", "nginx-qff7b", "web-4z458", "web-nmd8z", "api",
    ];
    const items = names.map((name) => ({ name, phase: name === "broken" ? "Pending" : "Running" }));
    goSort({
      len: () => items.length,
      less: (i, j) => items[i]!.phase < items[j]!.phase,
      swap: (i, j) => {
        [items[i], items[j]] = [items[j]!, items[i]!];
      },
    });
    expect(items.map((i) => i.name)).toEqual([
      "broken", "many-v68vp", "web-4z458", "many-9pws6", "many-g84tl", "many-j5zpn", "many-qd9xc", "many-qmzcm",
      "many-r2th4", "many-s6r24", "many-snjtt", "api", "many-64m5v", "many-zb7wq", "many-wmzmn", "many-vfmv9",
      "many-zw9jw", "many-529rx", "crash", "nginx-9ltjj", "nginx-clzc5", "nginx-qff7b", "many-4d4vs", "web-nmd8z",
      "many-tg47s",
    ]);
  });

  it("sorts", () => {
    const values = Array.from({ length: 500 }, (_, i) => (i * 7919) % 613);
    goSort({
      len: () => values.length,
      less: (i, j) => values[i]! < values[j]!,
      swap: (i, j) => {
        [values[i], values[j]] = [values[j]!, values[i]!];
      },
    });
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });
});

describe("isLess", () => {
  it("compares strings by bytes and quantities by value", () => {
    expect(isLess("10.244.1.10", "10.244.1.3")).toBe(true);
    expect(isLess("500m", "2")).toBe(true);
    expect(isLess("128Mi", "1Gi")).toBe(true);
    expect(goStringLess("é", "z")).toBe(false);
  });

  it("compares numbers and nulls", () => {
    expect(isLess(2, 10)).toBe(true);
    expect(isLess(null, 1)).toBe(true);
    expect(isLess(1, null)).toBe(false);
  });

  it("refuses maps and mixed types", () => {
    expect(() => isLess({}, {})).toThrow("unsortable type: map[string]interface {}");
    expect(() => isLess("a", 1)).toThrow("unsortable interface: interface");
  });
});
