import type { TFunction } from 'i18next';
import type { UserId } from '../../../shared';
import type { DocEvent, Version } from '../../../shared/api/review';
import type { Person } from '../../../shared/api/schemas';
import { nameOf } from '../docs/peopleNames';

/**
 * The ids of `cosigned` events by someone whose earlier signature still stood: they signed again
 * (after later edits), which the timeline says as such. `events` are oldest first.
 */
export function resignedEventIds(events: readonly DocEvent[]): ReadonlySet<string> {
  const signed = new Set<UserId>();
  const resigned = new Set<string>();
  for (const event of events) {
    if (event.type === 'cosigned') {
      if (signed.has(event.actorId)) {
        resigned.add(event.id);
      }
      signed.add(event.actorId);
    } else if (event.type === 'cosign_withdrawn') {
      signed.delete(event.actorId);
    }
  }
  return resigned;
}

/** What happened, in words: "退回修改：理由", "保存版本「名称」", "邀请 张三 联名", "重新签署". */
export function eventText(
  event: DocEvent,
  input: {
    readonly versions: ReadonlyMap<string, Version>;
    readonly people: ReadonlyMap<UserId, Person>;
    readonly resigned: ReadonlySet<string>;
  },
  t: TFunction,
): string {
  switch (event.type) {
    case 'cosigned':
      return input.resigned.has(event.id) ? t('workflow.timeline.resigned') : t('workflow.timeline.cosigned');
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
