/**
 * The account's activities (会议与活动): the list read offline, answers and leave, the organiser's
 * list and members' check-ins queued in the outbox, and the check-in keys kept on the device.
 */
export {
  ActivitiesRuntime,
  type ActivitiesRuntimeOptions,
  type ActivitiesSnapshot,
  type NewActivity,
} from './ActivitiesRuntime';
export { base64UrlBytes } from './base64Url';
