/**
 * The one way the browser talks to the API: JSON in and out, the session cookie, the CSRF token on every
 * state-changing request, and the server's {error:{code,message,details}} turned into an ApiError.
 */

export type FieldProblem = { field: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details: unknown = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /**
   * Problems tied to form fields. Schema validation sends a list of {field,message}; a service rule names a
   * single field ({field}) and leaves the message in the error itself — both shapes arrive here.
   */
  get fieldProblems(): FieldProblem[] {
    const asProblem = (d: unknown): FieldProblem | null => {
      if (typeof d !== 'object' || d === null || !('field' in d) || typeof d.field !== 'string') return null;
      const message = 'message' in d && typeof d.message === 'string' ? d.message : this.message;
      return { field: d.field, message };
    };
    const list = Array.isArray(this.details) ? this.details : [this.details];
    return list.map(asProblem).filter((p): p is FieldProblem => p !== null);
  }
}

// Held in memory only (never in storage): it is handed out by /api/auth/me and login, and the cookie alone is
// not enough to change anything.
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: QueryParams;
  /** A 401 is an expected answer here (the login attempt, the "am I logged in?" probe), not a lost session. */
  expectUnauthenticated?: boolean;
};

const LOGIN_PATH = '/login';

function urlOf(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function leaveFor(path: string): void {
  if (window.location.pathname === path) return;
  const from = window.location.pathname + window.location.search;
  window.location.assign(path === LOGIN_PATH ? `${LOGIN_PATH}?from=${encodeURIComponent(from)}` : path);
}

export async function http<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  // Only with a body: Fastify refuses an empty body declared as JSON (e.g. POST …/revoke).
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }

  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (res.ok) return data as T;

  const body = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  const error =
    body && typeof body.code === 'string' && typeof body.message === 'string'
      ? new ApiError(res.status, body.code, body.message, body.details ?? null)
      : new ApiError(res.status, `HTTP_${res.status}`, `服务器暂时无法处理请求（${res.status}）`);
  if (res.status === 401 && !options.expectUnauthenticated) {
    setCsrfToken(null);
    leaveFor(LOGIN_PATH);
  }
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') leaveFor('/change-password');
  throw error;
}

export const api = {
  get: <T>(path: string, query?: QueryParams) => http<T>(path, { query }),
  post: <T>(path: string, body?: unknown) => http<T>(path, { method: 'POST', body }),
  patch: <T>(path: string, body: unknown) => http<T>(path, { method: 'PATCH', body }),
};
