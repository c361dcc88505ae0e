import type { HtmlTree, TreeElement, TreeVisitor } from './tree.js';

/**
 * For each element of a tree, by its place in pre-order (0 for the first entered): how many
 * element siblings follow it, and how many of them have its name. What `:last-child`,
 * `:only-child`, `:last-of-type`, `:only-of-type` and `:nth-last-*` need, and what a pre-order
 * walk cannot know when it enters the element: so this is a walk of its own, run before the
 * document's only when its sheets use one of them (cascade.ts `needsFollowing`). Linear in the
 * elements; two numbers each.
 */
export interface FollowingSiblings {
  readonly after: Int32Array;
  readonly afterOfType: Int32Array;
}

export function followingSiblings(tree: HtmlTree): FollowingSiblings {
  const counter = new Counter();
  tree.walk(counter);
  // The top-level elements are siblings too (the root's children).
  counter.close(counter.top);
  return { after: Int32Array.from(counter.after), afterOfType: Int32Array.from(counter.afterOfType) };
}

interface Open {
  /** Pre-order numbers and names of the element children entered so far. */
  readonly children: number[];
  readonly names: string[];
}

class Counter implements TreeVisitor {
  readonly after: number[] = [];
  readonly afterOfType: number[] = [];
  readonly top: Open = { children: [], names: [] };
  private readonly stack: Open[] = [this.top];

  enter(el: TreeElement): void {
    const n = this.after.length;
    this.after.push(0);
    this.afterOfType.push(0);
    const parent = this.stack[this.stack.length - 1];
    parent.children.push(n);
    parent.names.push(el.name);
    this.stack.push({ children: [], names: [] });
  }

  leave(): void {
    const open = this.stack.pop();
    if (open) this.close(open);
  }

  comment(): void {}

  close(open: Open): void {
    const seen = new Map<string, number>();
    for (let i = open.children.length - 1; i >= 0; i--) {
      const name = open.names[i];
      const same = seen.get(name) ?? 0;
      this.after[open.children[i]] = open.children.length - 1 - i;
      this.afterOfType[open.children[i]] = same;
      seen.set(name, same + 1);
    }
  }
}
