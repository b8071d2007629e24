// What the server writes into the SPA's index.html for the SPA to read at start-up (server/static-site.ts,
// src/app/server-health.ts): not Zuora's contract, the product's own between its two halves.

/** The <meta name> whose content is the server's /healthz answer (JSON): the mode without a round trip. */
export const HEALTH_META = 'cdm-server-health';
