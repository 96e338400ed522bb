import type { TFunction } from 'i18next';
import type { UserId } from '../../../shared';
import type { DocEvent, Version } from '../../../shared/api/review';
import type { Person } from '../../../shared/api/schemas';
import { nameOf } from '../docs/peopleNames';

/** What happened, in words: "退回修改：理由", "保存版本「名称」", "邀请 张三 联名". */
export function eventText(
  event: DocEvent,
  input: { readonly versions: ReadonlyMap<string, Version>; readonly people: ReadonlyMap<UserId, Person> },
  t: TFunction,
): string {
  switch (event.type) {
    case 'returned':
      return event.reason === null || event.reason === ''
        ? t('workflow.timeline.returned')
        : t('workflow.timeline.returnedWithReason', { reason: event.reason });
    case 'version_saved': {
      const name = event.versionId === null ? undefined : input.versions.get(event.versionId)?.name;
      return name === undefined
        ? t('workflow.timeline.version_saved_unnamed')
        : t('workflow.timeline.version_saved', { name });
    }
    case 'cosign_invited':
      return t('workflow.timeline.cosign_invited', { name: nameOf(event.subjectId, input.people, t) });
    default:
      return t(`workflow.timeline.${event.type}`);
  }
}
