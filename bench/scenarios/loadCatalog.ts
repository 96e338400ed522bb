import path from 'node:path';
import { informational, metricRow } from '../lib/report';
import { inProcess, report, type Scenario } from '../lib/runScenario';
import { ROOT } from '../lib/serverProcess';
import { type PhotosOptions, runPhotos } from './photos';
import { runSlowLoad, SLOW_3G, type SlowLoadOptions } from './slowLoad';

/**
 * The built client served by the real server to Chromium on a slow 3G network. `BENCH_STATIC_DIR`
 * serves another build instead (an older commit's `dist/client`, to compare before and after).
 */
const slowLoad: Scenario = {
  name: 'slow-load',
  async run(context) {
    const options: SlowLoadOptions = {
      staticDir: process.env.BENCH_STATIC_DIR ?? path.join(ROOT, 'dist/client'),
      network: SLOW_3G,
      runs: context.isQuick ? 2 : 5,
    };
    // A run on the slow network takes up to a minute and a half.
    const outcomes = await inProcess(context, 'slow-load', () => runSlowLoad(options), 12 * 60_000);
    const { downloadKbps, latencyMs } = options.network;
    const name = `slow 3G (${downloadKbps} kbps, ${latencyMs} ms)`;
    const rows = [
      metricRow(name, 'sign-in form usable, first visit p50 ms', outcomes, (r) => r.signInMs.p50, { digits: 0 }),
      metricRow(name, 'sign-in form usable, first visit p95 ms', outcomes, (r) => r.signInMs.p95, { digits: 0 }),
      informational(metricRow(name, 'sign-in page JS sent, KiB', outcomes, (r) => r.signInJsKb, { digits: 0 })),
      metricRow(name, 'signing in possible, first visit p50 ms', outcomes, (r) => r.signInReadyMs.p50, { digits: 0 }),
      metricRow(name, 'signing in possible, first visit p95 ms', outcomes, (r) => r.signInReadyMs.p95, { digits: 0 }),
      informational(
        metricRow(name, 'JS sent until signing in possible, KiB', outcomes, (r) => r.signInReadyJsKb, { digits: 0 }),
      ),
      metricRow(name, 'document editable, first visit p50 ms', outcomes, (r) => r.firstDocMs.p50, { digits: 0 }),
      metricRow(name, 'document editable, first visit p95 ms', outcomes, (r) => r.firstDocMs.p95, { digits: 0 }),
      metricRow(name, 'document editable, repeat visit p50 ms', outcomes, (r) => r.repeatDocMs.p50, { digits: 0 }),
      metricRow(name, 'document editable, repeat visit p95 ms', outcomes, (r) => r.repeatDocMs.p95, { digits: 0 }),
      metricRow(name, 'offline reload to editable p50 ms', outcomes, (r) => r.offlineDocMs.p50, { digits: 0 }),
      metricRow(name, 'offline reload to editable p95 ms', outcomes, (r) => r.offlineDocMs.p95, { digits: 0 }),
    ];
    return report('slow-load', outcomes, rows, { ...options, staticDir: path.relative(ROOT, options.staticDir) });
  },
};

const photos: Scenario = {
  name: 'photos',
  async run(context) {
    const options: PhotosOptions = {
      staticDir: process.env.BENCH_STATIC_DIR ?? path.join(ROOT, 'dist/client'),
      photos: context.isQuick ? 5 : 20,
      width: 4000,
    };
    const outcomes = await inProcess(context, 'photos', () => runPhotos(options), 10 * 60_000);
    const name = `${options.photos} camera photos (${options.width} px), one draft`;
    const rows = [
      metricRow(name, 'insert one offline, to shown p50 ms', outcomes, (r) => r.insertMs.p50, { digits: 0 }),
      metricRow(name, 'insert one offline, to shown p95 ms', outcomes, (r) => r.insertMs.p95, { digits: 0 }),
      metricRow(name, 'online until all uploaded ms', outcomes, (r) => r.uploadAllMs, { digits: 0 }),
      metricRow(name, 'another device, until all shown ms', outcomes, (r) => r.firstViewAllMs, { digits: 0 }),
      informational(metricRow(name, 'camera JPEG KiB', outcomes, (r) => r.originalKb, { digits: 0 })),
      informational(metricRow(name, 'kept and sent KiB', outcomes, (r) => r.storedKb, { digits: 0 })),
    ];
    return report('photos', outcomes, rows, { ...options, staticDir: path.relative(ROOT, options.staticDir) });
  },
};

/** Field work: loading the app on a weak network, and photos in a document. */
export const LOAD_SCENARIOS: readonly Scenario[] = [slowLoad, photos];
