import { handlers } from '@/auth';
import { refuseBadCallbackUrl } from '@/auth/callback-url-guard';
import type { NextRequest } from 'next/server';

// Auth.js answers a callbackUrl that is not an http(s) URL (`javascript:…`, in the query or its
// callback-url cookie) with a 500; it is a bad request, answered 400 (issue 12 §6).
export async function GET(request: NextRequest): Promise<Response> {
  return refuseBadCallbackUrl(request) ?? handlers.GET(request);
}

export async function POST(request: NextRequest): Promise<Response> {
  return refuseBadCallbackUrl(request) ?? handlers.POST(request);
}
