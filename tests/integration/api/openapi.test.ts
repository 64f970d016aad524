import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/openapi.json/route';

describe('GET /api/v1/openapi.json (issue 5 §9)', () => {
  it('is a public OpenAPI 3.1 document of both endpoints, bearer auth and money as strings', async () => {
    const response = GET();
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: {
        securitySchemes: Record<string, { scheme: string }>;
        schemas: Record<string, { type?: string; pattern?: string; description?: string }>;
      };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/api/v1/reports', '/api/v1/reports/validate']);
    expect(doc.components.securitySchemes.bearer!.scheme).toBe('bearer');
    expect(doc.components.schemas.Money).toMatchObject({
      type: 'string',
      pattern: '^\\d+\\.\\d{2}$',
    });
    // The bound of one amount (issue 10 §5) is documented with the money type.
    expect(doc.components.schemas.Money!.description).toContain('at most 1000000000.00');
    expect(doc.components.schemas.Error).toBeDefined();
  });
});
