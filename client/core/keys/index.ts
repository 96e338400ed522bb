/**
 * Each account's data key on this device (docs/DEVICE.md): the cipher that seals its device
 * store, and the keyring that keeps the key wrapped by the password, the server's device key and,
 * on the member's own device, a key that never leaves the browser.
 */

export { DeviceKeys, type DeviceKeysOptions, type KeyState } from './DeviceKeys';
export { createRowCipher, newDataKey } from './rowCipher';
export { keyFromPassword, newSalt, PASSWORD_ITERATIONS } from './wrapping';
