/**
 * Where an update of a room's Y.Doc came from, the one answer to "was this update mine?" that
 * storage, acknowledgements, presence and the document list all ask.
 */
export const UpdateOrigin = {
  /** Read back from the device store when the room loaded: stored already, nothing to send. */
  device: 'device',
  /** Received from the relay: stored on the server, to be stored here. */
  relay: 'relay',
  /** Made on this device (typing, a restore, a rename): stored here as unsent until acknowledged. */
  local: 'local',
} as const;
export type UpdateOrigin = (typeof UpdateOrigin)[keyof typeof UpdateOrigin];

/** The transaction origin of updates applied from the device store. */
export const DEVICE_ORIGIN = Symbol('jianyan-device');

/** Classifies a transaction origin; `relay` is the room's provider (null before it connects). */
export function classifyOrigin(origin: unknown, relay: unknown): UpdateOrigin {
  if (origin === DEVICE_ORIGIN) {
    return UpdateOrigin.device;
  }
  return relay !== null && origin === relay ? UpdateOrigin.relay : UpdateOrigin.local;
}
