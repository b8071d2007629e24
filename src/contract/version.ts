/**
 * The one `zuora-version` the SPA sends on every call (src/api/client.ts), which the proxy passes through and whose
 * field names the sandbox answers with (docs/proxy-mode.md "Pinned zuora-version"). 257.0 is the first minor
 * version with every name this UI reads and writes: `taxationItems` on items (239.0), `productRatePlanChargeId`
 * and `description` on memo charges and items (257.0) (docs/zuora/tenant-read-contract.md A12). Without a header
 * a never-upgraded tenant answers as 186.0, and an admin may lock another default: the pin makes every tenant
 * answer alike. Only the catalog read asks for 229.0, the last version that embeds rate plans (src/api/catalog.ts).
 */
export const ZUORA_VERSION = '257.0';
