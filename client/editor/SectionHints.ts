import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export interface SectionHintsOptions {
  /** The hint for an empty paragraph under the heading `heading`, for example 请填写案由. */
  readonly hint: (heading: string) => string;
}

function decorate(doc: ProseMirrorNode, hint: (heading: string) => string): DecorationSet {
  const decorations: Decoration[] = [];
  let previous: ProseMirrorNode | null = null;
  doc.forEach((node, offset) => {
    if (node.type.name === 'paragraph' && node.childCount === 0 && previous?.type.name === 'heading') {
      const heading = previous.textContent.trim();
      if (heading !== '') {
        decorations.push(
          Decoration.node(offset, offset + node.nodeSize, { class: 'is-empty', 'data-placeholder': hint(heading) }),
        );
      }
    }
    previous = node;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Shows a grey hint in each empty paragraph right under a section heading of the template, as
 * the official forms do ("请填写案由"). Only decorations: nothing is written to the document.
 */
export const SectionHints = Extension.create<SectionHintsOptions>({
  name: 'sectionHints',
  addOptions() {
    return { hint: (heading: string) => heading };
  },
  addProseMirrorPlugins() {
    const { hint } = this.options;
    return [
      new Plugin({
        key: new PluginKey('sectionHints'),
        props: { decorations: (state) => decorate(state.doc, hint) },
      }),
    ];
  },
});
