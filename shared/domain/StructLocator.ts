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
 * Places the structs of one decoded update, before it is applied. An item names its parent only
 * when it has no neighbour: otherwise it inherits its parent and key from its origin (or right
 * origin), which is in the update itself or already in the document. Results are memoised per
 * item, so a chain of keystrokes is walked once.
 */
export class StructLocator {
  readonly #doc: Y.Doc;
  /** The update's items by client, in clock order (as the update lists them). */
  readonly #byClient = new Map<number, Y.Item[]>();
  readonly #memo = new Map<Y.Item, StructPath>();

  constructor(doc: Y.Doc, decoded: Decoded) {
    this.#doc = doc;
    for (const struct of decoded.structs) {
      if (struct instanceof Y.Item) {
        const list = this.#byClient.get(struct.id.client) ?? [];
        list.push(struct);
        this.#byClient.set(struct.id.client, list);
      }
    }
  }

  /** Where an item of the update or of the document sits. */
  pathOf(item: Y.Item): StructPath {
    if (item.parent instanceof Y.AbstractType) {
      return pathInDoc(item);
    }
    const known = this.#memo.get(item);
    if (known !== undefined) {
      return known;
    }
    // Guards against a crafted cycle of origins inside one update.
    this.#memo.set(item, NOWHERE);
    const path = this.#placeDecoded(item);
    this.#memo.set(item, path);
    return path;
  }

  /** The item of the update, or else of the document, that holds `id`; null when none (or GC). */
  itemAt(id: Y.ID): Y.Item | null {
    const fromUpdate = this.#byClient
      .get(id.client)
      ?.find((item) => item.id.clock <= id.clock && id.clock < item.id.clock + item.length);
    if (fromUpdate !== undefined) {
      return fromUpdate;
    }
    if (id.clock >= Y.getState(this.#doc.store, id.client)) {
      return null;
    }
    const struct = Y.getItem(this.#doc.store, id) as Y.Item | Y.GC;
    return struct instanceof Y.Item ? struct : null;
  }

  #placeDecoded(item: Y.Item): StructPath {
    const parent: unknown = item.parent;
    if (typeof parent === 'string') {
      return { root: parent, keys: [item.parentSub] };
    }
    if (parent instanceof Y.ID) {
      const container = this.itemAt(parent);
      if (container === null) {
        return NOWHERE;
      }
      const above = this.pathOf(container);
      return above.root === null ? NOWHERE : { root: above.root, keys: [...above.keys, item.parentSub] };
    }
    const neighbourId = item.origin ?? item.rightOrigin;
    const neighbour = neighbourId === null ? null : this.itemAt(neighbourId);
    // Same parent and same key as its neighbour.
    return neighbour === null ? NOWHERE : this.pathOf(neighbour);
  }
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
