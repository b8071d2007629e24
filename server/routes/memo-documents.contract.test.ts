import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness.ts';
import { insertMemo } from '../testing/document-fixtures.ts';
import { checkResponse, haveOpenApi, loadSpec, OPENAPI_DIR } from '../testing/swagger-check.ts';

// The sandbox's document responses against Zuora's published spec (../shared/zuora-openapi).
if (!haveOpenApi()) console.warn(`Skipping document contract tests: ${OPENAPI_DIR} is absent.`);

describe.runIf(haveOpenApi())('document responses match Zuora’s spec', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ seed: 'none' });
  });
  afterAll(() => h.close());

  for (const [file, kind, base, specBase] of [
    ['debit-memos.json', 'DebitMemo', '/v1/debit-memos', '/v1/debitmemos/{debitMemoKey}'],
    ['credit-memos.json', 'CreditMemo', '/v1/credit-memos', '/v1/creditmemos/{creditMemoKey}'],
  ] as const) {
    it(`${kind}: pdfs, files upload, emails`, async () => {
      const spec = loadSpec(file);
      const memo = await insertMemo(h.conn.db, { kind });
      const pdf = await h.call('POST', `${base}/${memo.number}/pdfs`);
      expect(checkResponse(spec, 'POST', `${specBase}/pdfs`, pdf.body)).toEqual([]);

      const form = new FormData();
      form.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'a.pdf');
      const res = await h.app.request(`${base}/${memo.number}/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await h.token()}` },
        body: form,
      });
      const uploaded: unknown = await res.json();
      expect(res.status).toBe(200);
      expect(checkResponse(spec, 'POST', `${specBase}/files`, uploaded)).toEqual([]);

      const email = await h.call('POST', `${base}/${memo.number}/emails`, { emailAddresses: 'ap@acme.example' });
      expect(email.status).toBe(200);
      expect(checkResponse(spec, 'POST', `${specBase}/emails`, email.body)).toEqual([]);
    });
  }

  it('the checker notices a wrong type', () => {
    const spec = loadSpec('debit-memos.json');
    expect(
      checkResponse(spec, 'POST', '/v1/debitmemos/{debitMemoKey}/files', { fileId: 12, success: 'yes' }),
    ).toHaveLength(2);
  });
});
