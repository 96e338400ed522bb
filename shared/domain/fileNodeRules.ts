import * as Y from 'yjs';
import { type FileNodeName, fileNodeAttrProblem, fileNodeProblem, parseFileNodeName } from './docFileNodes';
import type { StructLocator } from './StructLocator';

/** Where an item sits: the item of its parent type (null at the root or when unknown) and its map key. */
interface Place {
  readonly parent: Y.Item | null;
  readonly key: string | null;
}

const NOWHERE: Place = { parent: null, key: null };

interface Seen {
  readonly node: FileNodeName;
  readonly attrs: Record<string, unknown>;
  isNew: boolean;
}

function idKey(id: Y.ID): string {
  return `${id.client}:${id.clock}`;
}

/** The file node an item is, or null when it is another item. */
function fileNodeOf(item: Y.Item): FileNodeName | null {
  const content = item.content;
  return content instanceof Y.ContentType && content.type instanceof Y.XmlElement
    ? parseFileNodeName(content.type.nodeName)
    : null;
}

/**
 * RULES.md D8 over the new items of the body in one update: each attribute written on a `photo`
 * or `fileLink` element is valid for its key, such an element holds no children, and one the
 * update creates carries every attribute it needs. Collects first and judges in `problem`,
 * because an element's attributes may come in the update before the element itself.
 */
export class FileNodeJudge {
  readonly #locator: StructLocator;
  readonly #seen = new Map<string, Seen>();
  readonly #places = new Map<Y.Item, Place>();
  #problem: string | null = null;

  constructor(locator: StructLocator) {
    this.#locator = locator;
  }

  /** Looks at one new item whose path starts at the body fragment. */
  newBodyItem(item: Y.Item): void {
    const node = fileNodeOf(item);
    if (node !== null) {
      this.#entry(item, node).isNew = true;
    }
    if (item.content instanceof Y.ContentDeleted) {
      return;
    }
    const { parent, key } = this.#placeOf(item);
    const parentNode = parent === null ? null : fileNodeOf(parent);
    if (parent === null || parentNode === null) {
      return;
    }
    if (key === null) {
      this.#problem ??= `${parentNode} holds no content`;
      return;
    }
    const value = item.content.getContent().at(-1);
    this.#problem ??= fileNodeAttrProblem(parentNode, key, value);
    this.#entry(parent, parentNode).attrs[key] = value;
  }

  /** Whether the update creates a `photo` or `fileLink` element. */
  bringsFileNode(): boolean {
    return [...this.#seen.values()].some((seen) => seen.isNew);
  }

  /** Why the update's file nodes are refused, or null when they keep D8. */
  problem(): string | null {
    if (this.#problem !== null) {
      return this.#problem;
    }
    for (const seen of this.#seen.values()) {
      if (seen.isNew) {
        const problem = fileNodeProblem(seen.node, seen.attrs);
        if (problem !== null) {
          return problem;
        }
      }
    }
    return null;
  }

  #entry(item: Y.Item, node: FileNodeName): Seen {
    const key = idKey(item.id);
    let seen = this.#seen.get(key);
    if (seen === undefined) {
      seen = { node, attrs: {}, isNew: false };
      this.#seen.set(key, seen);
    }
    return seen;
  }

  /**
   * The item of the type that holds `item` (null at the root or when unknown) and its key there.
   * A decoded item names neither when it has a neighbour: it shares its origin's (or right
   * origin's). Iterative and memoised, so a long run of keystrokes is walked once.
   */
  #placeOf(item: Y.Item): Place {
    const chain: Y.Item[] = [];
    let current: Y.Item | null = item;
    let place: Place = NOWHERE;
    while (current !== null) {
      const known = this.#places.get(current);
      if (known !== undefined) {
        place = known;
        break;
      }
      const parent: unknown = current.parent;
      if (parent instanceof Y.AbstractType) {
        place = { parent: parent._item, key: current.parentSub };
        break;
      }
      if (parent instanceof Y.ID) {
        place = { parent: this.#locator.itemAt(parent), key: current.parentSub };
        break;
      }
      if (typeof parent === 'string') {
        place = { parent: null, key: current.parentSub };
        break;
      }
      // Marked before it is resolved, so that a crafted cycle of origins ends nowhere.
      this.#places.set(current, NOWHERE);
      chain.push(current);
      const neighbour: Y.ID | null = current.origin ?? current.rightOrigin;
      current = neighbour === null ? null : this.#locator.itemAt(neighbour);
    }
    for (const link of chain) {
      this.#places.set(link, place);
    }
    return place;
  }
}
