import * as Y from 'yjs';

type Decoded = ReturnType<typeof Y.decodeUpdate>;

/**
 * Where a struct sits in a document: the root type's name, and from the root down to the struct
 * itself the map key (`parentSub`) of each item on the way, null for an item in a list. A key
 * under the root `authors` map is `['alice', 'ids', null]` for an entry of alice's `ids` array.
 * `root` is null when the struct cannot be placed (it builds on garbage-collected content and so
 * integrates as garbage itself).
 */
export interface StructPath {
  readonly root: string | null;
  readonly keys: readonly (string | null)[];
}

const NOWHERE: StructPath = { root: null, keys: [] };

/**
 * Keys kept per path: the rules look at most three deep (`authors` -> user -> `ids`), so deeper
 * nesting, which a crafted update could make very deep, is not copied further.
 */
const MAX_KEYS = 8;

/**
 * Places the structs of one decoded update, before it is applied. An item names its parent only
 * when it has no neighbour: otherwise it inherits its parent and key from its origin (or right
 * origin), which is in the update itself or already in the document. Results are memoised per
 * item, so a chain of keystrokes is walked once.
 */
export class StructLocator {
  readonly #doc: Y.Doc;
  /** The update's items by client, in clock order (as each client's block lists them). */
  readonly #byClient = new Map<number, Y.Item[]>();
  readonly #memo = new Map<Y.Item, StructPath>();

  constructor(doc: Y.Doc, decoded: Decoded) {
    this.#doc = doc;
    let list: Y.Item[] = [];
    let client: number | null = null;
    for (const struct of decoded.structs) {
      if (struct.id.client !== client) {
        // A new block of the update. When a client has two, Yjs keeps the last: so does this.
        client = struct.id.client;
        list = [];
        this.#byClient.set(client, list);
      }
      if (struct instanceof Y.Item) {
        list.push(struct);
      }
    }
  }

  /**
   * Where an item of the update or of the document sits. Iterative: an update may chain many
   * thousands of items, each placed by the one before it (an offline session's edits).
   */
  pathOf(item: Y.Item): StructPath {
    const chain: Y.Item[] = [];
    let current: Y.Item | null = item;
    let path: StructPath = NOWHERE;
    while (current !== null) {
      if (current.parent instanceof Y.AbstractType) {
        path = pathInDoc(current);
        break;
      }
      const known = this.#memo.get(current);
      if (known !== undefined) {
        path = known;
        break;
      }
      if (typeof current.parent === 'string') {
        path = { root: current.parent, keys: [current.parentSub] };
        this.#memo.set(current, path);
        break;
      }
      // Marked before it is resolved, so a crafted cycle of origins ends as NOWHERE.
      this.#memo.set(current, NOWHERE);
      chain.push(current);
      current = this.#placedBy(current);
    }
    for (let index = chain.length - 1; index >= 0; index--) {
      const link = chain[index] as Y.Item;
      if (path.root !== null && link.parent instanceof Y.ID && path.keys.length < MAX_KEYS) {
        path = { root: path.root, keys: [...path.keys, link.parentSub] };
      }
      this.#memo.set(link, path);
    }
    return path;
  }

  /** The item of the update, or else of the document, that holds `id`; null when none (or GC). */
  itemAt(id: Y.ID): Y.Item | null {
    const fromUpdate = findCovering(this.#byClient.get(id.client), id.clock);
    if (fromUpdate !== null) {
      return fromUpdate;
    }
    if (id.clock >= Y.getState(this.#doc.store, id.client)) {
      return null;
    }
    const struct = Y.getItem(this.#doc.store, id) as Y.Item | Y.GC;
    return struct instanceof Y.Item ? struct : null;
  }

  /**
   * The item whose place a decoded item takes its own from: its parent's item when it names one,
   * else its origin (or right origin), which shares its parent and key. Null when none is known.
   */
  #placedBy(item: Y.Item): Y.Item | null {
    const parent: unknown = item.parent;
    if (parent instanceof Y.ID) {
      return this.itemAt(parent);
    }
    const neighbourId = item.origin ?? item.rightOrigin;
    return neighbourId === null ? null : this.itemAt(neighbourId);
  }
}

/** The item of a clock-ordered list that holds `clock`, by binary search; null when none. */
function findCovering(items: readonly Y.Item[] | undefined, clock: number): Y.Item | null {
  if (items === undefined) {
    return null;
  }
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const item = items[middle] as Y.Item;
    if (clock < item.id.clock) {
      high = middle - 1;
    } else if (clock >= item.id.clock + item.length) {
      low = middle + 1;
    } else {
      return item;
    }
  }
  return null;
}

/** The path of an item integrated in a document, walking up its parents. */
function pathInDoc(item: Y.Item): StructPath {
  const keys: (string | null)[] = [];
  let current: Y.Item = item;
  for (;;) {
    keys.push(current.parentSub);
    const parent = current.parent as Y.AbstractType<unknown>;
    if (parent._item === null) {
      keys.reverse();
      return { root: Y.findRootTypeKey(parent), keys };
    }
    current = parent._item;
  }
}
