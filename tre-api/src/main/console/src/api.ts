// The console's only way to the service: the API's own routes, POST with a JSON body and the
// person's token, exactly as dx and curl call them. Whatever the API refuses, the console cannot do.

const TOKEN_KEY = 'tre-console.token';

/** A refusal as the API words it: {"error": {"type", "message"}}. */
export class ApiError extends Error {
  constructor(readonly type: string, message: string, readonly status: number) {
    super(message);
  }

  override toString(): string {
    return `${this.type}: ${this.message}`;
  }
}

// sessionStorage: the token lives as long as the tab, is never sent by the browser on its own (no
// cookie, so no cross-site request can use it) and is gone when the tab closes.
export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  signIn: (token: string): void => sessionStorage.setItem(TOKEN_KEY, token),
  signOut: (): void => sessionStorage.removeItem(TOKEN_KEY),
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export async function call<T = Json>(route: string, input: object = {}, token = session.token()): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  let response: Response;
  try {
    response = await fetch(route, {
      method: 'POST', headers, body: JSON.stringify(input), credentials: 'omit', cache: 'no-store',
    });
  } catch {
    throw new ApiError('NetworkError', 'The service could not be reached', 0);
  }
  const text = await response.text();
  let body: Json;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    throw new ApiError(`HTTP ${response.status}`, 'The answer was not JSON', response.status);
  }
  if (!response.ok || body?.error) {
    const error = body?.error ?? {};
    throw new ApiError(error.type ?? `HTTP ${response.status}`, error.message ?? response.statusText, response.status);
  }
  return body as T;
}

/** Every page of a paged route (find routes, history), following `next` as dx does. */
export async function callAll(route: string, input: object = {}): Promise<Json[]> {
  const results: Json[] = [];
  let starting: Json = undefined;
  do {
    const page = await call(route, starting === undefined ? input : { ...input, starting });
    results.push(...page.results);
    starting = page.next;
  } while (starting !== null && starting !== undefined);
  return results;
}
