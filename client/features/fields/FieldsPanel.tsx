import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { DocRecord, Workspace } from '../../../shared/api/schemas';
import type { Category } from '../../../shared/domain/categories';
import {
  type DocFields,
  DocKind,
  FIELDS_BY_KIND,
  type FieldDefinition,
  type FieldValue,
  readDocKind,
  writeField,
} from '../../../shared/index';
import { nameOf, peopleById } from '../docs/peopleNames';
import { FieldText } from './FieldText';
import { UnitPicker } from './UnitPicker';
import { useCategories, useFields } from './useFields';

interface FieldInputProps {
  readonly definition: FieldDefinition;
  readonly value: FieldValue | undefined;
  readonly isEditable: boolean;
  readonly categories: readonly Category[];
  readonly onChange: (value: FieldValue | null) => void;
}

function CategorySelect({ value, isEditable, categories, onChange, definition }: FieldInputProps): ReactElement {
  const { t } = useTranslation();
  const current = typeof value === 'string' ? value : '';
  const isDeleted = current !== '' && !categories.some((category) => category.id === current);
  return (
    <select
      id={`field-${definition.key}`}
      value={current}
      disabled={!isEditable}
      onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
    >
      <option value="">{t('fields.choose')}</option>
      {categories.map((category) => (
        <option key={category.id} value={category.id}>
          {category.name}
        </option>
      ))}
      {isDeleted ? <option value={current}>{t('fields.deletedCategory')}</option> : null}
    </select>
  );
}

function FieldInput(props: FieldInputProps): ReactElement {
  const { t } = useTranslation();
  const { definition, value, isEditable, onChange } = props;
  const id = `field-${definition.key}`;
  switch (definition.spec.type) {
    case 'category':
      return <CategorySelect {...props} />;
    case 'boolean':
      return (
        <select
          id={id}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          disabled={!isEditable}
          onChange={(event) => onChange(event.target.value === '' ? null : event.target.value === 'yes')}
        >
          <option value="">{t('fields.unset')}</option>
          <option value="yes">{t('fields.yes')}</option>
          <option value="no">{t('fields.no')}</option>
        </select>
      );
    case 'unitIds':
      return (
        <UnitPicker
          labelId={`${id}-label`}
          value={Array.isArray(value) ? value : []}
          isEditable={isEditable}
          onChange={(ids) => onChange(ids.length === 0 ? null : [...ids])}
        />
      );
    case 'text':
      return (
        <FieldText
          id={id}
          value={typeof value === 'string' ? value : ''}
          maxLength={definition.spec.maxLength}
          isEditable={isEditable}
          isMultiline={definition.spec.maxLength > 200}
          title={t('fields.tooLong', { count: definition.spec.maxLength })}
          onCommit={(text) => onChange(text === '' ? null : text)}
        />
      );
  }
}

/** The people the record names for the kind: 提案人 and 联名人, 反映人, or 起草人; never typed. */
function RecordPeople({ record, workspace }: { readonly record: DocRecord; readonly workspace: Workspace }) {
  const { t } = useTranslation();
  const people = useMemo(() => peopleById(workspace.people), [workspace.people]);
  const creator = nameOf(record.createdBy, people, t);
  const signed = record.cosigners.filter((cosigner) => cosigner.state === 'signed');
  const cosigners =
    signed.length === 0
      ? t('fields.nobody')
      : signed.map((cosigner) => nameOf(cosigner.userId, people, t)).join(t('common.listSeparator'));
  const creatorLabel =
    record.kind === DocKind.proposal
      ? t('fields.proposer')
      : record.kind === DocKind.socialInfo
        ? t('fields.reporter')
        : t('fields.drafter');
  return (
    <>
      <div className="field-row is-record" title={t('fields.fromRecord')}>
        <span className="field-label">{creatorLabel}</span>
        <span className="field-value" data-field="proposer">
          {creator}
        </span>
      </div>
      {record.kind === DocKind.proposal ? (
        <div className="field-row is-record" title={t('fields.fromRecord')}>
          <span className="field-label">{t('fields.cosigners')}</span>
          <span className="field-value" data-field="cosigners">
            {cosigners}
          </span>
        </div>
      ) : null}
    </>
  );
}

export interface FieldsPanelProps {
  readonly doc: Y.Doc;
  readonly record: DocRecord | undefined;
  readonly workspace: Workspace | null;
  /** False when the content is read-only (a frozen status, no right to edit, a newer format). */
  readonly isEditable: boolean;
}

/**
 * 基本信息 above the body: the kind's fields bound to the content's `fields` map, so they sync
 * live and offline like the body (each change is one map entry, RULES.md D7), and the people the
 * record names.
 */
export function FieldsPanel({ doc, record, workspace, isEditable }: FieldsPanelProps): ReactElement | null {
  const { t } = useTranslation();
  const kind = record?.kind ?? readDocKind(doc);
  const fields: DocFields = useFields(doc, kind);
  const categories = useCategories();
  if (kind === null) {
    return null;
  }
  return (
    <section className="fields-panel" aria-label={t('fields.title')}>
      <h2 className="fields-title">{t('fields.title')}</h2>
      <div className="fields-grid">
        {record === undefined || workspace === null ? null : <RecordPeople record={record} workspace={workspace} />}
        {FIELDS_BY_KIND[kind].map((definition) => (
          <div key={definition.key} className="field-row" data-field={definition.key}>
            <label className="field-label" id={`field-${definition.key}-label`} htmlFor={`field-${definition.key}`}>
              {t(`fields.label.${definition.key}` as 'fields.label.sector')}
            </label>
            <div className="field-value">
              <FieldInput
                definition={definition}
                value={fields[definition.key]}
                isEditable={isEditable}
                categories={categories}
                onChange={(value) => writeField(doc, kind, definition.key, value)}
              />
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
