import { bearer, tokenFor } from '../support/auth';
import { ContractChecker } from '../support/contract';
import { createTestApp, TestApp } from '../support/test-app';

describe('the OpenAPI documents are the contract', () => {
  const checker = new ContractChecker();

  it('the checker refuses answers the documents do not describe', () => {
    expect(checker.check('/rod/v1/inschrijvingen', 'POST', 201, 'application/json', JSON.stringify({ resultaat: 5 }))).not.toEqual([]);
    expect(checker.check('/rod/v1/inschrijvingen', 'POST', 418, 'application/json', '{}')).toEqual([expect.stringContaining('documents no 418')]);
    expect(checker.check('/rod/v1/inschrijvingen', 'PATCH', 200, 'application/json', '{}')).toEqual([expect.stringContaining('documents no PATCH')]);
    expect(checker.check('/rod/v1/inschrijvingen', 'POST', 400, 'application/json', '{}')).toEqual([expect.stringContaining('media type application/json not documented')]);
    const problem = { type: 'urn:x', title: 'Bad Request', status: 400, detail: 'x', instance: '/rod/v1/inschrijvingen', code: 'invalid_input', errors: [] };
    expect(checker.check('/rod/v1/inschrijvingen', 'POST', 400, 'application/problem+json', JSON.stringify(problem))).toEqual([]);
    expect(checker.check('/rod/v1/inschrijvingen', 'POST', 400, 'application/problem+json', JSON.stringify({ ...problem, status: '400' }))).not.toEqual([]);
  });

  describe('wired into every test app', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('checks each answer as it is sent', async () => {
      const token = await tokenFor(t, 'las-alfa');
      const res = await t.http().get('/rio/v1/onderwijslocaties').set(bearer(token));
      expect(res.status).toBe(200);
      expect(t.contractViolations).toEqual([]);
      expect(t.contractChecked()).toBeGreaterThanOrEqual(2);
      // A break in the document is caught: check the same answer against a document that says integers are strings.
      const broken = new ContractChecker();
      const doc = broken.documents.find((d) => d.key === 'rio')!.doc;
      expect(broken.check('/rio/v1/onderwijslocaties', 'GET', 200, res.headers['content-type'], JSON.stringify({ ...res.body, page: { ...res.body.page, number: '1' } }))).toEqual([
        expect.stringContaining('/page/number must be integer'),
      ]);
      expect(doc.paths['/onderwijslocaties'].get).toBeDefined();
    });
  });
});
