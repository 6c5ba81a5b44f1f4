// Segment's browser SDK, analytics.js (@segment/analytics-next), in a jsdom page, pointed at a Pulse ingest service
// by the Segment.io integration's apiHost: a track, page, identify, group and alias call, each awaited until the SDK
// has delivered it. Prints one line per call: type, messageId, anonymousId, and whether delivery failed.
// Usage: node send.js <host:port> <write key> <run id>
const { JSDOM } = require('jsdom');

const [host, writeKey, run] = process.argv.slice(2);
const dom = new JSDOM('<!doctype html><html><head><title>Cart</title></head><body></body></html>',
  { url: 'https://shop.example/cart?ref=mail', pretendToBeVisual: true });
// the SDK reads the page through these browser globals; Node's own fetch stays (jsdom has none)
for (const name of ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'screen']) {
  Object.defineProperty(globalThis, name, { value: dom.window[name], configurable: true, writable: true });
}
const { AnalyticsBrowser } = require('@segment/analytics-next');

(async () => {
  // cdnSettings given, so the SDK asks Segment's CDN for nothing
  const [analytics] = await AnalyticsBrowser.load(
    { writeKey, cdnSettings: { integrations: { 'Segment.io': { apiKey: writeKey, apiHost: host + '/v1', protocol: 'http' } } } },
    { disableClientPersistence: true });
  const calls = [
    await analytics.track('Order Completed', { revenue: 19.99, currency: 'EUR', run }),
    await analytics.page('Shop', 'Cart', { run }),
    await analytics.identify('u-' + run, { plan: 'pro', run }),
    await analytics.group('g-' + run, { name: 'Acme', run }),
    await analytics.alias('u2-' + run, 'u-' + run),
  ];
  for (const ctx of calls) {
    console.log(['call', ctx.event.type, ctx.event.messageId, ctx.event.anonymousId,
      ctx.failedDelivery() ? 'failed' : 'delivered'].join(' '));
  }
  process.exit(0);
})().catch((e) => {
  console.error('analytics.js failed:', e);
  process.exit(1);
});
