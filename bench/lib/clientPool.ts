import { BenchClient, type BenchClientOptions } from './BenchClient';
import { mapWithConcurrency } from './waitFor';

/** Time one client gets from its step 1 to the relay's step 2. */
const SYNC_TIMEOUT_MS = 15_000;
/** Sockets opened at once when a scenario opens many: enough to be quick, few enough not to flood accept(). */
const DEFAULT_OPEN_CONCURRENCY = 50;

/** Opens one client per options entry and completes each one's handshake (step 1 -> step 2). */
export function openSyncedClients(
  options: readonly BenchClientOptions[],
  concurrency = DEFAULT_OPEN_CONCURRENCY,
): Promise<BenchClient[]> {
  return mapWithConcurrency(options.length, concurrency, async (index) => {
    const entry = options[index];
    if (entry === undefined) {
      throw new Error(`No client options at index ${index}`);
    }
    const client = await BenchClient.open(entry);
    await client.sync(SYNC_TIMEOUT_MS);
    return client;
  });
}

/** Closes every client, a bounded number at a time. */
export async function closeClients(clients: readonly BenchClient[], concurrency = 200): Promise<void> {
  await mapWithConcurrency(clients.length, concurrency, async (index) => {
    await clients[index]?.close();
  });
}

/**
 * Close codes of sockets that the relay closed while the bench still used them, with their
 * counts (e.g. `{ "1006": 3 }`); call before closing the clients.
 */
export function unexpectedCloseCodes(clients: readonly BenchClient[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const client of clients) {
    if (client.closeCode !== null) {
      const key = client.closeReason === '' ? String(client.closeCode) : `${client.closeCode} ${client.closeReason}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return counts;
}
