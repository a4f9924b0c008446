import { expect, type APIRequestContext } from '@playwright/test';

/** Signs in through the API (password grant) and returns the access token, for seeding data before a test drives the UI. */
export async function tokenFor(request: APIRequestContext, email: string, password: string): Promise<string> {
  const response = await request.post('/api/v1/auth/token', { data: { grantType: 'password', email, password } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Creates a record through the API and returns it; anything but 201 fails the test with the response body. */
export async function post<T>(request: APIRequestContext, token: string, url: string, data: unknown): Promise<T> {
  const response = await request.post(url, { headers: { Authorization: `Bearer ${token}` }, data });
  expect(response.status(), `${url}: ${await response.text()}`).toBe(201);
  return (await response.json()) as T;
}
