import type { CSSProperties, ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { colorOf } from '../../core/presence';
import { type Block, BlockKind, Change, type Segment, type VersionContent } from '../../core/versions';

/** The colour of changes nobody is on record for (a template, edits before authorship was kept). */
export const UNKNOWN_AUTHOR_COLOR = '#86909c';

export function authorColor(userId: string | null): string {
  return userId === null ? UNKNOWN_AUTHOR_COLOR : colorOf(userId);
}

/** Wraps text in the elements of its marks, as the editor shows them. */
function withMarks(text: ReactNode, marks: readonly string[]): ReactNode {
  let node = text;
  for (const mark of marks) {
    if (mark === 'bold') {
      node = <strong>{node}</strong>;
    } else if (mark === 'italic') {
      node = <em>{node}</em>;
    } else if (mark === 'strike') {
      node = <s>{node}</s>;
    } else if (mark === 'code') {
      node = <code>{node}</code>;
    } else if (mark === 'underline') {
      node = <u>{node}</u>;
    }
  }
  return node;
}

/** Text with hard breaks as line breaks. */
function lines(text: string): ReactNode {
  const parts = text.split('\n');
  return parts.map((part, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one run never move.
    <span key={index}>
      {index > 0 ? <br /> : null}
      {part}
    </span>
  ));
}

function SegmentView({
  segment,
  nameOf,
}: {
  readonly segment: Segment;
  readonly nameOf: (userId: string | null) => string;
}): ReactElement {
  const { t } = useTranslation();
  const text = withMarks(lines(segment.text), segment.marks);
  if (segment.change === Change.none) {
    return <>{text}</>;
  }
  const style = { '--author-color': authorColor(segment.userId) } as CSSProperties;
  const author = segment.userId ?? '';
  if (segment.change === Change.inserted) {
    return (
      <ins
        className="version-ins"
        style={style}
        data-author={author}
        title={t('versions.inserted', { name: nameOf(segment.userId) })}
      >
        {text}
      </ins>
    );
  }
  return (
    <del
      className="version-del"
      style={style}
      data-author={author}
      title={t('versions.deleted', { name: nameOf(segment.userId) })}
    >
      {text}
    </del>
  );
}

function Segments(props: {
  readonly segments: readonly Segment[];
  readonly nameOf: (userId: string | null) => string;
}) {
  return (
    <>
      {props.segments.map((segment, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a rendering is replaced whole, never reordered.
        <SegmentView key={index} segment={segment} nameOf={props.nameOf} />
      ))}
    </>
  );
}

function blockClass(block: Block): string {
  const names = ['version-block'];
  if (block.isQuote) {
    names.push('is-quote');
  }
  if (block.isTableCell) {
    names.push('is-cell');
  }
  if (block.listDepth > 0) {
    names.push('is-list');
  }
  if (block.change !== Change.none) {
    names.push(block.change === Change.inserted ? 'is-inserted' : 'is-deleted');
  }
  return names.join(' ');
}

function BlockView({ block, nameOf }: { readonly block: Block; readonly nameOf: (userId: string | null) => string }) {
  const className = blockClass(block);
  const style = {
    '--author-color': authorColor(block.userId),
    '--list-depth': block.listDepth,
  } as CSSProperties;
  const content = (
    <>
      {block.marker === '' ? null : <span className="version-marker">{block.marker}</span>}
      <Segments segments={block.segments} nameOf={nameOf} />
    </>
  );
  switch (block.kind) {
    case BlockKind.rule:
      return <hr className={className} style={style} />;
    case BlockKind.code:
      return (
        <pre className={className} style={style}>
          <code>{content}</code>
        </pre>
      );
    case BlockKind.heading: {
      const level = Math.min(Math.max(block.level, 1), 6);
      const Heading = `h${level}` as 'h1';
      return (
        <Heading className={className} style={style}>
          {content}
        </Heading>
      );
    }
    default:
      return (
        <p className={className} style={style}>
          {content}
        </p>
      );
  }
}

/** A version or a comparison on a paper like the editor's, read-only. */
export function VersionPaper(props: {
  readonly content: VersionContent;
  readonly nameOf: (userId: string | null) => string;
  readonly untitled: string;
}): ReactElement {
  const { content, nameOf } = props;
  const hasTitle = content.title.some((segment) => segment.text !== '');
  return (
    <article className="paper version-paper">
      <h1 className="doc-title version-title">
        {hasTitle ? <Segments segments={content.title} nameOf={nameOf} /> : props.untitled}
      </h1>
      <div className="doc-body version-body">
        {content.blocks.map((block, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a rendering is replaced whole, never reordered.
          <BlockView key={index} block={block} nameOf={nameOf} />
        ))}
      </div>
    </article>
  );
}
