import { openApiDocument } from '@/lib/server/api/openapi-document';

/** Issue 5 §9: the public OpenAPI 3.1 description of api/v1. */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
