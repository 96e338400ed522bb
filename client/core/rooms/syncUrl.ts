import { CONTENT_SCHEMA_VERSION, PROTOCOL_VERSION, SocketParam } from '../../../shared';

/** The relay's base URL on the host that served the app. */
export function syncServerUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

/** Query parameters that tell the relay which protocol and schema this client speaks. */
export function syncParams(): Record<string, string> {
  return {
    [SocketParam.protocolVersion]: String(PROTOCOL_VERSION),
    [SocketParam.schemaVersion]: String(CONTENT_SCHEMA_VERSION),
  };
}
