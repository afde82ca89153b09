// A map that keeps at most `capacity` entries, dropping the one set least
// recently (client-go's recorder caches are LRUs of this kind: here only
// setting an entry counts as use, as the recorder's callers have it).
//
// Evicting from a plain Map with map.keys().next() gets slower the more it
// is done (the table keeps the deleted slots until it is rebuilt), so the
// order is kept in a list of its own.

interface Node<K, V> {
  key: K;
  value: V;
  older: Node<K, V> | undefined;
  newer: Node<K, V> | undefined;
}

export class LruMap<K, V> {
  private readonly nodes = new Map<K, Node<K, V>>();
  private oldest: Node<K, V> | undefined;
  private newest: Node<K, V> | undefined;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.nodes.size;
  }

  get(key: K): V | undefined {
    return this.nodes.get(key)?.value;
  }

  /** Set `key` as the newest entry; the oldest goes once there are more than `capacity`. */
  set(key: K, value: V): void {
    let node = this.nodes.get(key);
    if (node) {
      this.unlink(node);
      node.value = value;
    } else {
      node = { key, value, older: undefined, newer: undefined };
      this.nodes.set(key, node);
    }
    node.older = this.newest;
    if (this.newest) this.newest.newer = node;
    else this.oldest = node;
    this.newest = node;
    if (this.nodes.size > this.capacity) {
      const gone = this.oldest!;
      this.unlink(gone);
      this.nodes.delete(gone.key);
    }
  }

  private unlink(node: Node<K, V>): void {
    if (node.older) node.older.newer = node.newer;
    else this.oldest = node.newer;
    if (node.newer) node.newer.older = node.older;
    else this.newest = node.older;
    node.older = undefined;
    node.newer = undefined;
  }
}
