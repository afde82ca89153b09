// A map that keeps at most `capacity` entries, dropping the one set least
// recently (client-go's recorder caches are LRUs of this kind: here only
// setting an entry counts as use, as the recorder's callers have it).
//
// Keys come in two parts, a group and a key within it (the recorder groups
// by the involved object's uid): the group is a string that already exists
// (its hash is cached), so only a short in-group key is built and hashed per
// lookup, not one long concatenation.
//
// Evicting from a plain Map with map.keys().next() gets slower the more it
// is done (the table keeps the deleted slots until it is rebuilt), so the
// order is kept in a list of its own.

interface Node<V> {
  group: string;
  key: string;
  value: V;
  older: Node<V> | undefined;
  newer: Node<V> | undefined;
}

export class LruMap<V> {
  private readonly groups = new Map<string, Map<string, Node<V>>>();
  private count = 0;
  private oldest: Node<V> | undefined;
  private newest: Node<V> | undefined;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.count;
  }

  get(group: string, key: string): V | undefined {
    return this.groups.get(group)?.get(key)?.value;
  }

  /** Set the entry as the newest; the oldest goes once there are more than `capacity`. */
  set(group: string, key: string, value: V): void {
    let nodes = this.groups.get(group);
    if (!nodes) this.groups.set(group, (nodes = new Map()));
    let node = nodes.get(key);
    if (node) {
      this.unlink(node);
      node.value = value;
    } else {
      node = { group, key, value, older: undefined, newer: undefined };
      nodes.set(key, node);
      this.count++;
    }
    node.older = this.newest;
    if (this.newest) this.newest.newer = node;
    else this.oldest = node;
    this.newest = node;
    if (this.count > this.capacity) {
      const gone = this.oldest!;
      this.unlink(gone);
      const inGroup = this.groups.get(gone.group)!;
      inGroup.delete(gone.key);
      if (inGroup.size === 0) this.groups.delete(gone.group);
      this.count--;
    }
  }

  private unlink(node: Node<V>): void {
    if (node.older) node.older.newer = node.newer;
    else this.oldest = node.newer;
    if (node.newer) node.newer.older = node.older;
    else this.newest = node.older;
    node.older = undefined;
    node.newer = undefined;
  }
}
