// The dev host alone in a child process, so its resident memory is its own (storage and the test
// run in the parent). Answers {type:'stats'} with its current and peak RSS.
import { startDevHost } from '../../../functions/dev/host';
import { ownPeakRssBytes } from '../../../functions/dev/peak-rss';

process.on('message', (m: { type?: string }) => {
  if (m.type === 'stats') process.send?.({ type: 'stats', rss: process.memoryUsage().rss, peakRss: ownPeakRssBytes() });
});

startDevHost({ port: 0, connectionString: process.env.HOSTILE_STORAGE ?? '', secret: process.env.HOSTILE_SECRET ?? '' })
  .then((h) => process.send?.({ type: 'ready', url: h.url }))
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
