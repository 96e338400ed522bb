/** Small stores for the UI to subscribe to. */
export { createStore, type Store } from './createStore';
export { deriveStore } from './deriveStore';
export { shallowEqual } from './shallowEqual';
